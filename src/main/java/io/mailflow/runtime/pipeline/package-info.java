/**
 * Runs the delivery topology with Kafka Streams: its lifecycle for {@code mailflow run}, and the
 * one-shot replay of log files through it.
 */
package io.mailflow.runtime.pipeline;
