package io.mailflow.it;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.Options;

/**
 * Makes RocksDB write its memtables to disk every {@value #BYTES} bytes, for measuring a restart
 * after a crash on little data. Kafka Streams writes RocksDB without a write-ahead log, so a killed
 * process keeps only what was flushed; with the usual 16 MB memtables a small test's state is never
 * flushed, while a production store of gigabytes is flushed all the time. Small memtables give the
 * small state on disk the shape of a large one.
 *
 * <p>Public with a public constructor: Kafka Streams creates it by name from {@code
 * rocksdb.config.setter}.
 */
public final class SmallMemtables implements RocksDBConfigSetter {
    static final long BYTES = 128 * 1024;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        options.setWriteBufferSize(BYTES);
    }

    @Override
    public void close(String storeName, Options options) {}
}
