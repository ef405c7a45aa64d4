package io.mailflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.core.delivery.OriginWindow;
import io.mailflow.generate.DeliveryTruth;
import io.mailflow.generate.GeneratorSettings;
import io.mailflow.generate.GroundTruth;
import io.mailflow.generate.HostSummary;
import io.mailflow.generate.InboundTruth;
import io.mailflow.generate.LogGenerator;
import io.mailflow.generate.SessionTruth;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The logs of {@code mailflow generate}, about a hundred thousand lines of four hosts, through the
 * topology: every delivery's latest outcome must match the generator's ground truth exactly.
 */
class GeneratedLogTruthTest {
    private static final int HOSTS = 4;
    private static final int MESSAGES = 12_000;

    @TempDir static Path dir;

    private static GroundTruth truth;
    private static TopologyFixture f;
    private static List<KeyValue<String, OutcomeRecord>> outcomes;
    private static List<InboundRecord> inbound;
    private static List<SessionRecord> sessions;
    private static List<RejectRecord> rejects;

    @BeforeAll
    static void pipeGeneratedLogs() throws IOException {
        new LogGenerator(GeneratorSettings.of(HOSTS, MESSAGES)).writeTo(dir);
        truth = GroundTruth.read(dir);
        f = new TopologyFixture();
        pipeInterleaved();
        outcomes = f.outcomes.readKeyValuesToList();
        inbound = f.inbound.readValuesToList();
        sessions = f.sessions.readValuesToList();
        rejects = f.rejects.readValuesToList();
    }

    @AfterAll
    static void close() {
        f.close();
    }

    /** One line of each host in turn, as a shipper reading all files at once would send them. */
    private static void pipeInterleaved() throws IOException {
        List<String> hosts = truth.summary().hosts().stream().map(HostSummary::host).toList();
        List<List<byte[]>> logs = new ArrayList<>();
        for (String host : hosts) {
            logs.add(lines(Files.readAllBytes(dir.resolve(host + ".log"))));
        }
        for (int i = 0; logs.stream().anyMatch(hasLine(i)); i++) {
            for (int h = 0; h < hosts.size(); h++) {
                if (i < logs.get(h).size()) {
                    f.lines.pipeInput(TopologyFixture.utf8(hosts.get(h)), logs.get(h).get(i));
                }
            }
        }
    }

    private static Predicate<List<byte[]>> hasLine(int i) {
        return log -> i < log.size();
    }

    private static List<byte[]> lines(byte[] file) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == '\n') {
                lines.add(Arrays.copyOfRange(file, start, i));
                start = i + 1;
            }
        }
        if (start < file.length) {
            lines.add(Arrays.copyOfRange(file, start, file.length));
        }
        return lines;
    }

    @Test
    void generatedRun_isAboutAHundredThousandLinesWithEveryQuirk() {
        var summary = truth.summary();

        assertThat(summary.totalLines()).isBetween(80_000L, 130_000L);
        assertThat(f.metrics.linesRead()).isEqualTo(summary.totalLines());
        assertThat(summary.swappedPairs()).isPositive();
        assertThat(summary.lateErrorLines()).isPositive();
        assertThat(summary.damagedLines()).isPositive();
        assertThat(summary.hosts()).allSatisfy(h -> assertThat(h.reusedIds()).isPositive());
    }

    @Test
    void everyLine_isOneEventOneRejectOrOneBlank() {
        CountingPipelineMetrics m = f.metrics;

        assertThat(m.events() + m.rejects() + m.blankLines()).isEqualTo(m.linesRead());
        assertThat(m.blankLines()).isEqualTo(truth.summary().blankLines());
        assertThat(m.rejects()).isEqualTo(truth.summary().damagedLines());
        assertThat(rejects).hasSize((int) truth.summary().damagedLines());
        truth.summary()
                .events()
                .forEach(
                        (type, count) ->
                                assertThat(m.events(type)).as("%s", type).isEqualTo(count));
    }

    @Test
    void latestOutcomeOfEveryDelivery_matchesTheTruth() {
        Map<String, List<DeliveryTruth>> expected =
                truth.deliveries().stream()
                        .collect(Collectors.groupingBy(GeneratedLogTruthTest::keyOf));
        Map<String, List<OutcomeRecord>> actual = latestPerDelivery();

        List<String> mismatches = new ArrayList<>();
        expected.forEach(
                (key, deliveries) -> {
                    List<String> want =
                            deliveries.stream()
                                    .sorted(Comparator.comparing(DeliveryTruth::queuedAt))
                                    .map(GeneratedLogTruthTest::describe)
                                    .toList();
                    List<String> got =
                            actual.getOrDefault(key, List.of()).stream()
                                    .map(GeneratedLogTruthTest::describe)
                                    .toList();
                    if (!want.equals(got)) {
                        mismatches.add(key + "\n  truth:    " + want + "\n  pipeline: " + got);
                    }
                });
        actual.keySet().stream()
                .filter(key -> !expected.containsKey(key))
                .forEach(key -> mismatches.add(key + " has outcomes but no truth"));

        assertThat(expected).hasSizeGreaterThan(10_000);
        assertThat(truth.deliveries())
                .extracting(d -> d.status().name())
                .contains("DELIVERED", "BOUNCED", "EXPIRED", "STALLED", "DEFERRED");
        assertThat(mismatches).as("deliveries that differ from the truth").isEmpty();
    }

    @Test
    void mailForLocalMailboxes_matchesTheTruthOnceItsWindowHasClosed() {
        Map<String, Instant> lastLine =
                truth.summary().hosts().stream()
                        .collect(Collectors.toMap(HostSummary::host, HostSummary::lastLineAt));
        OriginWindow window = PipelineSettings.DEFAULT.originWindow();
        List<String> expected =
                truth.inbound().stream()
                        .filter(
                                m ->
                                        !lastLine.get(m.host())
                                                .isBefore(window.receiptClosesAt(m.receivedAt())))
                        .map(GeneratedLogTruthTest::describe)
                        .sorted()
                        .toList();

        assertThat(inbound.stream().map(GeneratedLogTruthTest::describe).sorted().toList())
                .isEqualTo(expected);
        assertThat(expected).hasSizeGreaterThan(1000);
    }

    @Test
    void disconnectedSessions_matchTheTruth() {
        List<String> expected =
                truth.sessions().stream()
                        .filter(s -> s.disconnectAt() != null)
                        .map(GeneratedLogTruthTest::describe)
                        .sorted()
                        .toList();

        List<String> actual =
                sessions.stream()
                        .filter(s -> s.disconnectedAt() != null)
                        .map(GeneratedLogTruthTest::describe)
                        .sorted()
                        .toList();

        assertThat(actual).isEqualTo(expected);
    }

    /** The latest outcome of each delivery, grouped by key; a new queued time is a new delivery. */
    private static Map<String, List<OutcomeRecord>> latestPerDelivery() {
        Map<String, List<OutcomeRecord>> byKey = new HashMap<>();
        for (KeyValue<String, OutcomeRecord> kv : outcomes) {
            List<OutcomeRecord> deliveries = byKey.computeIfAbsent(kv.key, k -> new ArrayList<>());
            OutcomeRecord o = kv.value;
            int last = deliveries.size() - 1;
            boolean sameDelivery =
                    last >= 0
                            && (deliveries.get(last).queuedAt() == null
                                    || o.queuedAt() == null
                                    || deliveries.get(last).queuedAt().equals(o.queuedAt()));
            if (sameDelivery) {
                deliveries.set(last, o);
            } else {
                deliveries.add(o);
            }
        }
        return byKey;
    }

    private static String keyOf(DeliveryTruth d) {
        return d.host() + "/" + d.messageId() + "/" + d.recipient();
    }

    private static String describe(DeliveryTruth d) {
        return String.join(
                " ",
                d.sender(),
                d.origin().name(),
                Objects.toString(d.clientIp()),
                Objects.toString(d.queuedAt()),
                d.status().name(),
                Objects.toString(d.errorCategory()),
                "attempts=" + d.attempts(),
                Objects.toString(d.completedAt()));
    }

    private static String describe(OutcomeRecord o) {
        return String.join(
                " ",
                o.sender(),
                o.origin().name(),
                Objects.toString(o.clientIp()),
                Objects.toString(o.queuedAt()),
                o.status().name(),
                Objects.toString(o.errorCategory()),
                "attempts=" + o.attempts(),
                Objects.toString(o.completedAt()));
    }

    private static String describe(InboundTruth m) {
        return String.join(
                " ", m.host(), m.sender(), m.recipient(), m.clientIp(), m.receivedAt().toString());
    }

    private static String describe(InboundRecord m) {
        return String.join(
                " ", m.host(), m.sender(), m.recipient(), m.clientIp(), m.receivedAt().toString());
    }

    private static String describe(SessionTruth s) {
        return String.join(
                " ",
                s.host(),
                s.protocol().name(),
                Objects.toString(s.user()),
                s.clientIp(),
                Objects.toString(s.connectAt()),
                Objects.toString(s.loginAt()),
                Objects.toString(s.disconnectAt()));
    }

    private static String describe(SessionRecord s) {
        return String.join(
                " ",
                s.host(),
                s.protocol().name(),
                Objects.toString(s.user()),
                s.clientIp(),
                Objects.toString(s.connectedAt()),
                Objects.toString(s.loginAt()),
                Objects.toString(s.disconnectedAt()));
    }
}
