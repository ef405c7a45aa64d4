package io.mailflow.runtime.pipeline;

import io.mailflow.core.classify.ErrorClassifier;
import io.mailflow.runtime.broker.ProvisionReport;
import io.mailflow.runtime.broker.TopicProvisioner;
import io.mailflow.runtime.config.ConfigKeys;
import io.mailflow.runtime.config.MailflowConfig;
import io.mailflow.topology.CountingPipelineMetrics;
import io.mailflow.topology.DeliveryTopology;
import io.mailflow.topology.PipelineSettings;
import io.mailflow.topology.StreamsSettings;
import io.mailflow.topology.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-running pipeline of {@code mailflow run}: the delivery topology under Kafka Streams,
 * configured by a {@link MailflowConfig}.
 */
public final class Pipeline implements AutoCloseable {
    /** Long enough for the threads to commit their last transaction on a loaded broker. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final MailflowConfig config;
    private final PipelineSettings settings;
    private final CountingPipelineMetrics metrics = new CountingPipelineMetrics();
    private final StreamsRunner runner;

    /**
     * Builds the topology; nothing connects to the cluster before {@link #start()}.
     *
     * @param config the checked configuration
     * @param classifier classifies delivery error texts
     */
    public Pipeline(MailflowConfig config, ErrorClassifier classifier) {
        this.config = config;
        this.settings = config.pipelineSettings();
        this.runner =
                new StreamsRunner(
                        DeliveryTopology.build(settings, classifier, metrics),
                        streamsProperties(config),
                        CLOSE_TIMEOUT);
    }

    /**
     * The topics the pipeline needs: the lines topic, which it reads, and those it writes. The
     * lines and rejects topics keep records for {@code topic.retention}.
     */
    public static List<TopicSpec> topics(MailflowConfig config) {
        PipelineSettings settings = config.pipelineSettings();
        String retention = String.valueOf(config.get(ConfigKeys.TOPIC_RETENTION).toMillis());
        List<TopicSpec> specs = new ArrayList<>();
        specs.add(
                new TopicSpec(
                        settings.topics().lines(),
                        "raw Web Crossing log lines or shipper envelopes",
                        Map.of(TopicConfig.RETENTION_MS_CONFIG, retention)));
        for (TopicSpec spec : DeliveryTopology.outputTopics(settings)) {
            specs.add(
                    spec.name().equals(settings.topics().rejects())
                            ? retained(spec, retention)
                            : spec);
        }
        return specs;
    }

    /** Creates the missing {@link #topics} of {@code config}; existing ones stay as they are. */
    public static ProvisionReport provisionTopics(MailflowConfig config) {
        try (Admin admin = Admin.create(config.adminConfig())) {
            TopicProvisioner provisioner =
                    new TopicProvisioner(
                            admin,
                            config.get(ConfigKeys.TOPIC_PARTITIONS),
                            config.get(ConfigKeys.TOPIC_REPLICATION_FACTOR).shortValue(),
                            ADMIN_TIMEOUT);
            ProvisionReport report = provisioner.provision(topics(config));
            LOG.info(
                    "Topics: {} created, {} already there",
                    report.created().size(),
                    report.existing().size());
            return report;
        }
    }

    /** Starts processing and returns; {@link #awaitTermination()} waits for the end. */
    public void start() {
        LOG.info(
                "Starting application {} with {} stream threads, {}",
                config.get(ConfigKeys.APPLICATION_ID),
                config.get(ConfigKeys.STREAM_THREADS),
                config.get(ConfigKeys.PROCESSING_GUARANTEE).streamsValue());
        runner.start();
    }

    /** Blocks until the pipeline stops, by {@link #close()} or by an error, and says which. */
    public StreamsRunner.Termination awaitTermination() throws InterruptedException {
        return runner.awaitTermination();
    }

    /** The error that stopped the pipeline, or null. */
    public Throwable failure() {
        return runner.failure();
    }

    /** The running instance, for its state stores. */
    public KafkaStreams streams() {
        return runner.streams();
    }

    /** What this instance has processed since it started. */
    public CountingPipelineMetrics metrics() {
        return metrics;
    }

    /** Commits what was processed and stops, within 30 seconds. */
    @Override
    public void close() {
        runner.close();
        LOG.info(
                "Processed {} lines since start: {} events, {} rejects, {} blank",
                metrics.linesRead(),
                metrics.events(),
                metrics.rejects(),
                metrics.blankLines());
    }

    /** The topology's own defaults, then everything the configuration sets. */
    private static Properties streamsProperties(MailflowConfig config) {
        Properties props =
                StreamsSettings.defaults(
                        config.get(ConfigKeys.APPLICATION_ID),
                        config.get(ConfigKeys.BOOTSTRAP_SERVERS));
        props.putAll(config.streamsProperties());
        return props;
    }

    private static TopicSpec retained(TopicSpec spec, String retentionMs) {
        Map<String, String> config = new HashMap<>(spec.config());
        config.put(TopicConfig.RETENTION_MS_CONFIG, retentionMs);
        return new TopicSpec(spec.name(), spec.purpose(), config);
    }
}
