/** mailflow's metrics: its own counters, Kafka Streams' and the JVM's, in Prometheus form. */
package io.mailflow.runtime.metrics;
