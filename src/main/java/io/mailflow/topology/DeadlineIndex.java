package io.mailflow.topology;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.kafka.common.utils.Bytes;
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
 *
 * <p>Changes since the last commit are held in memory and written to the store, which Kafka Streams
 * does not cache, by {@link #flush} from the {@link CommitHook}. Most entries are short-lived (a
 * received line waits minutes for its queued line, a session an hour at most), and one scheduled
 * and removed between two commits is never written at all. Should the store already have held an
 * identical entry, that one stays behind as a stale hint; scans start past it, so it is read only
 * after a restart, and then does nothing and is removed.
 */
final class DeadlineIndex {
    private static final byte[] EMPTY = new byte[0];
    private static final int DUE_BYTES = Long.BYTES;

    /**
     * How many changes may wait for a commit before they are written anyway: commits come every 100
     * ms under exactly-once but every 30 seconds under at-least-once.
     */
    static final int MAX_PENDING = 50_000;

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

    /** Entries scheduled ({@code true}) or removed ({@code false}) since the last flush. */
    private final NavigableMap<Bytes, Boolean> pending = new TreeMap<>();

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
        change(Bytes.wrap(b.array()), true);
        nextDue.merge(host, due, Math::min);
        low.computeIfPresent(host, (h, l) -> Math.min(l, due));
    }

    void remove(Deadline deadline) {
        if (!Boolean.TRUE.equals(pending.get(deadline.raw()))) {
            change(deadline.raw(), false);
        } else {
            pending.remove(deadline.raw());
        }
    }

    /** Writes the changes since the last flush to the store. */
    void flush() {
        pending.forEach(
                (key, scheduled) -> {
                    if (scheduled) {
                        store.put(key, EMPTY);
                    } else {
                        store.delete(key);
                    }
                });
        pending.clear();
    }

    /** How many changes wait to be written. */
    int pendingCount() {
        return pending.size();
    }

    private void change(Bytes key, boolean scheduled) {
        pending.put(key, scheduled);
        if (pending.size() > MAX_PENDING) {
            flush();
        }
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
        scan(
                bound(prefix, from),
                bound(prefix, time + 1),
                key -> {
                    Deadline d = decode(host, prefix.length, key);
                    if (!wallClock || d.kind().byWallClock()) {
                        due.add(d);
                    }
                    return due.size() < limit;
                });
        if (!wallClock) {
            low.put(host, due.size() < limit ? time + 1 : due.get(due.size() - 1).due());
        }
        return due;
    }

    /**
     * Remembers when the next entry of {@code host} after {@code time} is due, looking no further
     * than {@link #LOOK_AHEAD_MS}: without an entry that soon, the next check comes after that
     * long.
     */
    void refresh(String host, long time) {
        byte[] prefix = hostPrefix(host);
        long horizon = time + LOOK_AHEAD_MS;
        long[] next = {horizon};
        scan(
                bound(prefix, time + 1),
                bound(prefix, horizon + 1),
                key -> {
                    next[0] = decode(host, prefix.length, key).due();
                    return false;
                });
        nextDue.put(host, next[0]);
    }

    /**
     * Visits the keys from {@code from} to {@code to} in order, as the store will hold them after
     * the next flush: the store's, less those removed since the last flush, plus those scheduled
     * since; until {@code visitor} returns false.
     */
    private void scan(Bytes from, Bytes to, Predicate<Bytes> visitor) {
        Iterator<Map.Entry<Bytes, Boolean>> changes =
                pending.subMap(from, true, to, true).entrySet().iterator();
        Map.Entry<Bytes, Boolean> change = changes.hasNext() ? changes.next() : null;
        try (KeyValueIterator<Bytes, byte[]> stored = store.range(from, to)) {
            Bytes next = stored.hasNext() ? stored.peekNextKey() : null;
            while (next != null || change != null) {
                int order =
                        next == null ? 1 : change == null ? -1 : next.compareTo(change.getKey());
                Bytes key;
                if (order < 0) {
                    key = next;
                } else {
                    key = change.getValue() ? change.getKey() : null;
                    change = changes.hasNext() ? changes.next() : null;
                }
                if (order <= 0) {
                    stored.next();
                    next = stored.hasNext() ? stored.peekNextKey() : null;
                }
                if (key != null && !visitor.test(key)) {
                    return;
                }
            }
        }
    }

    private static Deadline decode(String host, int prefixLength, Bytes key) {
        ByteBuffer b = ByteBuffer.wrap(key.get());
        b.position(prefixLength);
        long due = sortable(b.getLong());
        Kind kind = Kind.of(b.get());
        String entryKey =
                new String(b.array(), b.position(), b.remaining(), StandardCharsets.UTF_8);
        return new Deadline(host, due, kind, entryKey, key);
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
