package io.mailflow.topology;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the off-heap memory of all RocksDB state stores of a process by one budget. Left alone,
 * Kafka Streams gives every store its own block cache and memtables, and mailflow has seven stores
 * per partition (the hourly window store one per segment), so memory grows with the partitions an
 * instance happens to own. Here every store shares one LRU block cache of the budget's size; the
 * index and filter blocks live in it too, at high priority, rather than on the heap of each open
 * file; and the memtables are charged to the same cache through one write buffer manager, which
 * flushes the largest memtable when all of them together pass their share.
 *
 * <p>The budget is read from {@value #BYTES_CONFIG} in the Kafka Streams configuration. Stores
 * configured with the same budget share one cache, for as long as the process runs.
 */
public final class SharedRocksDbMemory implements RocksDBConfigSetter {
    /** The Kafka Streams config carrying the budget, in bytes. */
    public static final String BYTES_CONFIG = "mailflow.rocksdb.memory.bytes";

    /** The budget when none is configured. */
    public static final long DEFAULT_BYTES = 256L * 1024 * 1024;

    /** How much of the budget memtables may fill before the largest is flushed. */
    static final double MEMTABLE_SHARE = 0.5;

    /** How much of the cache is kept for index and filter blocks, which every read needs. */
    static final double HIGH_PRIORITY_SHARE = 0.1;

    private static final Map<Long, Budget> BUDGETS = new ConcurrentHashMap<>();

    /** One shared block cache and the write buffer manager that charges memtables to it. */
    record Budget(Cache cache, WriteBufferManager writeBuffers) {}

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        Budget budget = budget(bytes(configs));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(budget.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(budget.writeBuffers());
    }

    @Override
    public void close(String storeName, Options options) {
        // Nothing to release: the cache and the write buffer manager serve the other stores too.
    }

    /** The budget shared by every store configured with {@code bytes}. */
    static Budget budget(long bytes) {
        return BUDGETS.computeIfAbsent(
                bytes,
                b -> {
                    Cache cache = new LRUCache(b, -1, false, HIGH_PRIORITY_SHARE);
                    return new Budget(
                            cache, new WriteBufferManager((long) (b * MEMTABLE_SHARE), cache));
                });
    }

    /** The configured budget; Kafka Streams hands over the configuration as given. */
    static long bytes(Map<String, Object> configs) {
        Object value = configs.get(BYTES_CONFIG);
        if (value == null) {
            return DEFAULT_BYTES;
        }
        long bytes;
        try {
            bytes =
                    value instanceof Number n
                            ? n.longValue()
                            : Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            bytes = 0;
        }
        if (bytes <= 0) {
            throw new IllegalArgumentException(
                    BYTES_CONFIG + " must be a positive number of bytes, not '" + value + "'");
        }
        return bytes;
    }
}
