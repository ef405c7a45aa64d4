package io.mailflow.topology;

import java.util.Map;
import java.util.Objects;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.StateStoreContext;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.internals.CacheFlushListener;
import org.apache.kafka.streams.state.internals.CachedStateStore;

/**
 * A state store that holds nothing and tells its processor that Kafka Streams is about to commit:
 * what the processor writes to its other stores then is part of the commit, in the same transaction
 * as the input offsets under exactly-once.
 *
 * <p>Kafka Streams has no public hook there. It flushes its record caches at that point, before it
 * sends the transaction's offsets, by calling {@link CachedStateStore#flushCache()} on every store
 * of the task that implements that internal interface; this store does, and calls the processor's
 * action instead. A processor that keeps objects between commits ({@link WriteBackCache}) writes
 * them from there. The stores it writes to must not be cached by Kafka Streams: a write into a
 * record cache that has already been flushed for this commit would be sent with the next one.
 *
 * <p>The hook rests on Kafka Streams' internals, so {@code CommitHookIT} checks it on a real broker
 * with the Kafka version mailflow runs with.
 */
final class CommitHook implements StateStore, CachedStateStore<Object, Object> {
    private static final Runnable NOTHING = () -> {};

    private final String name;
    private volatile boolean open;
    private Runnable beforeCommit = NOTHING;

    CommitHook(String name) {
        this.name = name;
    }

    /** Runs {@code action} on the stream thread each time the task is about to commit. */
    void beforeCommit(Runnable action) {
        this.beforeCommit = Objects.requireNonNull(action, "action can't be null");
    }

    @Override
    public void flushCache() {
        beforeCommit.run();
    }

    @Override
    public void clearCache() {
        // Nothing cached here. A processor's objects go with it: when its task is initialised
        // again, it starts over from the stores.
    }

    @Override
    public boolean setFlushListener(
            CacheFlushListener<Object, Object> listener, boolean sendOldValues) {
        return false;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void init(StateStoreContext context, StateStore root) {
        context.register(root, (key, value) -> {});
        open = true;
    }

    @Override
    public void close() {
        open = false;
        beforeCommit = NOTHING;
    }

    @Override
    public boolean persistent() {
        return false;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Builds one hook per task; it has no changelog and nothing to cache. */
    static StoreBuilder<CommitHook> builder(String name) {
        return new StoreBuilder<>() {
            @Override
            public StoreBuilder<CommitHook> withCachingEnabled() {
                return this;
            }

            @Override
            public StoreBuilder<CommitHook> withCachingDisabled() {
                return this;
            }

            @Override
            public StoreBuilder<CommitHook> withLoggingEnabled(Map<String, String> config) {
                return this;
            }

            @Override
            public StoreBuilder<CommitHook> withLoggingDisabled() {
                return this;
            }

            @Override
            public CommitHook build() {
                return new CommitHook(name);
            }

            @Override
            public Map<String, String> logConfig() {
                return Map.of();
            }

            @Override
            public boolean loggingEnabled() {
                return false;
            }

            @Override
            public String name() {
                return name;
            }
        };
    }
}
