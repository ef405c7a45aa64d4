package io.mailflow.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.core.classify.ErrorCategory;
import io.mailflow.core.line.EventType;
import io.mailflow.generate.ReadLines.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every record of the ground truth agrees with the lines of the generated logs. */
class TruthConsistencyTest {
    private static final long HOLD = 48 * 3600;

    @TempDir static Path directory;
    private static GeneratedRun run;

    @BeforeAll
    static void generate() throws IOException {
        run = GeneratedRun.generate(GeneratorSettings.of(3, 2000).withSeed(7), directory);
    }

    @Test
    void everyDelivery_hasItsQueuedLineAndOutcomeLines() {
        for (DeliveryTruth delivery : run.truth().deliveries()) {
            List<Line> lines = linesOf(delivery);
            assertThat(lines).as("%s", delivery).isNotEmpty();
            assertThat(lines)
                    .as("queued line of %s", delivery)
                    .filteredOn(line -> line.type() == EventType.QUEUED)
                    .singleElement()
                    .extracting(Line::at)
                    .isEqualTo(delivery.queuedAt().getEpochSecond());
            assertThat(lines).allMatch(line -> line.sender().equals(delivery.sender()));
            assertOutcome(delivery, lines);
        }
    }

    @Test
    void attemptsAndErrorCategory_followTheErrorLines() {
        for (DeliveryTruth delivery : run.truth().deliveries()) {
            List<Line> lines = linesOf(delivery);
            long errors = errorLines(lines).stream().filter(line -> !isExpiry(line)).count();
            long sent = lines.stream().filter(line -> line.type() == EventType.SENT).count();
            assertThat(delivery.attempts()).as("%s", delivery).isEqualTo(errors + sent);
            ErrorCategory latest =
                    errorLines(lines).stream()
                            .max(Comparator.comparingLong(Line::at))
                            .map(TruthConsistencyTest::categoryOf)
                            .orElse(null);
            assertThat(delivery.errorCategory()).as("%s", delivery).isEqualTo(latest);
        }
    }

    @Test
    void openDeliveries_stallOnlyAnHourAfterTheHoldWindow() {
        for (DeliveryTruth delivery : run.truth().deliveries()) {
            if (delivery.status().isFinal()) {
                continue;
            }
            long lastLine = lastLineOf(delivery.host());
            long stallsAt = delivery.queuedAt().getEpochSecond() + HOLD + 3600;
            boolean hadError = !errorLines(linesOf(delivery)).isEmpty();
            TruthStatus expected =
                    lastLine >= stallsAt
                            ? TruthStatus.STALLED
                            : hadError ? TruthStatus.DEFERRED : TruthStatus.QUEUED;
            assertThat(delivery.status()).as("%s", delivery).isEqualTo(expected);
            assertThat(delivery.completedAt()).isNull();
        }
    }

    @Test
    void smtpInDeliveries_haveTheirReceivedLineUpToFiveSecondsBefore() {
        for (DeliveryTruth delivery : run.truth().deliveries()) {
            List<Line> received = receivedBefore(delivery);
            if (delivery.origin() == Origin.SMTP_IN) {
                assertThat(received)
                        .as("%s", delivery)
                        .singleElement()
                        .extracting(Line::clientIp)
                        .isEqualTo(delivery.clientIp());
            } else {
                assertThat(received).as("%s", delivery).isEmpty();
                assertThat(delivery.clientIp()).isNull();
            }
        }
    }

    @Test
    void reusedIds_followOnlyFinishedMessages() {
        Map<String, List<DeliveryTruth>> byId =
                run.truth().deliveries().stream()
                        .collect(Collectors.groupingBy(d -> d.host() + " " + d.messageId()));
        int reused = 0;
        for (List<DeliveryTruth> sameId : byId.values()) {
            Map<Instant, List<DeliveryTruth>> messages =
                    sameId.stream().collect(Collectors.groupingBy(DeliveryTruth::queuedAt));
            List<Instant> queued = messages.keySet().stream().sorted().toList();
            for (int i = 1; i < queued.size(); i++) {
                reused++;
                Instant next = queued.get(i);
                assertThat(messages.get(queued.get(i - 1)))
                        .allSatisfy(
                                earlier ->
                                        assertThat(earlier.completedAt())
                                                .as("%s before %s", earlier, next)
                                                .isNotNull()
                                                .isBefore(next));
            }
        }
        assertThat(reused).isPositive();
    }

    @Test
    void inboundMail_hasItsReceivedLineAndNoQueuedLine() {
        Map<String, List<Line>> queuedByPair = byPair(EventType.QUEUED);
        Map<String, List<Line>> receivedByPair = byPair(EventType.RECEIVED);
        for (InboundTruth mail : run.truth().inbound()) {
            String pair = pair(mail.host(), mail.sender(), mail.recipient());
            long at = mail.receivedAt().getEpochSecond();
            assertThat(receivedByPair.get(pair))
                    .as("%s", mail)
                    .anyMatch(line -> line.at() == at && line.clientIp().equals(mail.clientIp()));
            assertThat(queuedByPair.getOrDefault(pair, List.of()))
                    .noneMatch(line -> line.at() >= at && line.at() <= at + 5);
        }
    }

    @Test
    void receivedLines_areInboundOrSmtpInDeliveries() {
        long smtpIn =
                run.truth().deliveries().stream().filter(d -> d.origin() == Origin.SMTP_IN).count();
        assertThat(count(EventType.RECEIVED)).isEqualTo(smtpIn + run.truth().inbound().size());
        assertThat(count(EventType.QUEUED)).isEqualTo(run.truth().deliveries().size());
    }

    @Test
    void sessions_haveTheirLinesInOrder() {
        Map<String, List<Line>> byAddress =
                run.readLines().stream()
                        .filter(line -> line.type().isSession())
                        .collect(Collectors.groupingBy(line -> line.service() + line.clientIp()));
        for (SessionTruth session : run.truth().sessions()) {
            List<Line> lines = byAddress.get(session.protocol().service() + session.clientIp());
            long connect = session.connectAt().getEpochSecond();
            long end =
                    session.disconnectAt() == null
                            ? Long.MAX_VALUE
                            : session.disconnectAt().getEpochSecond();
            List<Line> own =
                    lines.stream().filter(l -> l.at() >= connect && l.at() <= end).toList();
            assertThat(own)
                    .as("%s", session)
                    .extracting(Line::type)
                    .containsExactlyElementsOf(expectedSessionTypes(session));
            if (session.user() != null) {
                assertThat(own.get(1).user()).isEqualTo(session.user());
                assertThat(own.get(1).at()).isEqualTo(session.loginAt().getEpochSecond());
            }
        }
        assertThat(count(EventType.SESSION_CONNECT)).isEqualTo(run.truth().sessions().size());
    }

    @Test
    void damagedLines_areAtTheirListedNumbersAndNowhereElse() {
        Map<String, List<Long>> listed =
                run.truth().damaged().stream()
                        .collect(
                                Collectors.groupingBy(
                                        DamagedLine::host,
                                        Collectors.mapping(
                                                DamagedLine::lineNumber, Collectors.toList())));
        run.linesByHost()
                .forEach(
                        (host, lines) ->
                                assertThat(
                                                lines.stream()
                                                        .filter(
                                                                line ->
                                                                        line.kind()
                                                                                == ReadLines.Kind
                                                                                        .UNREADABLE)
                                                        .map(line -> (long) line.number())
                                                        .toList())
                                        .as(host)
                                        .isEqualTo(listed.getOrDefault(host, List.of())));
        assertThat(run.truth().damaged())
                .allSatisfy(
                        d -> assertThat(d.expectedReason()).isEqualTo(d.damage().expectedReason()));
    }

    @Test
    void linesOutOfTimeOrder_areAtMostFiveSecondsEarlier() {
        int descents = 0;
        for (List<Line> lines : run.linesByHost().values()) {
            Line previous = null;
            for (Line line : lines) {
                if (line.kind() != ReadLines.Kind.READ) {
                    continue;
                }
                if (previous != null && line.at() < previous.at()) {
                    descents++;
                    assertThat(previous.at() - line.at()).isLessThanOrEqualTo(5);
                }
                previous = line;
            }
        }
        assertThat(descents)
                .isPositive()
                .isLessThanOrEqualTo(
                        (int) (run.summary().swappedPairs() + run.summary().lateErrorLines()));
    }

    private static void assertOutcome(DeliveryTruth delivery, List<Line> lines) {
        List<Line> sent = lines.stream().filter(l -> l.type() == EventType.SENT).toList();
        List<Line> expiry = lines.stream().filter(TruthConsistencyTest::isExpiry).toList();
        assertThat(sent)
                .as("sent lines of %s", delivery)
                .hasSize(delivery.status() == TruthStatus.DELIVERED ? 1 : 0);
        assertThat(expiry)
                .as("expiry lines of %s", delivery)
                .hasSize(delivery.status() == TruthStatus.EXPIRED ? 1 : 0);
        Long completed =
                delivery.completedAt() == null ? null : delivery.completedAt().getEpochSecond();
        long queued = delivery.queuedAt().getEpochSecond();
        switch (delivery.status()) {
            case DELIVERED -> assertThat(sent.get(0).at()).isEqualTo(completed);
            case EXPIRED ->
                    assertThat(expiry.get(0).at()).isEqualTo(completed).isEqualTo(queued + HOLD);
            case BOUNCED -> assertBounce(delivery, lines, completed);
            default ->
                    assertThat(lines)
                            .noneMatch(
                                    l ->
                                            l.type() == EventType.DELIVERY_ERROR
                                                    && Catalogue.textOf(l.text()).permanent());
        }
        if (completed != null) {
            assertThat(lines)
                    .as("lines after the end of %s", delivery)
                    .allMatch(line -> line.at() <= completed);
        }
    }

    private static void assertBounce(DeliveryTruth delivery, List<Line> lines, Long completed) {
        List<Line> permanent =
                errorLines(lines).stream()
                        .filter(line -> Catalogue.textOf(line.text()).permanent())
                        .toList();
        assertThat(permanent)
                .as("%s", delivery)
                .singleElement()
                .extracting(Line::at)
                .isEqualTo(completed);
        assertThat(categoryOf(permanent.get(0))).isEqualTo(delivery.errorCategory());
    }

    /** The smtp-out lines of one delivery: its ID and recipient, from its queued line on. */
    private static List<Line> linesOf(DeliveryTruth delivery) {
        long from = delivery.queuedAt().getEpochSecond();
        long until = nextQueuedOfSameId(delivery);
        return outgoingByKey().getOrDefault(key(delivery), List.of()).stream()
                .filter(line -> line.at() >= from && line.at() < until)
                .toList();
    }

    private static long nextQueuedOfSameId(DeliveryTruth delivery) {
        return run.truth().deliveries().stream()
                .filter(
                        d ->
                                d.host().equals(delivery.host())
                                        && d.messageId() == delivery.messageId())
                .mapToLong(d -> d.queuedAt().getEpochSecond())
                .filter(at -> at > delivery.queuedAt().getEpochSecond())
                .min()
                .orElse(Long.MAX_VALUE);
    }

    private static Map<String, List<Line>> outgoingCache;

    private static Map<String, List<Line>> outgoingByKey() {
        if (outgoingCache == null) {
            outgoingCache = new HashMap<>();
            run.linesByHost()
                    .forEach(
                            (host, lines) ->
                                    lines.stream()
                                            .filter(
                                                    line ->
                                                            line.kind() == ReadLines.Kind.READ
                                                                    && line.type().isDelivery())
                                            .forEach(
                                                    line ->
                                                            outgoingCache
                                                                    .computeIfAbsent(
                                                                            host
                                                                                    + " "
                                                                                    + line.id()
                                                                                    + " "
                                                                                    + line
                                                                                            .recipient(),
                                                                            k -> new ArrayList<>())
                                                                    .add(line)));
        }
        return outgoingCache;
    }

    private static String key(DeliveryTruth delivery) {
        return delivery.host() + " " + delivery.messageId() + " " + delivery.recipient();
    }

    private static List<Line> receivedBefore(DeliveryTruth delivery) {
        long queued = delivery.queuedAt().getEpochSecond();
        return byPair(EventType.RECEIVED)
                .getOrDefault(
                        pair(delivery.host(), delivery.sender(), delivery.recipient()), List.of())
                .stream()
                .filter(line -> line.at() >= queued - 5 && line.at() <= queued)
                .toList();
    }

    private static final Map<EventType, Map<String, List<Line>>> BY_PAIR = new HashMap<>();

    private static Map<String, List<Line>> byPair(EventType type) {
        return BY_PAIR.computeIfAbsent(
                type,
                t -> {
                    Map<String, List<Line>> byPair = new HashMap<>();
                    run.linesByHost()
                            .forEach(
                                    (host, lines) ->
                                            lines.stream()
                                                    .filter(
                                                            line ->
                                                                    line.kind()
                                                                                    == ReadLines
                                                                                            .Kind
                                                                                            .READ
                                                                            && line.type() == t)
                                                    .forEach(
                                                            line ->
                                                                    byPair.computeIfAbsent(
                                                                                    pair(
                                                                                            host,
                                                                                            line
                                                                                                    .sender(),
                                                                                            line
                                                                                                    .recipient()),
                                                                                    k ->
                                                                                            new ArrayList<>())
                                                                            .add(line)));
                    return byPair;
                });
    }

    private static String pair(String host, String sender, String recipient) {
        return (host + " " + sender + " " + recipient).toLowerCase(Locale.ROOT);
    }

    private static List<Line> errorLines(List<Line> lines) {
        return lines.stream().filter(line -> line.type() == EventType.DELIVERY_ERROR).toList();
    }

    private static boolean isExpiry(Line line) {
        return line.type() == EventType.DELIVERY_ERROR && line.text().equals(ErrorTexts.expiry(48));
    }

    private static ErrorCategory categoryOf(Line error) {
        return isExpiry(error)
                ? ErrorCategory.DELIVERY_EXPIRED
                : Catalogue.textOf(error.text()).category();
    }

    private static long lastLineOf(String host) {
        return run.lines(host).stream()
                .filter(line -> line.kind() == ReadLines.Kind.READ)
                .mapToLong(Line::at)
                .max()
                .orElseThrow();
    }

    private static long count(EventType type) {
        return run.readLines().stream().filter(line -> line.type() == type).count();
    }

    private static List<EventType> expectedSessionTypes(SessionTruth session) {
        List<EventType> types = new ArrayList<>(List.of(EventType.SESSION_CONNECT));
        if (session.loginAt() != null) {
            types.add(EventType.SESSION_LOGIN);
        }
        if (session.disconnectAt() != null) {
            types.add(EventType.SESSION_DISCONNECT);
        }
        return types;
    }
}
