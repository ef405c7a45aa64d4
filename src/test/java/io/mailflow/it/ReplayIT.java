package io.mailflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import io.mailflow.core.delivery.DeliveryStatus;
import io.mailflow.generate.DeliveryTruth;
import io.mailflow.generate.GenerationSummary;
import io.mailflow.generate.GroundTruth;
import io.mailflow.generate.HostSummary;
import io.mailflow.generate.SessionTruth;
import io.mailflow.json.Json;
import io.mailflow.runtime.cli.Mailflow;
import io.mailflow.topology.OutcomeRecord;
import io.mailflow.topology.SessionRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mailflow replay} of {@code mailflow generate}'s logs, through the real pipeline on the
 * shared broker, must give back the generator's ground truth.
 */
@WithSharedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplayIT {
    private static final String[] GENERATE = {"--hosts", "2", "--messages", "2000", "--seed", "7"};

    @TempDir static Path dir;

    private Path logs;
    private Path results;
    private GroundTruth truth;
    private String stdout;

    @BeforeAll
    void replayGeneratedLogs(KafkaCluster kafka) throws IOException {
        logs = dir.resolve("logs");
        results = dir.resolve("results");
        assertThat(mailflow(concat(new String[] {"generate", "--out", logs.toString()}, GENERATE)))
                .isZero();
        truth = GroundTruth.read(logs);
        List<String> replay =
                new ArrayList<>(
                        List.of(
                                "replay",
                                "--bootstrap-servers",
                                kafka.bootstrapServers(),
                                "--out",
                                results.toString()));
        logFiles(logs).forEach(file -> replay.add(file.toString()));
        assertThat(mailflow(replay.toArray(String[]::new))).isZero();
    }

    @Test
    void latestOutcomeOfEveryDelivery_equalsTheGroundTruth() throws IOException {
        Map<String, List<String>> expected = new TreeMap<>();
        truth.deliveries().stream()
                .sorted(Comparator.comparing(DeliveryTruth::queuedAt))
                .forEach(
                        d ->
                                expected.computeIfAbsent(keyOf(d), k -> new ArrayList<>())
                                        .add(describe(d)));
        Map<String, List<String>> actual = new TreeMap<>();
        read(results.resolve("outcomes.jsonl"), OutcomeRecord.class)
                .forEach(
                        o ->
                                actual.computeIfAbsent(keyOf(o), k -> new ArrayList<>())
                                        .add(describe(o)));

        assertThat(expected).hasSizeGreaterThan(2000);
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void summary_countsWhatTheGeneratorWrote() throws IOException {
        GenerationSummary written = truth.summary();
        Map<?, ?> summary =
                Json.mapper().readValue(results.resolve("summary.json").toFile(), Map.class);

        assertThat(summary.get("linesRead")).isEqualTo((int) written.totalLines());
        assertThat(summary.get("rejects")).isEqualTo((int) written.damagedLines());
        assertThat(summary.get("blankLines")).isEqualTo((int) written.blankLines());
        assertThat(summary.get("events"))
                .isEqualTo(
                        (int)
                                (written.totalLines()
                                        - written.damagedLines()
                                        - written.blankLines()));
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        written.deliveries()
                .forEach((status, count) -> byStatus.put(status.name(), count.intValue()));
        for (DeliveryStatus status : DeliveryStatus.values()) {
            byStatus.putIfAbsent(status.name(), 0);
        }
        assertThat(summary.get("deliveries")).isEqualTo(byStatus);
        assertThat(stdout).startsWith("replayed " + written.totalLines() + " lines");
    }

    @Test
    void rejectsAndSessions_matchTheDamagedLinesAndClosedSessions() throws IOException {
        List<String> expectedSessions =
                truth.sessions().stream()
                        .filter(s -> s.disconnectAt() != null)
                        .map(ReplayIT::describe)
                        .sorted()
                        .toList();
        List<String> sessions =
                read(results.resolve("sessions.jsonl"), SessionRecord.class).stream()
                        .filter(s -> s.disconnectedAt() != null)
                        .map(ReplayIT::describe)
                        .sorted()
                        .toList();

        assertThat(Files.readAllLines(results.resolve("rejects.jsonl")))
                .hasSize(truth.damaged().size());
        assertThat(sessions).isEqualTo(expectedSessions);
        assertThat(Files.readAllLines(results.resolve("errors.jsonl"))).isNotEmpty();
        assertThat(Files.readAllLines(results.resolve("inbound.jsonl"))).isNotEmpty();
    }

    @Test
    void replayOnAGivenCluster_deletesItsTopicsAfterwards(KafkaCluster kafka) throws Exception {
        try (Admin admin = kafka.admin()) {
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .noneMatch(topic -> topic.startsWith("mailflow-replay-"));
        }
    }

    @Test
    void replayWithoutBootstrapServers_runsOnABrokerOfItsOwn() throws IOException {
        HostSummary first = truth.summary().hosts().get(0);
        Path log = logs.resolve(first.host() + ".log");
        Path out = dir.resolve("own-broker");

        int exit = mailflow("replay", "--host", "renamed", "--out", out.toString(), log.toString());

        assertThat(exit).isZero();
        assertThat(stdout).startsWith("replayed " + first.lines() + " lines");
        assertThat(read(out.resolve("outcomes.jsonl"), OutcomeRecord.class))
                .hasSizeGreaterThan(100)
                .allSatisfy(o -> assertThat(o.host()).isEqualTo("renamed"));
    }

    private int mailflow(String... args) {
        StringWriter out = new StringWriter();
        int exit = Mailflow.commandLine().setOut(new PrintWriter(out, true)).execute(args);
        stdout = out.toString();
        return exit;
    }

    private static List<Path> logFiles(Path logs) throws IOException {
        try (Stream<Path> files = Files.list(logs)) {
            return files.filter(f -> f.toString().endsWith(".log")).sorted().toList();
        }
    }

    private static <T> List<T> read(Path file, Class<T> type) throws IOException {
        try (MappingIterator<T> values = Json.mapper().readerFor(type).readValues(file.toFile())) {
            return values.readAll();
        }
    }

    private static String[] concat(String[] a, String[] b) {
        return Stream.concat(Stream.of(a), Stream.of(b)).toArray(String[]::new);
    }

    private static String keyOf(DeliveryTruth d) {
        return d.host() + "/" + d.messageId() + "/" + d.recipient();
    }

    private static String keyOf(OutcomeRecord o) {
        return o.host() + "/" + o.messageId() + "/" + o.recipient();
    }

    private static String describe(DeliveryTruth d) {
        return Stream.of(
                        d.sender(),
                        d.origin(),
                        d.clientIp(),
                        d.queuedAt(),
                        d.status(),
                        d.errorCategory(),
                        d.attempts(),
                        d.completedAt())
                .map(Objects::toString)
                .collect(Collectors.joining(" "));
    }

    private static String describe(OutcomeRecord o) {
        return Stream.of(
                        o.sender(),
                        o.origin(),
                        o.clientIp(),
                        o.queuedAt(),
                        o.status(),
                        o.errorCategory(),
                        o.attempts(),
                        o.completedAt())
                .map(Objects::toString)
                .collect(Collectors.joining(" "));
    }

    private static String describe(SessionTruth s) {
        return Stream.of(
                        s.host(),
                        s.protocol(),
                        s.user(),
                        s.clientIp(),
                        s.connectAt(),
                        s.loginAt(),
                        s.disconnectAt())
                .map(Objects::toString)
                .collect(Collectors.joining(" "));
    }

    private static String describe(SessionRecord s) {
        return Stream.of(
                        s.host(),
                        s.protocol(),
                        s.user(),
                        s.clientIp(),
                        s.connectedAt(),
                        s.loginAt(),
                        s.disconnectedAt())
                .map(Objects::toString)
                .collect(Collectors.joining(" "));
    }
}
