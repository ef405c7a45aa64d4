package io.mailflow.runtime.config;

import io.mailflow.topology.PipelineSettings;
import io.mailflow.topology.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every configuration key of {@code mailflow run}, in the order the documentation lists them. Keys
 * starting with {@value #KAFKA_PREFIX} are not listed here: they go to the Kafka clients as they
 * are, prefix removed.
 */
public final class ConfigKeys {
    /** Keys with this prefix are Kafka client configs, e.g. {@code kafka.security.protocol}. */
    public static final String KAFKA_PREFIX = "kafka.";

    private static final String DURATION = "a duration such as 90m, 48h, 7d or PT48H";
    private static final String TOPIC = "a topic name of letters, digits, '.', '_' and '-'";

    public static final ConfigKey<String> BOOTSTRAP_SERVERS =
            ConfigKey.of(
                    "bootstrap.servers",
                    "The Kafka brokers mailflow contacts first.",
                    "localhost:9092",
                    "host:port pairs separated by commas",
                    Parsers.hostPortList());

    public static final ConfigKey<String> APPLICATION_ID =
            ConfigKey.of(
                    "application.id",
                    "The Kafka Streams application id: the consumer group, and the prefix of"
                            + " internal topics and state directories.",
                    "mailflow",
                    "letters, digits, '.', '_' and '-'",
                    Parsers.identifier());

    public static final ConfigKey<Path> STATE_DIR =
            ConfigKey.of(
                    "state.dir",
                    "The directory of the local state stores; on a persistent disk it spares"
                            + " restoring them from the changelogs after a restart, after a crash"
                            + " only as far as state.transactional allows (docs/resilience.md).",
                    "/tmp/mailflow-state",
                    "a directory path",
                    Parsers.path());

    public static final ConfigKey<Boolean> STATE_TRANSACTIONAL =
            ConfigKey.of(
                    "state.transactional",
                    "Whether the state stores hold each transaction's writes back until it commits"
                            + " (Kafka's transactional state stores; exactly_once_v2 only), so"
                            + " that after a crash a store resumes from what it had written to"
                            + " disk instead of restoring its whole changelog"
                            + " (docs/resilience.md).",
                    "true",
                    "true or false",
                    Parsers.bool());

    public static final ConfigKey<Long> STATE_MEMORY =
            ConfigKey.of(
                    "state.memory",
                    "The off-heap memory all RocksDB state stores of this process share: one"
                            + " block cache, holding their index and filter blocks too, and their"
                            + " memtables, which may take half of it. Without a bound each store"
                            + " would take its own, and memory would grow with the partitions an"
                            + " instance owns. A kafka.rocksdb.config.setter of your own replaces"
                            + " this bound.",
                    "256MiB",
                    "a size such as 256MiB or 2GiB, at least 16MiB",
                    Parsers.size(16L << 20));

    public static final ConfigKey<String> TOPIC_LINES =
            topic(
                    "lines",
                    "The topic of raw log lines, or of shipper envelopes carrying them.",
                    TopicNames.DEFAULT.lines());

    public static final ConfigKey<String> TOPIC_OUTCOMES =
            topic(
                    "outcomes",
                    "The compacted topic of the latest outcome of each delivery.",
                    TopicNames.DEFAULT.outcomes());

    public static final ConfigKey<String> TOPIC_ERRORS =
            topic(
                    "errors",
                    "The topic of delivery errors, one record per error line, keyed by category.",
                    TopicNames.DEFAULT.errors());

    public static final ConfigKey<String> TOPIC_INBOUND =
            topic(
                    "inbound",
                    "The topic of mail received for local mailboxes.",
                    TopicNames.DEFAULT.inbound());

    public static final ConfigKey<String> TOPIC_SESSIONS =
            topic(
                    "sessions",
                    "The topic of POP3 and IMAP sessions.",
                    TopicNames.DEFAULT.sessions());

    public static final ConfigKey<String> TOPIC_REJECTS =
            topic(
                    "rejects",
                    "The topic of lines that could not be read, each with the reason.",
                    TopicNames.DEFAULT.rejects());

    public static final ConfigKey<Integer> TOPIC_REPLICATION_FACTOR =
            ConfigKey.of(
                    "topic.replication.factor",
                    "Replicas of the topics mailflow creates, internal ones included; -1 lets"
                            + " the brokers' default.replication.factor decide.",
                    "-1",
                    "-1 or a whole number from 1 to 32767",
                    text -> requireNotZero(Parsers.intRange(-1, Short.MAX_VALUE).parse(text)));

    public static final ConfigKey<Integer> TOPIC_PARTITIONS =
            ConfigKey.of(
                    "topic.partitions",
                    "Partitions of the topics that --create-topics creates; existing topics keep"
                            + " theirs.",
                    "6",
                    "a whole number from 1 to 10000",
                    Parsers.intRange(1, 10_000));

    public static final ConfigKey<Duration> TOPIC_RETENTION =
            ConfigKey.of(
                    "topic.retention",
                    "How long the lines and rejects topics that --create-topics creates keep"
                            + " their records.",
                    "7d",
                    DURATION,
                    Parsers.positiveDuration());

    public static final ConfigKey<Duration> HOLD_WINDOW =
            ConfigKey.of(
                    "hold.window",
                    "How long the Web Crossing servers keep retrying undeliverable mail (their"
                            + " \"Maximum number of hours to hold undeliverable email\").",
                    "48h",
                    DURATION,
                    Parsers.positiveDuration());

    public static final ConfigKey<Optional<Duration>> STALL_AFTER =
            ConfigKey.derived(
                    "stall.after",
                    "How long a delivery may wait for its final line before it is reported as"
                            + " stalled; must exceed hold.window.",
                    "hold.window plus 1h",
                    DURATION,
                    Parsers.optional(Parsers.positiveDuration()));

    public static final ConfigKey<Duration> RETENTION =
            ConfigKey.of(
                    "retention",
                    "How long a finished delivery stays queryable.",
                    "7d",
                    DURATION,
                    Parsers.positiveDuration());

    public static final ConfigKey<Duration> SESSION_TIMEOUT =
            ConfigKey.of(
                    "session.timeout",
                    "How long a POP3 or IMAP session may stay open before it is closed without its"
                            + " disconnect line.",
                    "1h",
                    DURATION,
                    Parsers.positiveDuration());

    public static final ConfigKey<Duration> ORIGIN_WINDOW_BEFORE =
            ConfigKey.of(
                    "origin.window.before",
                    "How long before a queued line an smtp-in line may be stamped and still make"
                            + " the delivery relayed mail.",
                    "5m",
                    DURATION,
                    Parsers.nonNegativeDuration());

    public static final ConfigKey<Duration> ORIGIN_WINDOW_AFTER =
            ConfigKey.of(
                    "origin.window.after",
                    "How long after a queued line an smtp-in line may be stamped and still make"
                            + " the delivery relayed mail.",
                    "10s",
                    DURATION,
                    Parsers.nonNegativeDuration());

    public static final ConfigKey<Map<String, ZoneId>> ZONES =
            ConfigKey.of(
                    "zones",
                    "The time zone of each host whose log is not in default.zone; Web Crossing"
                            + " writes local times without a zone.",
                    "",
                    "host=zone pairs separated by commas, e.g. mail01=Europe/Paris",
                    Parsers.zonesByHost());

    public static final ConfigKey<ZoneId> DEFAULT_ZONE =
            ConfigKey.of(
                    "default.zone",
                    "The time zone of the hosts not named in zones.",
                    "UTC",
                    "a time zone id such as UTC or Europe/Paris",
                    Parsers.zone());

    public static final ConfigKey<String> DEFAULT_HOST =
            ConfigKey.of(
                    "default.host",
                    "The host of a line whose record names none, by key, header or envelope.",
                    PipelineSettings.DEFAULT.defaultHost(),
                    "letters, digits, '.', '_' and '-'",
                    Parsers.identifier());

    public static final ConfigKey<Boolean> INPUT_KEYED_BY_HOST =
            ConfigKey.of(
                    "input.keyed.by.host",
                    "Whether the shipper keys line records by host; when false the pipeline"
                            + " repartitions the lines by host once.",
                    "true",
                    "true or false",
                    Parsers.bool());

    public static final ConfigKey<Optional<Path>> RULES_FILE =
            ConfigKey.of(
                    "rules.file",
                    "An operator's error classification rules, applied before the built-in ones.",
                    "",
                    "the path of a readable rule file",
                    Parsers.optional(Parsers.readableFile()));

    public static final ConfigKey<Boolean> ERRORS_PER_CATEGORY =
            ConfigKey.of(
                    "errors.per.category",
                    "Whether each error also goes to a topic of its category, named after the"
                            + " errors topic plus the category.",
                    "false",
                    "true or false",
                    Parsers.bool());

    public static final ConfigKey<Integer> HTTP_PORT =
            ConfigKey.of(
                    "http.port",
                    "The port of the HTTP endpoint serving delivery queries and metrics; 0"
                            + " picks a free one.",
                    "7070",
                    "a port from 0 to 65535",
                    Parsers.port());

    public static final ConfigKey<String> HTTP_BIND_ADDRESS =
            ConfigKey.of(
                    "http.bind.address",
                    "The address the HTTP endpoint listens on; 0.0.0.0 exposes it on every"
                            + " interface.",
                    "127.0.0.1",
                    "an IP address or host name",
                    Parsers.host());

    public static final ConfigKey<String> HTTP_ADVERTISED_HOST =
            ConfigKey.of(
                    "http.advertised.host",
                    "The host name other instances reach this one's HTTP endpoint at, sent to"
                            + " them as Kafka Streams' application.server; empty means the bind"
                            + " address, or this machine's name when that is 0.0.0.0.",
                    "",
                    "empty, an IP address or a host name",
                    Parsers.optionalHost());

    public static final ConfigKey<String> HTTP_TOKEN =
            ConfigKey.of(
                    "http.token",
                    "A bearer token that queries and metrics must present; required when"
                            + " http.bind.address is not a loopback address. Never logged.",
                    "",
                    "any text; empty for none",
                    Parsers.anyText());

    public static final ConfigKey<ProcessingGuarantee> PROCESSING_GUARANTEE =
            ConfigKey.of(
                    "processing.guarantee",
                    "Kafka Streams' processing guarantee; exactly_once_v2 needs brokers of"
                            + " version 2.5 or later. Under at_least_once an output is readable"
                            + " once sent, up to the producers' linger of 100 ms after its line;"
                            + " kafka.producer.linger.ms=10 shortens that.",
                    "exactly_once_v2",
                    "exactly_once_v2 or at_least_once",
                    Parsers.lowercaseEnum(ProcessingGuarantee.class));

    public static final ConfigKey<Integer> STREAM_THREADS =
            ConfigKey.of(
                    "stream.threads",
                    "The number of Kafka Streams threads of this instance.",
                    "1",
                    "a whole number from 1 to 64",
                    Parsers.intRange(1, 64));

    /** Every key, in the order of the documentation. */
    public static final List<ConfigKey<?>> ALL =
            List.of(
                    BOOTSTRAP_SERVERS,
                    APPLICATION_ID,
                    STATE_DIR,
                    STATE_TRANSACTIONAL,
                    STATE_MEMORY,
                    TOPIC_LINES,
                    TOPIC_OUTCOMES,
                    TOPIC_ERRORS,
                    TOPIC_INBOUND,
                    TOPIC_SESSIONS,
                    TOPIC_REJECTS,
                    TOPIC_REPLICATION_FACTOR,
                    TOPIC_PARTITIONS,
                    TOPIC_RETENTION,
                    HOLD_WINDOW,
                    STALL_AFTER,
                    RETENTION,
                    SESSION_TIMEOUT,
                    ORIGIN_WINDOW_BEFORE,
                    ORIGIN_WINDOW_AFTER,
                    ZONES,
                    DEFAULT_ZONE,
                    DEFAULT_HOST,
                    INPUT_KEYED_BY_HOST,
                    RULES_FILE,
                    ERRORS_PER_CATEGORY,
                    HTTP_PORT,
                    HTTP_BIND_ADDRESS,
                    HTTP_ADVERTISED_HOST,
                    HTTP_TOKEN,
                    PROCESSING_GUARANTEE,
                    STREAM_THREADS);

    private ConfigKeys() {}

    /** The key named {@code name}, if mailflow has one. */
    public static Optional<ConfigKey<?>> named(String name) {
        return ALL.stream().filter(key -> key.name().equals(name)).findFirst();
    }

    private static ConfigKey<String> topic(String role, String doc, String defaultName) {
        return ConfigKey.of("topic." + role, doc, defaultName, TOPIC, Parsers.topicName());
    }

    private static int requireNotZero(int replicas) {
        if (replicas == 0) {
            throw new IllegalArgumentException("0 replicas cannot hold any data");
        }
        return replicas;
    }
}
