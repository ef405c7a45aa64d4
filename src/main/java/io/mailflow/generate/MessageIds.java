package io.mailflow.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Web Crossing's message IDs on one host: a counter that starts anywhere and counts up, until a
 * server restart sets it back and IDs return. An ID returns only once every delivery that had it
 * has ended, and some time has passed since, so that its old and new lines cannot mix.
 */
final class MessageIds {
    /** How long an ID rests after its last delivery ended before it may return. */
    static final long REST_SECONDS = 600;

    private static final long NEVER_USED = Long.MIN_VALUE;

    private final long first;
    private long next;
    private long[] busyUntil = new long[1024];
    private long reused;

    MessageIds(long first) {
        this.first = first;
        this.next = first;
        Arrays.fill(busyUntil, NEVER_USED);
    }

    /** The next ID that is free at {@code at}. */
    long allocate(long at) {
        while (isBusy(next, at)) {
            next++;
        }
        if (slot(next) < busyUntil.length && busyUntil[slot(next)] != NEVER_USED) {
            reused++;
        }
        markBusy(next, Long.MAX_VALUE);
        return next++;
    }

    /** Records when the message that got {@code id} ended; {@code Long.MAX_VALUE} for never. */
    void release(long id, long finishedAt) {
        markBusy(id, finishedAt);
    }

    /** Sets the counter back to somewhere in the first half of the IDs used so far. */
    void restart(SplittableRandom random) {
        long used = next - first;
        next = first + (used < 2 ? 0 : random.nextLong(used / 2));
    }

    /** How many allocations returned an ID that an earlier message had. */
    long reused() {
        return reused;
    }

    private boolean isBusy(long id, long at) {
        int slot = slot(id);
        if (slot >= busyUntil.length || busyUntil[slot] == NEVER_USED) {
            return false;
        }
        long until = busyUntil[slot];
        return until == Long.MAX_VALUE || until + REST_SECONDS > at;
    }

    private void markBusy(long id, long until) {
        int slot = slot(id);
        if (slot >= busyUntil.length) {
            int old = busyUntil.length;
            busyUntil = Arrays.copyOf(busyUntil, Math.max(old * 2, slot + 1));
            Arrays.fill(busyUntil, old, busyUntil.length, NEVER_USED);
        }
        busyUntil[slot] = until;
    }

    private int slot(long id) {
        return Math.toIntExact(id - first);
    }
}
