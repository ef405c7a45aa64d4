/**
 * {@code mailflow bench}: the pipeline's throughput and latency on an embedded broker, measured in
 * the same run as a bare consume-produce loop over the same lines, the least any pipeline pays.
 */
package io.mailflow.runtime.bench;
