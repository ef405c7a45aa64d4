package io.mailflow.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Random times in a span, busier by day than by night, in ascending order. */
final class Arrivals {
    /** Relative traffic by hour of day; the busiest hours are 1. */
    private static final double[] BY_HOUR = {
        0.25, 0.2, 0.2, 0.2, 0.25, 0.3, 0.45, 0.7, 0.95, 1, 1, 1, 0.85, 0.95, 1, 1, 0.95, 0.85, 0.7,
        0.6, 0.55, 0.5, 0.4, 0.3
    };

    private Arrivals() {}

    /** {@code count} epoch seconds from {@code from} (inclusive) to {@code to} (exclusive). */
    static long[] between(SplittableRandom random, int count, long from, long to) {
        if (count > 0 && to <= from) {
            throw new IllegalArgumentException("empty span from " + from + " to " + to);
        }
        long[] times = new long[count];
        for (int i = 0; i < count; i++) {
            times[i] = oneBetween(random, from, to);
        }
        Arrays.sort(times);
        return times;
    }

    private static long oneBetween(SplittableRandom random, long from, long to) {
        while (true) {
            long time = from + random.nextLong(to - from);
            int hour = (int) Math.floorMod(time, 86_400L) / 3600;
            if (random.nextDouble() < BY_HOUR[hour]) {
                return time;
            }
        }
    }
}
