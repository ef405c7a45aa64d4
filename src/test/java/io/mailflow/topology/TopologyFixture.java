package io.mailflow.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mailflow.core.classify.ErrorClassifier;
import io.mailflow.json.Json;
import io.mailflow.topology.serde.JsonSerde;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** A TopologyTestDriver around the production topology, with typed readers for each output. */
final class TopologyFixture implements AutoCloseable {
    static final Instant WALL_START = Instant.parse("2030-01-01T00:00:00Z");

    final PipelineSettings settings;
    private final Path stateDir;
    final CountingPipelineMetrics metrics = new CountingPipelineMetrics();
    final Topology topology;
    final TopologyTestDriver driver;
    final TestInputTopic<byte[], byte[]> lines;
    final TestOutputTopic<String, OutcomeRecord> outcomes;
    final TestOutputTopic<String, ErrorRecord> errors;
    final TestOutputTopic<String, InboundRecord> inbound;
    final TestOutputTopic<String, SessionRecord> sessions;
    final TestOutputTopic<String, RejectRecord> rejects;

    TopologyFixture() {
        this(PipelineSettings.DEFAULT);
    }

    TopologyFixture(PipelineSettings settings) {
        this.settings = settings;
        this.topology = DeliveryTopology.build(settings, ErrorClassifier.builtIn(), metrics);
        this.stateDir = tempDirectory();
        Properties config = StreamsSettings.defaults("mailflow-test", "localhost:9");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        this.driver = new TopologyTestDriver(topology, config, WALL_START);
        TopicNames t = settings.topics();
        ByteArraySerializer bytes = new ByteArraySerializer();
        lines = driver.createInputTopic(t.lines(), bytes, bytes, WALL_START, Duration.ZERO);
        outcomes = output(t.outcomes(), OutcomeRecord.class);
        errors = output(t.errors(), ErrorRecord.class);
        inbound = output(t.inbound(), InboundRecord.class);
        sessions = output(t.sessions(), SessionRecord.class);
        rejects = output(t.rejects(), RejectRecord.class);
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("mailflow-ttd");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a state directory", e);
        }
    }

    <T> TestOutputTopic<String, T> output(String topic, Class<T> type) {
        return driver.createOutputTopic(
                topic, new StringDeserializer(), JsonSerde.of(type).deserializer());
    }

    /** Pipes raw lines keyed by {@code host}. */
    void pipe(String host, String... rawLines) {
        for (String line : rawLines) {
            lines.pipeInput(utf8(host), utf8(line));
        }
    }

    void pipeRecord(byte[] key, byte[] value, RecordHeaders headers) {
        lines.pipeInput(new TestRecord<>(key, value, headers, WALL_START));
    }

    static byte[] utf8(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }

    List<OutcomeRecord> outcomes() {
        return outcomes.readValuesToList();
    }

    @Override
    public void close() {
        driver.close();
        try (Stream<Path> paths = Files.walk(stateDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + stateDir, e);
        }
    }
}
