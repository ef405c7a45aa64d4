package io.mailflow.generate;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The lines of one host, collected in any order and then sorted by the time they are written at.
 * Each line is kept as its time, its source and its part; the text is rendered only when written.
 * Lines stamped at or after the end of the log are dropped on the way in.
 *
 * <p>Sorting works on one {@code long} per line: the second the line is written at, relative to the
 * start of the log, above the line's index. Equal seconds thus keep the order of adding.
 */
final class LineBuffer {
    private static final int INDEX_BITS = 35;
    private static final long INDEX_MASK = (1L << INDEX_BITS) - 1;

    /** Swapped neighbours are from one to five seconds apart: "slightly" out of order. */
    private static final long MIN_SWAP_GAP = 1;

    private static final long MAX_SWAP_GAP = 5;

    private final long origin;
    private final long end;
    private long[] stamps = new long[1024];
    private long[] keys = new long[1024];
    private LineSource[] sources = new LineSource[1024];
    private byte[] parts = new byte[1024];
    private int size;

    /** A buffer for lines stamped from {@code origin} (inclusive) to {@code end} (exclusive). */
    LineBuffer(long origin, long end) {
        this.origin = origin;
        this.end = end;
    }

    void add(long stamp, LineSource source, int part) {
        addWrittenAt(stamp, stamp, source, part);
    }

    /** Adds a line stamped {@code stamp} but written among the lines of second {@code writeAt}. */
    void addWrittenAt(long stamp, long writeAt, LineSource source, int part) {
        if (stamp >= end) {
            return;
        }
        if (stamp < origin) {
            throw new IllegalArgumentException(
                    "line stamped " + stamp + " before the log's start " + origin);
        }
        grow();
        stamps[size] = stamp;
        keys[size] = ((writeAt - origin) << INDEX_BITS) | size;
        sources[size] = source;
        parts[size] = (byte) part;
        size++;
    }

    void sort() {
        Arrays.sort(keys, 0, size);
    }

    /**
     * Swaps about {@code share} of all adjacent pairs whose lines belong to different subjects, are
     * one to five seconds apart and are written at their own time. A line moves at most once.
     *
     * @return the number of pairs swapped
     */
    int swapNeighbours(SplittableRandom random, double share) {
        int swapped = 0;
        for (int p = 0; p + 1 < size; p++) {
            if (random.nextDouble() < share && swappable(p)) {
                long first = keys[p];
                keys[p] = keys[p + 1];
                keys[p + 1] = first;
                swapped++;
                p++;
            }
        }
        return swapped;
    }

    int size() {
        return size;
    }

    long stamp(int position) {
        return stamps[index(position)];
    }

    LineSource source(int position) {
        return sources[index(position)];
    }

    int part(int position) {
        return parts[index(position)];
    }

    /** Whether the line is written later than its stamp says. */
    boolean isLate(int position) {
        return writeAt(position) != stamp(position);
    }

    /** The latest stamp of any line, or {@code Long.MIN_VALUE} when there are none. */
    long lastStamp() {
        long last = Long.MIN_VALUE;
        for (int i = 0; i < size; i++) {
            last = Math.max(last, stamps[i]);
        }
        return last;
    }

    private boolean swappable(int p) {
        long gap = stamp(p + 1) - stamp(p);
        return gap >= MIN_SWAP_GAP
                && gap <= MAX_SWAP_GAP
                && source(p).subject() != source(p + 1).subject()
                && !isLate(p)
                && !isLate(p + 1);
    }

    private long writeAt(int position) {
        return (keys[position] >>> INDEX_BITS) + origin;
    }

    private int index(int position) {
        return (int) (keys[position] & INDEX_MASK);
    }

    private void grow() {
        if (size < stamps.length) {
            return;
        }
        int capacity = stamps.length * 2;
        stamps = Arrays.copyOf(stamps, capacity);
        keys = Arrays.copyOf(keys, capacity);
        sources = Arrays.copyOf(sources, capacity);
        parts = Arrays.copyOf(parts, capacity);
    }
}
