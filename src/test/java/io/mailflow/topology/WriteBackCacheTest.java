package io.mailflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.internals.WrappedStateStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WriteBackCacheTest {
    private CountingStore store;

    @BeforeEach
    void setUp() {
        KeyValueStore<String, Long> inner =
                Stores.keyValueStoreBuilder(
                                Stores.inMemoryKeyValueStore("counts"),
                                Serdes.String(),
                                Serdes.Long())
                        .withLoggingDisabled()
                        .build();
        inner.init(new MockProcessorContext<>().getStateStoreContext(), inner);
        store = new CountingStore(inner);
    }

    @Test
    void changes_reachTheStoreOnlyWhenFlushed_eachKeyOnceWithItsLatestValue() {
        WriteBackCache<Long> cache = new WriteBackCache<>(store, 100);

        cache.put("a", 1L);
        cache.put("a", 2L);
        cache.put("b", 7L);
        cache.put("a", 3L);

        assertThat(store.get("a")).isNull();
        assertThat(cache.get("a")).isEqualTo(3L);
        assertThat(cache.dirtyCount()).isEqualTo(2);

        cache.flush();

        assertThat(store.writes).containsExactly("put a=3", "put b=7");
        assertThat(store.get("a")).isEqualTo(3L);
        assertThat(cache.dirtyCount()).isZero();
    }

    @Test
    void aDeletedEntry_isDeletedFromTheStoreAndReadAsAbsent() {
        store.put("a", 5L);
        WriteBackCache<Long> cache = new WriteBackCache<>(store, 100);

        assertThat(cache.get("a")).isEqualTo(5L);
        cache.delete("a");

        assertThat(cache.get("a")).isNull();
        cache.flush();
        assertThat(store.get("a")).isNull();
        assertThat(store.writes).containsExactly("put a=5", "delete a");
    }

    @Test
    void readsAfterTheFirst_presentOrAbsent_doNotReachTheStore() {
        store.put("a", 5L);
        WriteBackCache<Long> cache = new WriteBackCache<>(store, 100);

        cache.get("a");
        cache.get("a");
        cache.get("missing");
        cache.get("missing");

        assertThat(store.reads).containsExactly("a", "missing");
    }

    @Test
    void evictingAChangedEntry_writesItAtOnce_andTheLeastRecentlyUsedGoesFirst() {
        WriteBackCache<Long> cache = new WriteBackCache<>(store, 2);

        cache.put("a", 1L);
        cache.put("b", 2L);
        cache.get("a"); // b is now the least recently used
        cache.put("c", 3L);

        assertThat(store.writes).containsExactly("put b=2");
        assertThat(cache.dirtyCount()).isEqualTo(2);
        assertThat(cache.get("b")).isEqualTo(2L); // read back from the store

        cache.flush();
        assertThat(store.get("a")).isEqualTo(1L);
        assertThat(store.get("c")).isEqualTo(3L);
    }

    @Test
    void anEntryCreatedAndDeletedBetweenFlushes_isNeverWritten() {
        WriteBackCache<Long> cache = new WriteBackCache<>(store, 100);

        assertThat(cache.get("a")).isNull();
        cache.put("a", 1L);
        cache.delete("a");
        cache.flush();

        assertThat(store.writes).isEmpty();
    }

    @Test
    void anEntryWrittenAndThenDeleted_isDeletedFromTheStore() {
        WriteBackCache<Long> cache = new WriteBackCache<>(store, 100);

        assertThat(cache.get("a")).isNull();
        cache.put("a", 1L);
        cache.flush();
        cache.delete("a");
        cache.flush();

        assertThat(store.writes).containsExactly("put a=1", "delete a");
        assertThat(store.get("a")).isNull();
    }

    @Test
    void aDeleteOfAKeyNeverRead_isWrittenSinceTheStoreMayHoldIt() {
        store.put("a", 5L);
        store.writes.clear();
        WriteBackCache<Long> cache = new WriteBackCache<>(store, 100);

        cache.delete("a");
        cache.flush();

        assertThat(store.writes).containsExactly("delete a");
        assertThat(store.get("a")).isNull();
    }

    @Test
    void aPrefixScan_seesTheChangesNotYetCommitted() {
        store.put("mx\0a", 1L);
        WriteBackCache<Long> cache = new WriteBackCache<>(store, 100);
        cache.get("mx\0a");
        cache.delete("mx\0a");
        cache.put("mx\0b", 2L);
        cache.put("other\0c", 3L);

        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = cache.prefixScan("mx\0", new StringSerializer())) {
            it.forEachRemaining(entry -> keys.add(entry.key + "=" + entry.value));
        }

        assertThat(keys).containsExactly("mx\0b=2");
        assertThat(cache.dirtyCount()).isZero();
    }

    @Test
    void aFlushWithNothingChanged_writesNothing() {
        store.put("a", 5L);
        WriteBackCache<Long> cache = new WriteBackCache<>(store, 100);
        cache.get("a");
        store.writes.clear();

        cache.flush();

        assertThat(store.writes).isEmpty();
    }

    /** Records the reads and writes that reach the store. */
    private static final class CountingStore
            extends WrappedStateStore<KeyValueStore<String, Long>, String, Long>
            implements KeyValueStore<String, Long> {
        final List<String> reads = new ArrayList<>();
        final List<String> writes = new ArrayList<>();

        CountingStore(KeyValueStore<String, Long> inner) {
            super(inner);
        }

        @Override
        public Long get(String key) {
            reads.add(key);
            return wrapped().get(key);
        }

        @Override
        public void put(String key, Long value) {
            writes.add("put " + key + "=" + value);
            wrapped().put(key, value);
        }

        @Override
        public Long delete(String key) {
            writes.add("delete " + key);
            return wrapped().delete(key);
        }

        @Override
        public Long putIfAbsent(String key, Long value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void putAll(List<KeyValue<String, Long>> entries) {
            throw new UnsupportedOperationException();
        }

        @Override
        public KeyValueIterator<String, Long> range(String from, String to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public KeyValueIterator<String, Long> all() {
            throw new UnsupportedOperationException();
        }

        @Override
        public <S extends Serializer<P>, P> KeyValueIterator<String, Long> prefixScan(
                P prefix, S prefixKeySerializer) {
            return wrapped().prefixScan(prefix, prefixKeySerializer);
        }

        @Override
        public long approximateNumEntries() {
            return wrapped().approximateNumEntries();
        }
    }
}
