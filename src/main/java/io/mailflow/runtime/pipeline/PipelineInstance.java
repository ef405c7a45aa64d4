package io.mailflow.runtime.pipeline;

import io.mailflow.core.classify.ErrorClassifier;
import io.mailflow.runtime.broker.ProvisionReport;
import io.mailflow.runtime.broker.TopicProvisioner;
import io.mailflow.runtime.config.ConfigKeys;
import io.mailflow.runtime.config.MailflowConfig;
import io.mailflow.runtime.http.ApiServer;
import io.mailflow.runtime.http.HttpApi;
import io.mailflow.runtime.metrics.MailflowMetrics;
import io.mailflow.runtime.metrics.RecentRejects;
import io.mailflow.topology.DeliveryTopology;
import io.mailflow.topology.PipelineSettings;
import io.mailflow.topology.StreamsSettings;
import io.mailflow.topology.TopicSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;

/**
 * One running instance of the pipeline: Kafka Streams on the delivery topology, its metrics, and
 * the HTTP API that answers queries for the whole application. {@code mailflow run} and {@code
 * mailflow demo} start it the same way.
 */
public final class PipelineInstance implements AutoCloseable {
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(30);

    private final HttpApi http;
    private final MailflowMetrics metrics;
    private final StreamsRunner runner;

    private PipelineInstance(HttpApi http, MailflowMetrics metrics, StreamsRunner runner) {
        this.http = http;
        this.metrics = metrics;
        this.runner = runner;
    }

    /**
     * Binds the HTTP port, then starts Kafka Streams with that port as its {@code
     * application.server}, so that every instance can forward queries to every other.
     *
     * @throws IOException if the HTTP port cannot be bound
     * @throws IllegalArgumentException if the HTTP endpoint would face the network without a token
     */
    public static PipelineInstance start(MailflowConfig config, ErrorClassifier classifier)
            throws IOException {
        String token = config.get(ConfigKeys.HTTP_TOKEN);
        HttpApi http =
                HttpApi.bind(
                        config.get(ConfigKeys.HTTP_BIND_ADDRESS),
                        config.get(ConfigKeys.HTTP_PORT),
                        token);
        try {
            HostInfo self = new HostInfo(advertisedHost(config), http.port());
            RecentRejects rejects = new RecentRejects();
            MailflowMetrics metrics = new MailflowMetrics(rejects);
            PipelineSettings settings = config.pipelineSettings();
            Properties props =
                    StreamsSettings.defaults(
                            config.get(ConfigKeys.APPLICATION_ID),
                            config.get(ConfigKeys.BOOTSTRAP_SERVERS));
            props.putAll(config.streamsProperties());
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, self.host() + ":" + self.port());
            StreamsRunner runner =
                    new StreamsRunner(
                            DeliveryTopology.build(settings, classifier, metrics),
                            props,
                            CLOSE_TIMEOUT);
            metrics.bind(runner.streams());
            String source = sourceTopic(config, settings);
            ApiServer.serve(
                    http,
                    self,
                    token,
                    runner.streams(),
                    source,
                    new PartitionCount(config, source),
                    rejects,
                    metrics::scrape);
            runner.start();
            return new PipelineInstance(http, metrics, runner);
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
    }

    public HttpApi http() {
        return http;
    }

    public MailflowMetrics metrics() {
        return metrics;
    }

    public StreamsRunner runner() {
        return runner;
    }

    @Override
    public void close() {
        runner.close();
        http.close();
        metrics.close();
    }

    /**
     * Creates the pipeline's missing topics: the input, and every output with its configuration
     * (outcomes compacted). Lines and rejects keep their records for {@code topic.retention}.
     */
    public static ProvisionReport createTopics(MailflowConfig config) {
        PipelineSettings settings = config.pipelineSettings();
        String retention = Long.toString(config.get(ConfigKeys.TOPIC_RETENTION).toMillis());
        List<TopicSpec> specs = new ArrayList<>();
        specs.add(
                new TopicSpec(
                        settings.topics().lines(),
                        "raw Web Crossing log lines",
                        Map.of(TopicConfig.RETENTION_MS_CONFIG, retention)));
        for (TopicSpec spec : DeliveryTopology.outputTopics(settings)) {
            specs.add(
                    spec.name().equals(settings.topics().rejects())
                            ? withRetention(spec, retention)
                            : spec);
        }
        try (Admin admin = Admin.create(config.adminConfig())) {
            return new TopicProvisioner(
                            admin,
                            config.get(ConfigKeys.TOPIC_PARTITIONS),
                            config.get(ConfigKeys.TOPIC_REPLICATION_FACTOR).shortValue(),
                            ADMIN_TIMEOUT)
                    .provision(specs);
        }
    }

    private static TopicSpec withRetention(TopicSpec spec, String retention) {
        Map<String, String> config = new HashMap<>(spec.config());
        config.put(TopicConfig.RETENTION_MS_CONFIG, retention);
        return new TopicSpec(spec.name(), spec.purpose(), config);
    }

    /**
     * The topic whose partitions the delivery stores follow: the input topic when it is keyed by
     * host, else the repartition topic that keys it so.
     */
    static String sourceTopic(MailflowConfig config, PipelineSettings settings) {
        if (settings.inputKeyedByHost()) {
            return settings.topics().lines();
        }
        return config.get(ConfigKeys.APPLICATION_ID)
                + "-"
                + DeliveryTopology.LINES_BY_HOST
                + "-repartition";
    }

    private static String advertisedHost(MailflowConfig config) {
        String advertised = config.get(ConfigKeys.HTTP_ADVERTISED_HOST);
        if (!advertised.isEmpty()) {
            return advertised;
        }
        String bind = config.get(ConfigKeys.HTTP_BIND_ADDRESS);
        if (!bind.equals("0.0.0.0") && !bind.equals("::")) {
            return bind;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(
                    ConfigKeys.HTTP_ADVERTISED_HOST.name()
                            + " is empty and this machine's name is unknown; set it",
                    e);
        }
    }

    /** The partition count of the source topic, asked once: it does not change while running. */
    private static final class PartitionCount implements IntSupplier {
        private final MailflowConfig config;
        private final String topic;
        private volatile int known;

        PartitionCount(MailflowConfig config, String topic) {
            this.config = config;
            this.topic = topic;
        }

        @Override
        public int getAsInt() {
            if (known == 0) {
                known = describe();
            }
            return known;
        }

        private int describe() {
            try (Admin admin = Admin.create(config.adminConfig())) {
                return admin.describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                        .get(topic)
                        .partitions()
                        .size();
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException(
                        "cannot describe topic " + topic + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while describing " + topic, e);
            }
        }
    }
}
