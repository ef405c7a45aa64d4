package io.mailflow.runtime.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflow.core.classify.ErrorClassifier;
import io.mailflow.core.delivery.DeliveryStatus;
import io.mailflow.generate.GeneratorSettings;
import io.mailflow.generate.LogGenerator;
import io.mailflow.json.Json;
import io.mailflow.runtime.WorkDirectories;
import io.mailflow.runtime.broker.EmbeddedKafka;
import io.mailflow.runtime.config.ConfigKeys;
import io.mailflow.runtime.config.ConfigLoader;
import io.mailflow.runtime.config.MailflowConfig;
import io.mailflow.runtime.pipeline.PipelineInstance;
import io.micrometer.core.instrument.Counter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole of mailflow on one machine: an embedded broker, the pipeline with its HTTP API and
 * dashboard, and log lines fed in at a steady rate, with a one-line summary every few seconds.
 */
public final class Demo implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    private static final int SAMPLE_HOSTS = 3;

    /**
     * What the demo runs on.
     *
     * @param logs the log files to feed in, each with its host; empty feeds a generated sample
     * @param httpPort the HTTP port of the API and dashboard; 0 picks a free one
     * @param linesPerSecond the feed rate; 0 feeds as fast as the broker takes lines
     * @param sampleMessages the messages of the generated sample, when there are no logs
     */
    public record Options(List<Log> logs, int httpPort, int linesPerSecond, int sampleMessages) {
        /** The sample's size when nobody asks for another: a few minutes of mail at 500 lines/s. */
        public static final int SAMPLE_MESSAGES = 3000;
    }

    /** A log file and the host that wrote it. */
    public record Log(String host, Path file) {}

    private final Path workDir;
    private final EmbeddedKafka kafka;
    private final PipelineInstance pipeline;
    private final MailflowConfig config;
    private final HttpClient http = HttpClient.newHttpClient();

    private Demo(
            Path workDir, EmbeddedKafka kafka, PipelineInstance pipeline, MailflowConfig config) {
        this.workDir = workDir;
        this.kafka = kafka;
        this.pipeline = pipeline;
        this.config = config;
    }

    /**
     * Starts the broker and the pipeline; {@link #feed} then sends the logs in. The broker does not
     * stop by itself when the JVM shuts down: {@link #close()}, which stops the pipeline first,
     * stops it.
     */
    public static Demo start(Options options) throws IOException {
        Path workDir = Files.createTempDirectory("mailflow-demo-");
        EmbeddedKafka kafka = EmbeddedKafka.builder().stopOnShutdown(false).start();
        try {
            MailflowConfig config = config(kafka, workDir, options.httpPort());
            PipelineInstance.createTopics(config);
            PipelineInstance pipeline = PipelineInstance.start(config, ErrorClassifier.builtIn());
            return new Demo(workDir, kafka, pipeline, config);
        } catch (IOException | RuntimeException e) {
            kafka.close();
            throw e;
        }
    }

    /** The address of the dashboard and the API. */
    public String url() {
        return pipeline.http().baseUrl();
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Feeds {@code logs}, or a generated sample when there are none; returns the lines sent. */
    public long feed(Options options) throws IOException {
        List<Log> logs =
                options.logs().isEmpty() ? sample(options.sampleMessages()) : options.logs();
        return new PacedFeed(
                        kafka.bootstrapServers(),
                        config.topicNames().lines(),
                        options.linesPerSecond())
                .send(logs);
    }

    /** One line: lines read, rejects, and deliveries by status, from the API. */
    public String summary() {
        StringBuilder line = new StringBuilder();
        line.append("lines ").append(pipeline.metrics().linesRead());
        line.append(" | rejects ").append(count("mailflow.rejects"));
        JsonNode overview = overview();
        for (DeliveryStatus status : DeliveryStatus.values()) {
            JsonNode n = overview == null ? null : overview.path("byStatus").get(status.name());
            line.append(" | ").append(status.name().toLowerCase()).append(' ');
            line.append(n == null ? 0 : n.asLong());
        }
        return line.toString();
    }

    /** Prints the summary every {@code every} until interrupted or {@code duration} has passed. */
    public void report(PrintStream out, Duration every, Optional<Duration> duration)
            throws InterruptedException {
        long end = duration.map(d -> System.nanoTime() + d.toNanos()).orElse(Long.MAX_VALUE);
        while (System.nanoTime() < end) {
            Thread.sleep(
                    Math.min(every.toMillis(), Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            out.println(summary());
        }
    }

    @Override
    public void close() {
        pipeline.close();
        kafka.close();
        WorkDirectories.deleteQuietly(workDir);
    }

    private List<Log> sample(int messages) throws IOException {
        Path dir = workDir.resolve("logs");
        new LogGenerator(GeneratorSettings.of(SAMPLE_HOSTS, messages)).writeTo(dir);
        List<Log> logs = new ArrayList<>();
        for (int i = 0; i < SAMPLE_HOSTS; i++) {
            String host = LogGenerator.hostName(i, SAMPLE_HOSTS);
            logs.add(new Log(host, dir.resolve(host + ".log")));
        }
        return logs;
    }

    private long count(String meter) {
        return Math.round(
                pipeline.metrics().registry().find(meter).counters().stream()
                        .mapToDouble(Counter::count)
                        .sum());
    }

    private JsonNode overview() {
        try {
            HttpResponse<byte[]> response =
                    http.send(
                            HttpRequest.newBuilder(URI.create(url() + "/api/stats/overview"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
            return response.statusCode() == 200 ? Json.mapper().readTree(response.body()) : null;
        } catch (IOException e) {
            LOG.debug("The overview could not be read yet: {}", e.getMessage());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static MailflowConfig config(EmbeddedKafka kafka, Path workDir, int httpPort) {
        Map<String, String> flags = new HashMap<>();
        flags.put(ConfigKeys.BOOTSTRAP_SERVERS.name(), kafka.bootstrapServers());
        flags.put(ConfigKeys.APPLICATION_ID.name(), "mailflow-demo");
        flags.put(ConfigKeys.STATE_DIR.name(), workDir.resolve("state").toString());
        flags.put(ConfigKeys.HTTP_PORT.name(), Integer.toString(httpPort));
        flags.put(ConfigKeys.TOPIC_PARTITIONS.name(), "3");
        flags.put(ConfigKeys.TOPIC_REPLICATION_FACTOR.name(), "1");
        return ConfigLoader.load(Optional.empty(), Map.of(), flags);
    }
}
