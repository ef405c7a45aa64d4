package io.mailflow.topology;

import io.mailflow.core.classify.ErrorCategory;
import io.mailflow.core.classify.ErrorClassifier;
import io.mailflow.core.line.LogLineParser;
import io.mailflow.topology.serde.JsonSerde;
import io.mailflow.topology.serde.StateSerdes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Predicate;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * Builds mailflow's topology: read lines, parse, route, update delivery state, emit outcomes and
 * errors. Production and tests call the same {@link #build} method. See topology.md for every
 * topic, store and step.
 */
public final class DeliveryTopology {
    public static final String READ_LINES = "read-lines";
    public static final String DECODE_RECORDS = "decode-records";
    public static final String LINES_BY_HOST = "lines-by-host";
    public static final String PARSE_LINES = "parse-lines";
    public static final String ROUTE_LINES = "route-lines";
    public static final String TRACK_MAIL = "track-mail";
    public static final String ROUTE_OUTPUT = "route-output";
    public static final String WRITE_REJECTS = "write-rejects";
    public static final String WRITE_OUTCOMES = "write-outcomes";
    public static final String WRITE_ERRORS = "write-errors";
    public static final String WRITE_ERRORS_BY_CATEGORY = "write-errors-by-category";
    public static final String WRITE_INBOUND = "write-inbound";
    public static final String WRITE_SESSIONS = "write-sessions";

    /** Deliveries by {@code host \0 messageId \0 recipient}. */
    public static final String DELIVERIES_STORE = "deliveries";

    /** Deadlines by host and due time; see {@link DeadlineIndex}. */
    public static final String DEADLINES_STORE = "deadlines";

    /** Received and queued lines waiting for their match, by {@code host \0 sender \0 rcpt}. */
    public static final String SMTP_IN_PENDING_STORE = "smtp-in-pending";

    /** Open pop3 and imap sessions by {@code host \0 PROTOCOL \0 ip}. */
    public static final String OPEN_SESSIONS_STORE = "open-sessions";

    /** Each host's latest line time, saved now and then; see {@link HostClocks}. */
    public static final String HOST_CLOCKS_STORE = "host-clocks";

    /** Deliveries per {@code recipientDomain \0 STATUS}, per partition. */
    public static final String DOMAIN_COUNTS_STORE = "domain-status-counts";

    /** Error lines per {@code host \0 CATEGORY}, in one-hour windows, per partition. */
    public static final String ERROR_COUNTS_STORE = "error-counts-hourly";

    /**
     * Holds nothing; tells the tracker when to write what it keeps in memory between commits
     * ({@link CommitHook}).
     */
    static final String COMMIT_HOOK_STORE = "commit-hook";

    private static final String[] TRACKER_STORES = {
        COMMIT_HOOK_STORE,
        DELIVERIES_STORE,
        DEADLINES_STORE,
        SMTP_IN_PENDING_STORE,
        OPEN_SESSIONS_STORE,
        HOST_CLOCKS_STORE,
        DOMAIN_COUNTS_STORE,
        ERROR_COUNTS_STORE
    };

    private DeliveryTopology() {}

    /**
     * The topology for {@code settings}.
     *
     * @param settings topics, time zones, keying of the input, deadlines
     * @param classifier classifies delivery error texts; must be thread-safe
     * @param metrics counts lines, events, rejects and outcomes; must be thread-safe
     */
    public static Topology build(
            PipelineSettings settings, ErrorClassifier classifier, PipelineMetrics metrics) {
        TopicNames topics = settings.topics();
        LogLineParser parser = new LogLineParser(settings.zones());
        StreamsBuilder builder = new StreamsBuilder(StreamsSettings.buildTimeConfig());
        addTrackerStores(builder, settings);

        KStream<String, SourceLine> lines = readLines(builder, settings, metrics);

        KStream<String, LineResult> parsed =
                lines.processValues(
                        () -> new ParseLines(parser, classifier, metrics), Named.as(PARSE_LINES));

        Map<String, KStream<String, LineResult>> routed =
                parsed.split(Named.as(ROUTE_LINES))
                        .branch((host, r) -> r instanceof RejectRecord, Branched.as("-rejects"))
                        .defaultBranch(Branched.as("-events"));
        routed.get(ROUTE_LINES + "-rejects")
                .to(topics.rejects(), json(WRITE_REJECTS, LineResult.class));

        KStream<String, MailOutput> tracked =
                routed.get(ROUTE_LINES + "-events")
                        .process(
                                () -> new TrackMail(settings, metrics),
                                Named.as(TRACK_MAIL),
                                TRACKER_STORES);

        Map<String, KStream<String, MailOutput>> out =
                tracked.split(Named.as(ROUTE_OUTPUT))
                        .branch(isA(OutcomeRecord.class), Branched.as("-outcomes"))
                        .branch(isA(ErrorRecord.class), Branched.as("-errors"))
                        .branch(isA(InboundRecord.class), Branched.as("-inbound"))
                        .defaultBranch(Branched.as("-sessions"));
        writeOutputs(out, settings);
        return builder.build();
    }

    /**
     * The topics the pipeline writes, with the configuration to create them with: outcomes are
     * compacted (latest status per delivery), the rest are event streams. The event streams take
     * the broker's append time as record timestamp: their records carry the log's old times when an
     * old log is replayed or backfilled, and time-based retention would delete them at once.
     */
    public static List<TopicSpec> outputTopics(PipelineSettings settings) {
        TopicNames t = settings.topics();
        Map<String, String> compact =
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        Map<String, String> delete =
                Map.of(
                        TopicConfig.CLEANUP_POLICY_CONFIG,
                        TopicConfig.CLEANUP_POLICY_DELETE,
                        TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG,
                        "LogAppendTime");
        List<TopicSpec> specs = new ArrayList<>();
        specs.add(new TopicSpec(t.outcomes(), "latest status of each delivery", compact));
        specs.add(new TopicSpec(t.errors(), "one record per delivery error line", delete));
        if (settings.errorTopicPerCategory()) {
            for (ErrorCategory c : ErrorCategory.values()) {
                specs.add(new TopicSpec(t.errorsOf(c.name()), "errors of " + c.name(), delete));
            }
        }
        specs.add(new TopicSpec(t.inbound(), "mail received for local mailboxes", delete));
        specs.add(new TopicSpec(t.sessions(), "closed pop3 and imap sessions", delete));
        specs.add(new TopicSpec(t.rejects(), "lines and records that could not be read", delete));
        return specs;
    }

    /** Input records to lines keyed by host; repartitioned by host unless already keyed so. */
    private static KStream<String, SourceLine> readLines(
            StreamsBuilder builder, PipelineSettings settings, PipelineMetrics metrics) {
        KStream<String, SourceLine> lines =
                builder.stream(
                                settings.topics().lines(),
                                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                                        .withName(READ_LINES))
                        .process(
                                () -> new DecodeRecords(settings.defaultHost(), metrics),
                                Named.as(DECODE_RECORDS));
        if (settings.inputKeyedByHost()) {
            return lines;
        }
        return lines.repartition(
                Repartitioned.with(Serdes.String(), SourceLine.SERDE).withName(LINES_BY_HOST));
    }

    private static void writeOutputs(
            Map<String, KStream<String, MailOutput>> out, PipelineSettings settings) {
        TopicNames topics = settings.topics();
        out.get(ROUTE_OUTPUT + "-outcomes")
                .to(topics.outcomes(), json(WRITE_OUTCOMES, MailOutput.class));
        KStream<String, MailOutput> errors = out.get(ROUTE_OUTPUT + "-errors");
        errors.to(topics.errors(), json(WRITE_ERRORS, MailOutput.class));
        if (settings.errorTopicPerCategory()) {
            errors.to(
                    (category, error, context) -> topics.errorsOf(category),
                    json(WRITE_ERRORS_BY_CATEGORY, MailOutput.class));
        }
        out.get(ROUTE_OUTPUT + "-inbound")
                .to(topics.inbound(), json(WRITE_INBOUND, MailOutput.class));
        out.get(ROUTE_OUTPUT + "-sessions")
                .to(topics.sessions(), json(WRITE_SESSIONS, MailOutput.class));
    }

    /**
     * The tracker's stores. The deliveries, the ledgers, the open sessions, the status counts and
     * the deadlines are not cached by Kafka Streams: the tracker keeps what it changes in memory
     * and writes it before each commit ({@link WriteBackCache}, {@link DeadlineIndex}).
     */
    private static void addTrackerStores(StreamsBuilder builder, PipelineSettings settings) {
        builder.addStateStore(CommitHook.builder(COMMIT_HOOK_STORE));
        builder.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(DELIVERIES_STORE),
                                Serdes.String(),
                                StateSerdes.delivery())
                        .withCachingDisabled());
        builder.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(DEADLINES_STORE),
                                Serdes.Bytes(),
                                Serdes.ByteArray())
                        .withCachingDisabled());
        builder.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(SMTP_IN_PENDING_STORE),
                                Serdes.String(),
                                StateSerdes.receiptLedger())
                        .withCachingDisabled());
        builder.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(OPEN_SESSIONS_STORE),
                                Serdes.String(),
                                StateSerdes.openSessions())
                        .withCachingDisabled());
        builder.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(HOST_CLOCKS_STORE),
                                Serdes.String(),
                                Serdes.Long())
                        .withCachingEnabled());
        builder.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(DOMAIN_COUNTS_STORE),
                                Serdes.String(),
                                Serdes.Long())
                        .withCachingDisabled());
        builder.addStateStore(
                Stores.windowStoreBuilder(
                                Stores.persistentWindowStore(
                                        ERROR_COUNTS_STORE,
                                        errorCountRetention(settings),
                                        MailCounts.HOUR,
                                        false),
                                Serdes.String(),
                                Serdes.Long())
                        .withCachingEnabled());
    }

    private static Duration errorCountRetention(PipelineSettings settings) {
        return settings.retention().compareTo(MailCounts.HOUR) < 0
                ? MailCounts.HOUR
                : settings.retention();
    }

    private static <V> Produced<String, V> json(String name, Class<V> type) {
        Serde<V> values = JsonSerde.of(type);
        return Produced.with(Serdes.String(), values).withName(name);
    }

    private static <V> Predicate<String, V> isA(Class<? extends V> type) {
        return (key, value) -> type.isInstance(value);
    }
}
