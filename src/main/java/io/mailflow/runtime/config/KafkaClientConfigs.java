package io.mailflow.runtime.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Checks the {@code kafka.}-prefixed keys that go to the Kafka clients: the name must be a config
 * of the Streams, producer, consumer or admin client (optionally behind one of Kafka Streams'
 * client prefixes), must not duplicate a mailflow key, and Kafka must accept the value.
 */
final class KafkaClientConfigs {
    /**
     * Kafka configs that mailflow sets from its own keys; setting them twice would be ambiguous.
     */
    private static final Map<String, ConfigKey<?>> OWNED_BY_MAILFLOW =
            Map.of(
                    StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigKeys.BOOTSTRAP_SERVERS,
                    StreamsConfig.APPLICATION_ID_CONFIG, ConfigKeys.APPLICATION_ID,
                    StreamsConfig.STATE_DIR_CONFIG, ConfigKeys.STATE_DIR,
                    StreamsConfig.PROCESSING_GUARANTEE_CONFIG, ConfigKeys.PROCESSING_GUARANTEE,
                    StreamsConfig.NUM_STREAM_THREADS_CONFIG, ConfigKeys.STREAM_THREADS,
                    StreamsConfig.REPLICATION_FACTOR_CONFIG, ConfigKeys.TOPIC_REPLICATION_FACTOR);

    private static final Set<String> PRODUCER = ProducerConfig.configNames();
    private static final Set<String> CONSUMER = ConsumerConfig.configNames();
    private static final Set<String> ADMIN = AdminClientConfig.configNames();
    private static final Set<String> ANY_CLIENT = anyClient();

    /** Kafka Streams' prefixes that address one kind of its clients, with that client's names. */
    private static final Map<String, Set<String>> CLIENT_PREFIXES = clientPrefixes();

    /** Group and client id of the configs built only to be checked. */
    private static final String CHECK_ID = "mailflow-config-check";

    private KafkaClientConfigs() {}

    /** Problems with the names of {@code configs}, keyed by name without {@code kafka.}. */
    static void checkNames(Map<String, RawValue> configs, List<String> problems) {
        configs.forEach(
                (name, raw) -> {
                    ConfigKey<?> owner = OWNED_BY_MAILFLOW.get(name);
                    if (owner != null) {
                        problems.add(
                                prefixed(name)
                                        + " ("
                                        + raw.origin()
                                        + ") duplicates a mailflow key;"
                                        + " expected "
                                        + owner.name()
                                        + " instead");
                    } else if (!isKnown(name)) {
                        problems.add(
                                prefixed(name)
                                        + " ("
                                        + raw.origin()
                                        + ") is not a config of the Kafka clients; expected a name"
                                        + " from the Kafka client documentation after "
                                        + ConfigKeys.KAFKA_PREFIX);
                    }
                });
    }

    /**
     * Lets Kafka Streams and each of its clients parse {@code streamsProperties}. Kafka's message
     * names the config; it shows values of password configs as {@code [hidden]}.
     */
    static void checkValues(Map<String, Object> streamsProperties, List<String> problems) {
        try {
            StreamsConfig streams = new StreamsConfig(streamsProperties);
            new ConsumerConfig(withBytes(streams.getMainConsumerConfigs(CHECK_ID, CHECK_ID, 0)));
            new ProducerConfig(withBytes(streams.getProducerConfigs(CHECK_ID)));
            new AdminClientConfig(streams.getAdminConfigs(CHECK_ID));
        } catch (ConfigException e) {
            problems.add("the Kafka client configs are not accepted: " + e.getMessage());
        }
    }

    /** Kafka Streams passes its byte serdes to the clients it creates, not through the config. */
    private static Map<String, Object> withBytes(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    private static boolean isKnown(String name) {
        if (ANY_CLIENT.contains(name)) {
            return true;
        }
        for (Map.Entry<String, Set<String>> prefix : CLIENT_PREFIXES.entrySet()) {
            if (name.startsWith(prefix.getKey())) {
                String rest = name.substring(prefix.getKey().length());
                return prefix.getValue() == null || prefix.getValue().contains(rest);
            }
        }
        return false;
    }

    private static Set<String> anyClient() {
        Set<String> names = new HashSet<>(StreamsConfig.configDef().names());
        names.addAll(PRODUCER);
        names.addAll(CONSUMER);
        names.addAll(ADMIN);
        return Set.copyOf(names);
    }

    /** Longest prefixes first, so that {@code main.consumer.} is not read as {@code consumer.}. */
    private static Map<String, Set<String>> clientPrefixes() {
        Map<String, Set<String>> prefixes = new LinkedHashMap<>();
        prefixes.put(StreamsConfig.MAIN_CONSUMER_PREFIX, CONSUMER);
        prefixes.put(StreamsConfig.RESTORE_CONSUMER_PREFIX, CONSUMER);
        prefixes.put(StreamsConfig.GLOBAL_CONSUMER_PREFIX, CONSUMER);
        prefixes.put(StreamsConfig.CONSUMER_PREFIX, CONSUMER);
        prefixes.put(StreamsConfig.PRODUCER_PREFIX, PRODUCER);
        prefixes.put(StreamsConfig.ADMIN_CLIENT_PREFIX, ADMIN);
        // Topic configs of internal topics: the broker checks those names when it creates them.
        prefixes.put(StreamsConfig.TOPIC_PREFIX, null);
        return prefixes;
    }

    private static String prefixed(String name) {
        return ConfigKeys.KAFKA_PREFIX + name;
    }
}
