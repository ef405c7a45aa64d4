package io.mailflow.topology;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The entries of one key-value store that a task is working on, kept as objects: reads after the
 * first are a hash lookup with no deserialisation, and a changed entry is written to the store once
 * per commit ({@link #flush}, called by the {@link CommitHook}) however often it changed, or when
 * it is evicted. The store underneath must not be cached by Kafka Streams.
 *
 * <p>Holds at most {@code capacity} entries, evicting the least recently used; entries known to be
 * absent count too. Values must not be changed once handed over: the cache keeps the object.
 *
 * <p>Only the stream thread of the task may use it. Interactive queries read the store itself, so
 * they see a change once it has been flushed, at the latest with the commit that makes the change's
 * outputs readable.
 */
final class WriteBackCache<V> {
    /** One cached entry; a {@code null} value means that the key has no entry. */
    private static final class Slot<V> {
        V value;

        /** Whether the store holds an entry under the key, as far as this cache has written. */
        boolean stored;

        Slot(V value, boolean stored) {
            this.value = value;
            this.stored = stored;
        }
    }

    private final KeyValueStore<String, V> store;
    private final Map<String, Slot<V>> slots;
    private final Set<String> dirty = new LinkedHashSet<>();

    WriteBackCache(KeyValueStore<String, V> store, int capacity) {
        this.store = store;
        this.slots =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<String, Slot<V>> eldest) {
                        if (size() <= capacity) {
                            return false;
                        }
                        if (dirty.remove(eldest.getKey())) {
                            write(eldest.getKey(), eldest.getValue());
                        }
                        return true;
                    }
                };
    }

    /** The entry under {@code key}, or {@code null}. */
    V get(String key) {
        Slot<V> slot = slots.get(key);
        if (slot == null) {
            V stored = store.get(key);
            slot = new Slot<>(stored, stored != null);
            slots.put(key, slot);
        }
        return slot.value;
    }

    void put(String key, V value) {
        set(key, value);
    }

    void delete(String key) {
        set(key, null);
    }

    /**
     * Writes every entry changed since the last flush to the store. An entry created and deleted
     * again in between is not written at all: the store never had it.
     */
    void flush() {
        for (String key : dirty) {
            write(key, slots.get(key));
        }
        dirty.clear();
    }

    /**
     * The entries whose keys start with {@code prefix}, from the store after a {@link #flush}: a
     * scan costs every change waiting for the commit its write now. Close the iterator.
     */
    <P> KeyValueIterator<String, V> prefixScan(P prefix, Serializer<P> prefixSerializer) {
        flush();
        return store.prefixScan(prefix, prefixSerializer);
    }

    /** How many entries wait to be written. */
    int dirtyCount() {
        return dirty.size();
    }

    private void set(String key, V value) {
        dirty.add(key);
        Slot<V> slot = slots.get(key);
        if (slot == null) {
            // Not read first: whether the store has an entry is unknown, so a delete is written.
            slots.put(key, new Slot<>(value, true));
        } else {
            slot.value = value;
        }
    }

    private void write(String key, Slot<V> slot) {
        if (slot.value != null) {
            store.put(key, slot.value);
            slot.stored = true;
        } else if (slot.stored) {
            store.delete(key);
            slot.stored = false;
        }
    }
}
