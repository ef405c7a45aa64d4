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
 * tuning for throughput, and the user's pass-through configs (security settings above all). A
 * pass-through config goes to every client that knows it; {@code producer.}, {@code consumer.} or
 * {@code admin.} before its name addresses one kind of client only, as in {@code mailflow run}'s
 * {@code kafka.} keys. Other configs of Kafka Streams are ignored, so that ship can read the
 * configuration file of {@code mailflow run}.
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

    private static final String PRODUCER = "producer.";
    private static final String CONSUMER = "consumer.";
    private static final String ADMIN = "admin.";

    /** The prefixes that address one kind of client, as in Kafka Streams' configuration. */
    private static final Map<String, Set<String>> CLIENT_PREFIXES =
            Map.of(
                    PRODUCER, ProducerConfig.configNames(),
                    CONSUMER, ConsumerConfig.configNames(),
                    ADMIN, AdminClientConfig.configNames());

    private static final int HASH_HEX_DIGITS = 16;

    private ShipClients() {}

    /**
     * Why {@code name} cannot be passed to the Kafka clients, or empty if it can: it must be a
     * config of the producer, consumer or admin client, bare or after the prefix {@code producer.},
     * {@code consumer.} or {@code admin.} that addresses one kind of client, and not one the
     * shipper sets itself.
     */
    public static Optional<String> problemWith(String name) {
        if (isOwned(name)) {
            return Optional.of(
                    name
                            + " is set by mailflow ship itself (it needs idempotent,"
                            + " transactional, read_committed clients)");
        }
        for (Map.Entry<String, Set<String>> prefix : CLIENT_PREFIXES.entrySet()) {
            if (name.startsWith(prefix.getKey())) {
                return prefix.getValue().contains(name.substring(prefix.getKey().length()))
                        ? Optional.empty()
                        : Optional.of(name + " is not a config of the " + clientOf(prefix));
            }
        }
        if (!ProducerConfig.configNames().contains(name)
                && !ConsumerConfig.configNames().contains(name)
                && !AdminClientConfig.configNames().contains(name)) {
            return Optional.of(
                    name + " is not a config of the Kafka producer, consumer or admin client");
        }
        return Optional.empty();
    }

    /** True if the shipper sets the config {@code name} itself, bare or behind a prefix. */
    public static boolean isOwned(String name) {
        int dot = name.indexOf('.');
        String bare =
                dot > 0 && CLIENT_PREFIXES.containsKey(name.substring(0, dot + 1))
                        ? name.substring(dot + 1)
                        : name;
        return OWNED.contains(bare);
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
        passThrough(settings, PRODUCER, ProducerConfig.configNames(), config);
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
        // The look at the topic after a restart ends on a fetch at the partition's end: keep it
        // short.
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);
        passThrough(settings, CONSUMER, ConsumerConfig.configNames(), config);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    static Map<String, Object> admin(ShipSettings settings) {
        Map<String, Object> config = new HashMap<>();
        passThrough(settings, ADMIN, AdminClientConfig.configNames(), config);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, TRANSACTIONAL_ID_PREFIX + "admin");
        return config;
    }

    /**
     * Copies the configs of one kind of client: bare names it knows first, then those behind its
     * prefix, which win. Configs the shipper sets itself and those of other clients are left out.
     */
    private static void passThrough(
            ShipSettings settings,
            String prefix,
            Set<String> clientConfigs,
            Map<String, Object> config) {
        settings.kafkaConfigs()
                .forEach(
                        (name, value) -> {
                            if (clientConfigs.contains(name) && !isOwned(name)) {
                                config.put(name, value);
                            }
                        });
        settings.kafkaConfigs()
                .forEach(
                        (name, value) -> {
                            if (name.startsWith(prefix) && !isOwned(name)) {
                                config.put(name.substring(prefix.length()), value);
                            }
                        });
    }

    private static String clientOf(Map.Entry<String, Set<String>> prefix) {
        return switch (prefix.getKey()) {
            case PRODUCER -> "Kafka producer";
            case CONSUMER -> "Kafka consumer";
            default -> "Kafka admin client";
        };
    }
}
