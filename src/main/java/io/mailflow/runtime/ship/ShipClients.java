package io.mailflow.runtime.ship;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.utils.Utils;

/**
 * The configurations of the shipper's Kafka clients: what it needs for exactly-once shipping,
 * tuning for throughput, and the user's pass-through configs (security settings above all).
 */
public final class ShipClients {
    /** The transactional ids of the shipper start with this, for ACLs by prefix. */
    public static final String TRANSACTIONAL_ID_PREFIX = "mailflow-ship-";

    /**
     * Configs the shipper sets itself: changing them would break exactly-once shipping, or they
     * have their own option.
     */
    private static final Set<String> OWNED =
            Set.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                    ProducerConfig.ACKS_CONFIG,
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    ProducerConfig.PARTITIONER_CLASS_CONFIG,
                    ProducerConfig.CLIENT_ID_CONFIG,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                    ConsumerConfig.GROUP_ID_CONFIG,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG);

    private static final int HASH_HEX_DIGITS = 16;

    private ShipClients() {}

    /**
     * Why {@code name} cannot be passed to the Kafka clients, or empty if it can: it must be a
     * config of the producer, consumer or admin client and not one the shipper sets itself.
     */
    public static Optional<String> problemWith(String name) {
        if (OWNED.contains(name)) {
            return Optional.of(
                    name
                            + " is set by mailflow ship itself (it needs idempotent,"
                            + " transactional, read_committed clients)");
        }
        if (!ProducerConfig.configNames().contains(name)
                && !ConsumerConfig.configNames().contains(name)
                && !AdminClientConfig.configNames().contains(name)) {
            return Optional.of(
                    name + " is not a config of the Kafka producer, consumer or admin client");
        }
        return Optional.empty();
    }

    /**
     * The transactional id of one followed file: stable across restarts, so that a restarted
     * shipper aborts what its predecessor left open, and unique to host and path, so that two
     * shippers of the same file fence each other instead of both shipping it.
     */
    public static String transactionalId(String host, String absolutePath) {
        return TRANSACTIONAL_ID_PREFIX
                + host
                + "-"
                + Hashes.sha256Hex(absolutePath).substring(0, HASH_HEX_DIGITS);
    }

    /**
     * The partition of a host's records: the one Kafka's default partitioner picks for the key, so
     * that other producers keyed by host agree. The shipper names it itself to know where its
     * records are when it looks for them after a crash.
     */
    public static int partitionOf(String host, int partitions) {
        byte[] key = host.getBytes(StandardCharsets.UTF_8);
        return Utils.toPositive(Utils.murmur2(key)) % partitions;
    }

    static Map<String, Object> producer(ShipSettings settings, String transactionalId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        passThrough(settings, ProducerConfig.configNames(), config);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
        return config;
    }

    /** A consumer that reads committed records of assigned partitions, in no group. */
    static Map<String, Object> consumer(ShipSettings settings, String clientId) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        passThrough(settings, ConsumerConfig.configNames(), config);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    static Map<String, Object> admin(ShipSettings settings) {
        Map<String, Object> config = new HashMap<>();
        passThrough(settings, AdminClientConfig.configNames(), config);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, TRANSACTIONAL_ID_PREFIX + "admin");
        return config;
    }

    private static void passThrough(
            ShipSettings settings, Set<String> clientConfigs, Map<String, Object> config) {
        settings.kafkaConfigs()
                .forEach(
                        (name, value) -> {
                            if (clientConfigs.contains(name)) {
                                config.put(name, value);
                            }
                        });
    }
}
