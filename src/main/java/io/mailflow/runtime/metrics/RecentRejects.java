package io.mailflow.runtime.metrics;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The latest rejects this instance wrote, for the dashboard. Holds where each line was and why it
 * was refused, never the line itself: a line may hold mail addresses.
 */
public final class RecentRejects {
    /** How many rejects are kept. */
    public static final int CAPACITY = 50;

    /**
     * One reject as the dashboard lists it.
     *
     * @param time when this instance refused the line
     * @param host the server that wrote the line
     * @param reason the kind of problem, as counted in the rejects metric
     * @param message what was wrong and at which column
     * @param topic the topic the line was read from
     * @param partition its partition
     * @param offset its offset
     */
    public record Entry(
            Instant time,
            String host,
            String reason,
            String message,
            String topic,
            int partition,
            long offset) {}

    /** The answer of one instance. */
    public record Answer(List<Entry> rejects) {}

    private final Deque<Entry> latest = new ArrayDeque<>(CAPACITY);

    public synchronized void add(Entry entry) {
        if (latest.size() == CAPACITY) {
            latest.removeLast();
        }
        latest.addFirst(entry);
    }

    /** The rejects kept, the newest first. */
    public synchronized List<Entry> latest() {
        return new ArrayList<>(latest);
    }
}
