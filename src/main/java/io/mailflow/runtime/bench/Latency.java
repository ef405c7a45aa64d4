package io.mailflow.runtime.bench;

import org.HdrHistogram.Histogram;

/**
 * The time from a line's send to the read of the record it caused, over many lines.
 *
 * @param records how many records were read
 * @param samples how many of them were traced to their line and timed
 * @param p50Millis the median, in milliseconds
 * @param p99Millis the 99th percentile, in milliseconds
 * @param maxMillis the longest, in milliseconds
 */
public record Latency(
        long records, long samples, double p50Millis, double p99Millis, double maxMillis) {
    /** The percentiles of a histogram of microseconds, over {@code records} records read. */
    static Latency of(long records, Histogram micros) {
        return new Latency(
                records,
                micros.getTotalCount(),
                micros.getValueAtPercentile(50) / 1000.0,
                micros.getValueAtPercentile(99) / 1000.0,
                micros.getMaxValue() / 1000.0);
    }
}
