package io.mailflow.runtime.bench;

import java.util.concurrent.TimeUnit;

/**
 * How many lines a run handled in how long, and how much CPU the process spent meanwhile.
 *
 * @param lines the lines handled
 * @param nanos the time it took, in nanoseconds
 * @param cpuNanos the CPU time the whole process used in that time, in nanoseconds, or -1 when it
 *     is not known
 */
public record Rate(long lines, long nanos, long cpuNanos) {
    public Rate {
        if (nanos <= 0) {
            throw new IllegalArgumentException("nanos must be positive, but was " + nanos);
        }
    }

    /** {@code lines} handled from {@code start} to {@code end}. */
    static Rate between(long lines, Moment start, Moment end) {
        boolean cpuKnown = start.cpuNanos() >= 0 && end.cpuNanos() >= 0;
        return new Rate(
                lines,
                Math.max(1, end.wallNanos() - start.wallNanos()),
                cpuKnown ? end.cpuNanos() - start.cpuNanos() : -1);
    }

    public double seconds() {
        return nanos / (double) TimeUnit.SECONDS.toNanos(1);
    }

    public double perSecond() {
        return lines / seconds();
    }

    public boolean cpuKnown() {
        return cpuNanos >= 0;
    }

    /** Microseconds of the process's CPU per line; only when {@link #cpuKnown()}. */
    public double cpuMicrosPerLine() {
        return cpuNanos / 1_000.0 / lines;
    }
}
