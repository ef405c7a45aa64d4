package io.mailflow.topology;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Each host's own event time: the latest line time seen from it. Kafka's stream time follows the
 * input records' timestamps, which a shipper sets when it reads the file, not when Web Crossing
 * wrote the line, and it mixes all hosts of a partition; deadlines go by the log's own clock
 * instead, host by host, as a log reader would.
 *
 * <p>Also remembers the wall-clock time each clock last moved, so that a host that goes quiet still
 * sees its deadlines pass. Clocks are saved to a small store now and then (not on every line), so
 * that a restarted instance knows its hosts before they log again.
 */
final class HostClocks {
    /** How far a clock moves before it is saved again. */
    static final long SAVE_EVERY_MS = 60_000;

    private static final long NEVER = Long.MIN_VALUE;

    /** One host's clock. */
    static final class Clock {
        private long lineTime;
        private long wallTime;
        private long savedLineTime;

        private Clock(long lineTime, long wallTime, long savedLineTime) {
            this.lineTime = lineTime;
            this.wallTime = wallTime;
            this.savedLineTime = savedLineTime;
        }

        /** The latest line time seen, epoch millis. */
        long lineTime() {
            return lineTime;
        }

        /** The line time this host's log has presumably reached by wall-clock time {@code now}. */
        long lineTimeAt(long wallNow) {
            return lineTime + Math.max(0, wallNow - wallTime);
        }

        /** How long, in wall-clock millis, the host has logged nothing later. */
        long quietFor(long wallNow) {
            return wallNow - wallTime;
        }
    }

    private final KeyValueStore<String, Long> store;
    private final Map<String, Clock> clocks = new HashMap<>();

    HostClocks(KeyValueStore<String, Long> store, long wallNow) {
        this.store = store;
        try (KeyValueIterator<String, Long> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, Long> saved = it.next();
                clocks.put(saved.key, new Clock(saved.value, wallNow, saved.value));
            }
        }
    }

    /** Moves {@code host}'s clock to {@code lineTime} if that is later, and returns it. */
    Clock advance(String host, long lineTime, long wallNow) {
        Clock c = clocks.get(host);
        if (c == null) {
            c = new Clock(lineTime, wallNow, NEVER);
            clocks.put(host, c);
        } else if (lineTime > c.lineTime) {
            c.lineTime = lineTime;
            c.wallTime = wallNow;
        }
        if (c.savedLineTime == NEVER || c.lineTime - c.savedLineTime >= SAVE_EVERY_MS) {
            store.put(host, c.lineTime);
            c.savedLineTime = c.lineTime;
        }
        return c;
    }

    Set<Map.Entry<String, Clock>> all() {
        return clocks.entrySet();
    }
}
