package io.mailflow.runtime.bench;

import org.HdrHistogram.Histogram;

/**
 * The time from a line's send to the read of the record it caused, over many lines.
 *
 * @param samples how many records were traced to their line
 * @param p50Millis the median, in milliseconds
 * @param p99Millis the 99th percentile, in milliseconds
 * @param maxMillis the longest, in milliseconds
 */
public record Latency(long samples, double p50Millis, double p99Millis, double maxMillis) {
    /** The percentiles of a histogram of microseconds. */
    static Latency of(Histogram micros) {
        return new Latency(
                micros.getTotalCount(),
                micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0,
                micros.getMaxValue() / 1000.0);
    }
}
