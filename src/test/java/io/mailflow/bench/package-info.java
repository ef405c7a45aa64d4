/** JMH benchmarks of mailflow's hot paths, with the baselines they are measured against. */
package io.mailflow.bench;
