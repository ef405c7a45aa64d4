package io.mailflow.runtime.config;

import io.mailflow.core.delivery.OriginWindow;
import io.mailflow.core.line.HostZones;
import io.mailflow.topology.PipelineSettings;
import io.mailflow.topology.SharedRocksDbMemory;
import io.mailflow.topology.TopicNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The checked configuration of {@code mailflow run}: a value for every {@link ConfigKeys key}, and
 * the {@code kafka.}-prefixed client configs. Build it with {@link ConfigLoader}.
 */
public final class MailflowConfig {
    /** The stall timeout lies this far beyond the hold window unless set. */
    static final Duration STALL_MARGIN = Duration.ofHours(1);

    private final Map<ConfigKey<?>, Object> values;
    private final Map<String, String> kafkaClientConfigs;

    private MailflowConfig(
            Map<ConfigKey<?>, Object> values, Map<String, String> kafkaClientConfigs) {
        this.values = Map.copyOf(values);
        this.kafkaClientConfigs = Map.copyOf(kafkaClientConfigs);
    }

    /**
     * Parses every key of {@code raw}, where each key has a value (its default at least), and the
     * client configs of {@code kafka} (names without prefix).
     *
     * @throws ConfigException naming every key whose value is not valid
     */
    static MailflowConfig resolve(Map<String, RawValue> raw, Map<String, RawValue> kafka) {
        List<String> problems = new ArrayList<>();
        List<Throwable> causes = new ArrayList<>();
        Map<ConfigKey<?>, Object> values = new HashMap<>();
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            parse(key, raw.get(key.name()), values, problems, causes);
        }
        KafkaClientConfigs.checkNames(kafka, problems);
        Map<String, String> kafkaTexts = new LinkedHashMap<>();
        kafka.forEach((name, value) -> kafkaTexts.put(name, value.text()));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems, causes.isEmpty() ? null : causes.get(0));
        }
        MailflowConfig config = new MailflowConfig(values, kafkaTexts);
        config.checkAcrossKeys(raw, problems);
        KafkaClientConfigs.checkValues(config.streamsConfig(), problems);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems, null);
        }
        return config;
    }

    private static void parse(
            ConfigKey<?> key,
            RawValue raw,
            Map<ConfigKey<?>, Object> values,
            List<String> problems,
            List<Throwable> causes) {
        try {
            values.put(key, key.parse(raw.text()));
        } catch (RuntimeException e) {
            String detail = e.getMessage() == null ? "" : ": " + e.getMessage();
            problems.add(
                    key.name()
                            + " is '"
                            + raw.text()
                            + "' ("
                            + raw.origin()
                            + ")"
                            + detail
                            + "; expected "
                            + key.expected());
            causes.add(e);
        }
    }

    private void checkAcrossKeys(Map<String, RawValue> raw, List<String> problems) {
        Duration hold = get(ConfigKeys.HOLD_WINDOW);
        if (stallAfter().compareTo(hold) <= 0) {
            RawValue stall = raw.get(ConfigKeys.STALL_AFTER.name());
            problems.add(
                    ConfigKeys.STALL_AFTER.name()
                            + " is '"
                            + stall.text()
                            + "' ("
                            + stall.origin()
                            + "); expected more than "
                            + ConfigKeys.HOLD_WINDOW.name()
                            + " ("
                            + raw.get(ConfigKeys.HOLD_WINDOW.name()).text()
                            + "), or mail still"
                            + " being retried would be reported as stalled");
        }
    }

    /** The value of {@code key}. */
    @SuppressWarnings("unchecked")
    public <T> T get(ConfigKey<T> key) {
        return (T) values.get(key);
    }

    /** The {@code kafka.}-prefixed configs, prefix removed. */
    public Map<String, String> kafkaClientConfigs() {
        return kafkaClientConfigs;
    }

    public TopicNames topicNames() {
        return new TopicNames(
                get(ConfigKeys.TOPIC_LINES),
                get(ConfigKeys.TOPIC_OUTCOMES),
                get(ConfigKeys.TOPIC_ERRORS),
                get(ConfigKeys.TOPIC_INBOUND),
                get(ConfigKeys.TOPIC_SESSIONS),
                get(ConfigKeys.TOPIC_REJECTS));
    }

    public HostZones zones() {
        return HostZones.of(get(ConfigKeys.DEFAULT_ZONE), get(ConfigKeys.ZONES));
    }

    /** {@code stall.after}, or the hold window plus an hour when it is not set. */
    public Duration stallAfter() {
        return get(ConfigKeys.STALL_AFTER).orElse(get(ConfigKeys.HOLD_WINDOW).plus(STALL_MARGIN));
    }

    /** The settings that shape the topology. */
    public PipelineSettings pipelineSettings() {
        return new PipelineSettings(
                topicNames(),
                zones(),
                get(ConfigKeys.DEFAULT_HOST),
                get(ConfigKeys.INPUT_KEYED_BY_HOST),
                stallAfter(),
                get(ConfigKeys.RETENTION),
                get(ConfigKeys.ERRORS_PER_CATEGORY),
                new OriginWindow(
                        get(ConfigKeys.ORIGIN_WINDOW_BEFORE), get(ConfigKeys.ORIGIN_WINDOW_AFTER)),
                get(ConfigKeys.SESSION_TIMEOUT));
    }

    /**
     * Whether Kafka Streams runs transactional state stores: Kafka supports them under exactly-once
     * only, where they spare most of the restore after a crash.
     */
    private boolean transactionalStores() {
        return get(ConfigKeys.STATE_TRANSACTIONAL)
                && get(ConfigKeys.PROCESSING_GUARANTEE) == ProcessingGuarantee.EXACTLY_ONCE_V2;
    }

    /** The configuration of Kafka Streams: mailflow's keys, then the Kafka client configs. */
    public Properties streamsProperties() {
        Properties props = new Properties();
        props.putAll(streamsConfig());
        return props;
    }

    /**
     * The configuration of an admin client, for topic provisioning: the client configs that are not
     * addressed to another kind of client.
     */
    public Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>();
        kafkaClientConfigs.forEach(
                (name, value) -> {
                    if (name.startsWith(StreamsConfig.ADMIN_CLIENT_PREFIX)) {
                        config.put(
                                name.substring(StreamsConfig.ADMIN_CLIENT_PREFIX.length()), value);
                    } else if (AdminClientConfig.configNames().contains(name)) {
                        config.putIfAbsent(name, value);
                    }
                });
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, get(ConfigKeys.BOOTSTRAP_SERVERS));
        return config;
    }

    private Map<String, Object> streamsConfig() {
        Map<String, Object> config = new HashMap<>();
        // No global tables, so this changes nothing but the warning Kafka 4 logs when it is unset.
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        config.putAll(kafkaClientConfigs);
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, get(ConfigKeys.BOOTSTRAP_SERVERS));
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, get(ConfigKeys.APPLICATION_ID));
        config.put(StreamsConfig.STATE_DIR_CONFIG, get(ConfigKeys.STATE_DIR).toString());
        config.put(
                StreamsConfig.PROCESSING_GUARANTEE_CONFIG,
                get(ConfigKeys.PROCESSING_GUARANTEE).streamsValue());
        config.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, get(ConfigKeys.STREAM_THREADS));
        config.put(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, transactionalStores());
        config.putIfAbsent(
                StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, SharedRocksDbMemory.class);
        config.put(SharedRocksDbMemory.BYTES_CONFIG, get(ConfigKeys.STATE_MEMORY));
        config.put(
                StreamsConfig.REPLICATION_FACTOR_CONFIG, get(ConfigKeys.TOPIC_REPLICATION_FACTOR));
        return config;
    }
}
