package io.mailflow.it;

import io.mailflow.core.classify.ErrorClassifier;
import io.mailflow.topology.CountingPipelineMetrics;
import io.mailflow.topology.DeliveryTopology;
import io.mailflow.topology.PipelineSettings;
import io.mailflow.topology.StreamsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The outcomes the production topology writes for some input when nothing goes wrong: one pass
 * through a {@link TopologyTestDriver}, no broker, no crash, no rebalance. Every piece of state
 * belongs to one host and each host's lines keep their order, so a real run must write the same
 * records per key, whatever happened to it meanwhile.
 */
final class ReferenceRun {
    private static final Instant WALL_CLOCK = Instant.parse("2030-01-01T00:00:00Z");

    private ReferenceRun() {}

    /**
     * The history of {@link #outcomes}, computed on a thread of its own: a test spends most of its
     * time waiting for a broker and child JVMs, which leaves a core free for this.
     */
    static CompletableFuture<OutcomeHistory> inBackground(
            PipelineSettings settings, List<GeneratedTraffic.HostLine> lines, Path stateDir) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return new OutcomeHistory(outcomes(settings, lines, stateDir));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot run the reference topology", e);
                    }
                });
    }

    /** The outcome records, key and JSON value, that {@code lines} produce in order. */
    static List<KeyValue<String, byte[]>> outcomes(
            PipelineSettings settings, List<GeneratedTraffic.HostLine> lines, Path stateDir)
            throws IOException {
        Properties config = StreamsSettings.defaults("mailflow-reference", "localhost:9");
        config.put(StreamsConfig.STATE_DIR_CONFIG, Files.createDirectories(stateDir).toString());
        try (TopologyTestDriver driver =
                new TopologyTestDriver(
                        DeliveryTopology.build(
                                settings, ErrorClassifier.builtIn(), new CountingPipelineMetrics()),
                        config,
                        WALL_CLOCK)) {
            ByteArraySerializer bytes = new ByteArraySerializer();
            TestInputTopic<byte[], byte[]> input =
                    driver.createInputTopic(
                            settings.topics().lines(), bytes, bytes, WALL_CLOCK, Duration.ZERO);
            lines.forEach(line -> input.pipeInput(line.key(), line.line()));
            return driver.createOutputTopic(
                            settings.topics().outcomes(),
                            new StringDeserializer(),
                            new ByteArrayDeserializer())
                    .readKeyValuesToList();
        }
    }
}
