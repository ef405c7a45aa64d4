package io.mailflow.runtime.pipeline;

import io.mailflow.core.classify.ErrorClassifier;
import io.mailflow.core.line.HostZones;
import io.mailflow.json.Json;
import io.mailflow.runtime.broker.EmbeddedKafka;
import io.mailflow.runtime.broker.TopicProvisioner;
import io.mailflow.topology.CountingPipelineMetrics;
import io.mailflow.topology.DeliveryTopology;
import io.mailflow.topology.PipelineSettings;
import io.mailflow.topology.StreamsSettings;
import io.mailflow.topology.TopicNames;
import io.mailflow.topology.TopicSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * Sends log files through the whole pipeline on a real broker, waits until every line has been
 * processed, and writes what the pipeline produced into a directory: {@code outcomes.jsonl}, {@code
 * errors.jsonl}, {@code rejects.jsonl}, {@code sessions.jsonl}, {@code inbound.jsonl} and {@code
 * summary.json}.
 *
 * <p>Without bootstrap servers the replay starts an {@link EmbeddedKafka} of its own. On a given
 * cluster it uses topics and an application id of its own, prefixed {@code mailflow-replay-}, and
 * deletes them when done, so it never touches a running pipeline's data.
 */
public final class Replay {
    /** One log file and the host that wrote it. */
    public record Input(String host, Path file) {
        public Input {
            Objects.requireNonNull(host, "host can't be null");
            Objects.requireNonNull(file, "file can't be null");
        }
    }

    static final String SUMMARY = "summary.json";

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final HostZones zones;
    private final Optional<String> bootstrapServers;
    private final ReplayProgress progress;

    /**
     * @param zones the time zone of each host
     * @param bootstrapServers the cluster to replay on; empty starts an embedded broker
     * @param progress where progress goes for large inputs, usually standard error
     */
    public Replay(HostZones zones, Optional<String> bootstrapServers, PrintStream progress) {
        this.zones = Objects.requireNonNull(zones, "zones can't be null");
        this.bootstrapServers =
                Objects.requireNonNull(bootstrapServers, "bootstrapServers can't be null");
        this.progress = new ReplayProgress(progress);
    }

    /**
     * Replays {@code inputs} and writes the results into {@code out}, which must exist.
     *
     * @return the totals, as written to {@code summary.json}
     * @throws IOException if an input cannot be read or a result cannot be written
     * @throws IllegalStateException if the pipeline stops or stalls before every line is processed
     */
    public ReplaySummary run(List<Input> inputs, Path out) throws IOException {
        String runId = "mailflow-replay-" + UUID.randomUUID().toString().substring(0, 8);
        try (ReplayCluster cluster = ReplayCluster.open(bootstrapServers, runId)) {
            PipelineSettings settings = settings(runId);
            provision(cluster, settings);
            CountingPipelineMetrics metrics = new CountingPipelineMetrics();
            long lines = process(out, cluster, settings, metrics, inputs, runId);
            ReplayOutputs.Written written =
                    new ReplayOutputs(new TopicDrainer(cluster.clientConfig(), TIMEOUT), out)
                            .write(settings.topics());
            ReplaySummary summary = summary(metrics, written);
            Json.mapper()
                    .writerWithDefaultPrettyPrinter()
                    .writeValue(out.resolve(SUMMARY).toFile(), summary);
            progress.done(lines);
            return summary;
        }
    }

    /** Replay's own topics, so that replaying on a shared cluster touches no other data. */
    private PipelineSettings settings(String runId) {
        TopicNames d = TopicNames.DEFAULT;
        String p = runId + ".";
        TopicNames topics =
                new TopicNames(
                        p + d.lines(),
                        p + d.outcomes(),
                        p + d.errors(),
                        p + d.inbound(),
                        p + d.sessions(),
                        p + d.rejects());
        PipelineSettings base = PipelineSettings.DEFAULT;
        return new PipelineSettings(
                topics,
                zones,
                base.defaultHost(),
                true,
                base.stallAfter(),
                base.retention(),
                false,
                base.originWindow(),
                base.sessionTimeout());
    }

    private static void provision(ReplayCluster cluster, PipelineSettings settings) {
        List<TopicSpec> specs = new ArrayList<>(DeliveryTopology.outputTopics(settings));
        specs.add(new TopicSpec(settings.topics().lines(), "log lines being replayed", Map.of()));
        try (Admin admin = Admin.create(cluster.clientConfig())) {
            new TopicProvisioner(admin, 1, TopicProvisioner.BROKER_DEFAULT_REPLICATION, TIMEOUT)
                    .provision(specs);
        }
    }

    private long process(
            Path out,
            ReplayCluster cluster,
            PipelineSettings settings,
            CountingPipelineMetrics metrics,
            List<Input> inputs,
            String runId)
            throws IOException {
        Topology topology = DeliveryTopology.build(settings, ErrorClassifier.builtIn(), metrics);
        // Under the output directory: Kafka Streams warns about state in the OS's temp directory.
        Path stateDir = Files.createDirectories(out.resolve("." + runId + "-state"));
        try (StreamsRunner runner =
                new StreamsRunner(
                        topology, streamsProperties(cluster, runId, stateDir), CLOSE_TIMEOUT)) {
            runner.start();
            progress.expect(inputs);
            long lines =
                    new LineSender(cluster.clientConfig())
                            .send(inputs, settings.topics().lines(), progress::sent);
            new CompletionWatch(cluster.clientConfig(), runId, settings.topics().lines())
                    .await(runner, metrics::linesRead, lines, progress::processed);
            return lines;
        } finally {
            deleteRecursively(stateDir);
        }
    }

    private static Properties streamsProperties(
            ReplayCluster cluster, String runId, Path stateDir) {
        Properties props = StreamsSettings.defaults(runId, cluster.bootstrapServers());
        props.putAll(cluster.clientConfig());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        // Nobody watches a replay's outputs while it runs: fewer, larger transactions are faster.
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 1000);
        props.put(
                StreamsConfig.producerPrefix(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION),
                1);
        return props;
    }

    private static ReplaySummary summary(
            CountingPipelineMetrics metrics, ReplayOutputs.Written written) {
        return new ReplaySummary(
                metrics.linesRead(),
                metrics.events(),
                metrics.rejects(),
                metrics.blankLines(),
                written.outcomes().countByStatus(),
                written.errors(),
                written.inbound(),
                written.sessions());
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
