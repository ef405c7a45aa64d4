package io.mailflow.runtime.bench;

import java.util.concurrent.TimeUnit;

/**
 * How many lines a run handled in how long.
 *
 * @param lines the lines handled
 * @param nanos the time it took, in nanoseconds
 */
public record Rate(long lines, long nanos) {
    public Rate {
        if (nanos <= 0) {
            throw new IllegalArgumentException("nanos must be positive, but was " + nanos);
        }
    }

    /**
     * {@code lines} handled from {@code startNanos} to {@code endNanos} ({@link System#nanoTime}).
     */
    static Rate since(long lines, long startNanos, long endNanos) {
        return new Rate(lines, Math.max(1, endNanos - startNanos));
    }

    public double seconds() {
        return nanos / (double) TimeUnit.SECONDS.toNanos(1);
    }

    public double perSecond() {
        return lines / seconds();
    }
}
