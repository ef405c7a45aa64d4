/** The Kafka Streams topology: wires the domain core between mailflow's topics and stores. */
package io.mailflow.topology;
