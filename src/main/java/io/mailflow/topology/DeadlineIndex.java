package io.mailflow.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * When something must happen to an entry of another store: a delivery stalls or leaves the store, a
 * received line's window closes, an open session times out. Keys sort by host, then due time, so
 * the entries due on one host are one short range scan and nothing scans the big stores.
 *
 * <p>Key layout: {@code host UTF-8, 0x00, due epoch millis (8 bytes, big-endian, sign bit flipped
 * so that byte order is time order), kind (1 byte), entry's store key UTF-8}. Values are empty.
 *
 * <p>The caller removes the entries {@link #dueBy} returns before asking again.
 *
 * <p>Entries are hints, not truth: when one fires, the owner re-reads its entry and decides from
 * that entry's own state; a stale hint does nothing. That lets hot paths skip deleting hints.
 */
final class DeadlineIndex {
    private static final byte[] EMPTY = new byte[0];
    private static final int DUE_BYTES = Long.BYTES;

    /** How far past the clock {@link #refresh} looks for the next entry, in milliseconds. */
    static final long LOOK_AHEAD_MS = 60_000;

    /** What a deadline is for. */
    enum Kind {
        /** A delivery stalls, or leaves the store after retention. */
        DELIVERY((byte) 1, true),
        /** Received and queued lines of one sender and recipient stop waiting for a match. */
        RECEIPTS((byte) 2, false),
        /** Open sessions of one address time out. */
        SESSIONS((byte) 3, true);

        private final byte code;
        private final boolean byWallClock;

        Kind(byte code, boolean byWallClock) {
            this.code = code;
            this.byWallClock = byWallClock;
        }

        /**
         * Whether wall-clock time may fire it when the host goes quiet. Received lines wait for the
         * log alone: a shipper that lags by a few minutes must not turn relayed mail into local
         * mail.
         */
        boolean byWallClock() {
            return byWallClock;
        }

        static Kind of(byte code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            throw new IllegalStateException("deadline index holds unknown kind " + code);
        }
    }

    /** One index entry. */
    record Deadline(String host, long due, Kind kind, String key, Bytes raw) {}

    private final KeyValueStore<Bytes, byte[]> store;
    private final Map<String, Long> nextDue = new HashMap<>();

    /**
     * Per host, a time no entry is due before: scans start there. Fired entries are deleted, and
     * RocksDB keeps deletions as tombstones until compaction; a scan from the start of the host's
     * range would step over every one of them, each time.
     */
    private final Map<String, Long> low = new HashMap<>();

    DeadlineIndex(KeyValueStore<Bytes, byte[]> store) {
        this.store = store;
    }

    void schedule(String host, Instant dueAt, Kind kind, String key) {
        long due = dueAt.toEpochMilli();
        byte[] prefix = hostPrefix(host);
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(prefix.length + DUE_BYTES + 1 + k.length);
        b.put(prefix).putLong(sortable(due)).put(kind.code).put(k);
        store.put(Bytes.wrap(b.array()), EMPTY);
        nextDue.merge(host, due, Math::min);
        low.computeIfPresent(host, (h, l) -> Math.min(l, due));
    }

    void remove(Deadline deadline) {
        store.delete(deadline.raw());
    }

    /** Whether some entry of {@code host} may be due by {@code time}. */
    boolean mayHaveDue(String host, long time) {
        return nextDue.getOrDefault(host, Long.MIN_VALUE) <= time;
    }

    /**
     * Up to {@code limit} entries of {@code host} due at or before {@code time}, earliest first;
     * with {@code wallClock}, only kinds that wall-clock time may fire.
     */
    List<Deadline> dueBy(String host, long time, boolean wallClock, int limit) {
        List<Deadline> due = new ArrayList<>();
        byte[] prefix = hostPrefix(host);
        long from = low.getOrDefault(host, Long.MIN_VALUE);
        try (KeyValueIterator<Bytes, byte[]> it =
                store.range(bound(prefix, from), bound(prefix, time + 1))) {
            while (it.hasNext() && due.size() < limit) {
                Deadline d = decode(host, prefix.length, it.next());
                if (!wallClock || d.kind().byWallClock()) {
                    due.add(d);
                }
            }
        }
        if (!wallClock) {
            low.put(host, due.size() < limit ? time + 1 : due.get(due.size() - 1).due());
        }
        return due;
    }

    /**
     * Remembers when the next entry of {@code host} after {@code time} is due, looking no further
     * than {@link #LOOK_AHEAD_MS}: without an entry that soon, the next check comes after that
     * long. A bounded scan matters because a store cache copies the keys of a range before
     * iterating it; a scan to the end of the host's entries would copy them all.
     */
    void refresh(String host, long time) {
        byte[] prefix = hostPrefix(host);
        long horizon = time + LOOK_AHEAD_MS;
        try (KeyValueIterator<Bytes, byte[]> it =
                store.range(bound(prefix, time + 1), bound(prefix, horizon + 1))) {
            nextDue.put(
                    host, it.hasNext() ? decode(host, prefix.length, it.next()).due() : horizon);
        }
    }

    private static Deadline decode(String host, int prefixLength, KeyValue<Bytes, byte[]> entry) {
        ByteBuffer b = ByteBuffer.wrap(entry.key.get());
        b.position(prefixLength);
        long due = sortable(b.getLong());
        Kind kind = Kind.of(b.get());
        String key = new String(b.array(), b.position(), b.remaining(), StandardCharsets.UTF_8);
        return new Deadline(host, due, kind, key, entry.key);
    }

    private static byte[] hostPrefix(String host) {
        byte[] h = host.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(h, h.length + 1);
    }

    /**
     * A key below every entry of {@code prefix} due at {@code time} and above every entry due
     * earlier: entries are longer than this prefix of theirs.
     */
    private static Bytes bound(byte[] prefix, long time) {
        return Bytes.wrap(
                ByteBuffer.allocate(prefix.length + DUE_BYTES)
                        .put(prefix)
                        .putLong(sortable(time))
                        .array());
    }

    /** Flips the sign bit, so that unsigned byte order matches signed order; its own inverse. */
    private static long sortable(long millis) {
        return millis ^ Long.MIN_VALUE;
    }
}
