package io.mailflow.runtime.bench;

import java.lang.management.ManagementFactory;

/**
 * A point in a run, on two clocks: the wall clock ({@link System#nanoTime()}) and the CPU time this
 * process has used so far, on all its threads. The broker, the loop or pipeline, the feeding
 * producer and the reading consumer share the process, so the CPU between two moments is all the
 * work a run caused, wherever it was done, and it grows less than the wall clock when other work on
 * the machine takes the cores away.
 *
 * @param wallNanos {@link System#nanoTime()}
 * @param cpuNanos the process's CPU time in nanoseconds, or -1 where the JVM cannot tell it
 */
record Moment(long wallNanos, long cpuNanos) {
    static Moment now() {
        return new Moment(System.nanoTime(), processCpuNanos());
    }

    private static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
