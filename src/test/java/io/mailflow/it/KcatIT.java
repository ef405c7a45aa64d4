package io.mailflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflow.core.classify.ErrorClassifier;
import io.mailflow.json.Json;
import io.mailflow.runtime.config.MailflowConfig;
import io.mailflow.runtime.pipeline.PipelineInstance;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that shares no code with mailflow, Debian's {@code kcat} on librdkafka, reads the
 * outcomes topic with {@code read_committed}: it must see the records a Java consumer sees, each a
 * JSON object with exactly the fields topology.md documents.
 */
@WithSharedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KcatIT {
    private static final int HOSTS = 2;
    private static final int MESSAGES = 300;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** A row of a field table in topology.md: the field name in backticks, first column. */
    private static final Pattern FIELD_ROW = Pattern.compile("^\\| `([a-zA-Z]+)` \\|");

    private Path kcat;
    private List<KeyValue<String, byte[]>> javaRecords;
    private List<String[]> kcatRecords;

    @BeforeAll
    void pipelineWritesOutcomesThenKcatReadsThem(KafkaCluster kafka, @TempDir Path dir)
            throws Exception {
        Optional<Path> found = onPath("kcat");
        assumeTrue(
                found.isPresent(),
                "kcat is not installed, so no third-party client can be tried; install it with"
                        + " 'apt-get install kcat' (.ci/run does)");
        kcat = found.get();
        GeneratedTraffic traffic =
                GeneratedTraffic.generate(dir.resolve("logs"), HOSTS, MESSAGES, 9);
        PipelineFlags flags = PipelineFlags.unique(kafka, "kcat", 2);
        MailflowConfig config = flags.config(dir.resolve("state"));
        PipelineInstance.createTopics(config);
        String outcomes = config.topicNames().outcomes();
        kafka.keepEveryRecordOf(outcomes);
        process(kafka, flags, config, traffic);
        javaRecords = CommittedRecords.readAll(kafka, outcomes, TIMEOUT);
        kcatRecords = consumeWithKcat(kafka.bootstrapServers(), outcomes, dir);
    }

    @Test
    void kcat_readsTheRecordsAJavaConsumerReads() {
        List<String> expected =
                javaRecords.stream()
                        .map(r -> r.key + "\t" + new String(r.value, StandardCharsets.UTF_8))
                        .sorted()
                        .toList();
        List<String> read = kcatRecords.stream().map(r -> r[0] + "\t" + r[1]).sorted().toList();

        assertThat(expected).hasSizeGreaterThan(200);
        assertThat(read).isEqualTo(expected);
    }

    @Test
    void everyValue_isJsonWithTheDocumentedFieldsAndSchemaVersion() throws IOException {
        Set<String> documented = documentedOutcomeFields();

        assertThat(documented).contains("schemaVersion", "status", "queuedAt", "updatedAt");
        for (String[] record : kcatRecords) {
            JsonNode value = Json.mapper().readTree(record[1]);
            Set<String> fields = new TreeSet<>();
            value.fieldNames().forEachRemaining(fields::add);

            assertThat(value.isObject()).as(record[0]).isTrue();
            assertThat(fields).as(record[0]).isEqualTo(documented);
            assertThat(value.get("schemaVersion").asInt()).as(record[0]).isEqualTo(1);
            assertThat(record[0])
                    .isEqualTo(
                            value.get("host").asText()
                                    + "/"
                                    + value.get("messageId").asLong()
                                    + "/"
                                    + value.get("recipient").asText());
        }
    }

    private static void process(
            KafkaCluster kafka,
            PipelineFlags flags,
            MailflowConfig config,
            GeneratedTraffic traffic)
            throws Exception {
        String lines = config.topicNames().lines();
        try (GroupProgress progress = new GroupProgress(kafka, flags.get("application.id"), lines);
                PacedSender sender =
                        new PacedSender(kafka.bootstrapServers(), lines, traffic.lines(), 20_000);
                PipelineInstance pipeline =
                        PipelineInstance.start(config, ErrorClassifier.builtIn())) {
            sender.start();
            sender.awaitDone(TIMEOUT);
            progress.awaitCaughtUp(TIMEOUT, () -> !pipeline.runner().hasStopped());
        }
    }

    /** Every record of {@code topic} as kcat prints it: key and value, split at the tab. */
    private List<String[]> consumeWithKcat(String bootstrap, String topic, Path dir)
            throws IOException, InterruptedException {
        Path out = dir.resolve("kcat.out");
        Path err = dir.resolve("kcat.err");
        Process process =
                new ProcessBuilder(
                                kcat.toString(),
                                "-b",
                                bootstrap,
                                "-C",
                                "-t",
                                topic,
                                "-o",
                                "beginning",
                                "-e",
                                "-q",
                                "-X",
                                "isolation.level=read_committed",
                                "-f",
                                "%k\\t%s\\n")
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
        boolean done = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly();
        }
        assertThat(done).as("kcat finished; stderr: %s", Files.readString(err)).isTrue();
        assertThat(process.exitValue())
                .as("kcat's exit; stderr: %s", Files.readString(err))
                .isZero();
        List<String[]> records = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            records.add(line.split("\t", 2));
        }
        return records;
    }

    /** The field names of the outcomes table in topology.md. */
    private static Set<String> documentedOutcomeFields() throws IOException {
        List<String> doc = Files.readAllLines(Path.of("topology.md"), StandardCharsets.UTF_8);
        int section = doc.indexOf("### `webx.delivery.outcomes`");
        assertThat(section).as("the outcomes section of topology.md").isNotNegative();
        Set<String> fields = new TreeSet<>();
        for (String line : doc.subList(section + 1, doc.size())) {
            if (line.startsWith("### ")) {
                break;
            }
            Matcher row = FIELD_ROW.matcher(line);
            if (row.find()) {
                fields.add(row.group(1));
            }
        }
        return fields;
    }

    private static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        return Stream.of(path.split(File.pathSeparator))
                .map(directory -> Path.of(directory, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
