package io.mailflow.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.core.classify.ErrorCategory;
import io.mailflow.core.line.EventType;
import io.mailflow.core.line.Protocol;
import io.mailflow.generate.ErrorTexts.ErrorText;
import io.mailflow.generate.ReadLines.Line;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** At 2000 messages the logs show every scenario a real server shows. */
class GeneratedMixTest {
    @TempDir static Path directory;
    private static GeneratedRun run;

    @BeforeAll
    static void generate() throws IOException {
        run = GeneratedRun.generate(GeneratorSettings.of(3, 2000), directory);
    }

    @Test
    void everyStatus_occurs() {
        Set<TruthStatus> statuses =
                run.truth().deliveries().stream()
                        .map(DeliveryTruth::status)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(TruthStatus.class)));
        assertThat(statuses).containsExactlyInAnyOrder(TruthStatus.values());
    }

    @Test
    void deliveries_comeAtOnceAndAfterDeferrals() {
        assertSome(d -> d.status() == TruthStatus.DELIVERED && d.attempts() == 1);
        assertSome(d -> d.status() == TruthStatus.DELIVERED && d.attempts() >= 4);
        assertThat(run.summary().lateErrorLines()).isPositive();
    }

    @Test
    void bounces_comeAtOnceAndAfterTransientErrors() {
        assertSome(d -> d.status() == TruthStatus.BOUNCED && d.attempts() == 1);
        assertSome(d -> d.status() == TruthStatus.BOUNCED && d.attempts() > 1);
    }

    @Test
    void everyBounceCategory_occurs() {
        Set<ErrorCategory> bounceCategories =
                ErrorTexts.all().stream()
                        .filter(ErrorText::permanent)
                        .map(ErrorText::category)
                        .collect(Collectors.toSet());
        Set<ErrorCategory> bounced =
                run.truth().deliveries().stream()
                        .filter(d -> d.status() == TruthStatus.BOUNCED)
                        .map(DeliveryTruth::errorCategory)
                        .collect(Collectors.toSet());
        assertThat(bounced).isEqualTo(bounceCategories).hasSizeGreaterThanOrEqualTo(9);
    }

    @Test
    void expiredDeliveries_endInTheExpiryCategory() {
        assertThat(run.truth().deliveries())
                .filteredOn(d -> d.status() == TruthStatus.EXPIRED)
                .isNotEmpty()
                .allMatch(d -> d.errorCategory() == ErrorCategory.DELIVERY_EXPIRED);
    }

    @Test
    void messages_haveSeveralRecipientsSometimes() {
        Map<String, Long> recipients =
                run.truth().deliveries().stream()
                        .collect(
                                Collectors.groupingBy(
                                        d -> d.host() + d.messageId() + d.queuedAt(),
                                        Collectors.counting()));
        assertThat(recipients.values()).contains(1L, 2L, 3L).allMatch(n -> n <= 5);
        assertThat(recipients.values().stream().filter(n -> n == 1).count())
                .isGreaterThan(recipients.size() / 2);
    }

    @Test
    void bothOrigins_occur() {
        assertSome(d -> d.origin() == Origin.SMTP_IN && d.clientIp() != null);
        assertSome(d -> d.origin() == Origin.INTERNAL);
    }

    @Test
    void idsAreReused_onEveryHost() {
        assertThat(run.summary().hosts()).allMatch(host -> host.reusedIds() > 0);
    }

    @Test
    void inboundMailAndSessions_occur() {
        assertThat(run.truth().inbound()).hasSizeGreaterThan(500);
        assertThat(run.truth().sessions())
                .extracting(SessionTruth::protocol)
                .contains(Protocol.POP3, Protocol.IMAP);
        assertThat(run.truth().sessions()).anyMatch(s -> s.loginAt() == null);
        assertThat(run.truth().sessions())
                .filteredOn(s -> s.user() != null)
                .anyMatch(s -> Character.isUpperCase(s.user().charAt(0)))
                .anyMatch(s -> Character.isLowerCase(s.user().charAt(0)));
    }

    @Test
    void smtpInLines_sometimesLackTheSpaceBeforeTo() {
        List<Line> received =
                run.readLines().stream().filter(l -> l.type() == EventType.RECEIVED).toList();
        assertThat(received).anyMatch(Line::glued).anyMatch(l -> !l.glued());
    }

    @Test
    void noiseLines_occur() {
        GenerationSummary summary = run.summary();
        assertThat(summary.blankLines()).isPositive();
        assertThat(summary.swappedPairs()).isPositive();
        assertThat(summary.events().get(EventType.OTHER)).isPositive();
        assertThat(run.truth().damaged())
                .extracting(DamagedLine::damage)
                .containsAll(EnumSet.allOf(Damage.class));
    }

    @Test
    void damagedShare_isAboutAsAsked() {
        GenerationSummary summary = run.summary();
        double share = (double) summary.damagedLines() / summary.totalLines();
        assertThat(share).isBetween(0.001, 0.004);
    }

    private static void assertSome(Predicate<DeliveryTruth> condition) {
        assertThat(run.truth().deliveries()).anyMatch(condition);
    }
}
