package io.mailflow.topology;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyConfig;

/**
 * The Kafka Streams configuration mailflow runs with; the runtime adds its own (state directory,
 * threads, server address) on top.
 */
public final class StreamsSettings {
    /** Store caches coalesce the several writes one delivery gets within a commit. */
    static final long CACHE_BYTES = 64L * 1024 * 1024;

    /**
     * How long the pipeline's producers wait to fill a batch: as long as the commit interval under
     * exactly-once, Kafka Streams' own default. Outputs become readable only when the transaction
     * commits, so a batch sent earlier is read no sooner; it only makes each partition's outputs
     * and changelog records between two commits several batches instead of one, and every batch
     * costs the producer and the broker a compression frame, a request and its bookkeeping.
     */
    private static final int LINGER_MS = 100;

    /** Placeholders: Kafka Streams replaces the build-time config with the running app's. */
    private static final String BUILD_TIME_APP_ID = "mailflow";

    private static final String BUILD_TIME_BOOTSTRAP = "localhost:9092";

    private StreamsSettings() {}

    /**
     * The configuration the topology is built with. Only its build-time checks matter, above all
     * that every store and internal topic has an explicit name: building fails otherwise. When the
     * topology runs, Kafka Streams replaces it with the application's configuration.
     */
    static TopologyConfig buildTimeConfig() {
        return new TopologyConfig(
                new StreamsConfig(defaults(BUILD_TIME_APP_ID, BUILD_TIME_BOOTSTRAP)));
    }

    /**
     * Exactly-once processing, explicit names required for every store and internal topic, one
     * bounded memory budget for all RocksDB stores, and producer batching suited to many small
     * records.
     */
    public static Properties defaults(String applicationId, String bootstrapServers) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, CACHE_BYTES);
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, SharedRocksDbMemory.class);
        p.put(SharedRocksDbMemory.BYTES_CONFIG, SharedRocksDbMemory.DEFAULT_BYTES);
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        producerDefaults().forEach((key, value) -> p.put(StreamsConfig.producerPrefix(key), value));
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), LINGER_MS);
        return p;
    }

    /** The batches of the pipeline's producers: large enough for many small records, compressed. */
    public static Map<String, Object> producerDefaults() {
        return Map.of(
                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                "lz4",
                ProducerConfig.BATCH_SIZE_CONFIG,
                128 * 1024);
    }
}
