package io.mailflow.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.mailflow.core.classify.Classification;
import io.mailflow.core.classify.ErrorCategory;
import io.mailflow.core.line.EventType;
import io.mailflow.core.line.LogEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A delivery's lines give the same final state whatever order they are read in. */
class DeliveryOrderPropertiesTest {
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    private static final Classification TRANSIENT =
            new Classification(ErrorCategory.RATE_LIMITED, false, "4.7.0", 421, "rate");
    private static final Classification PERMANENT =
            new Classification(ErrorCategory.MAILBOX_FULL, true, "5.2.2", 552, "quota");
    private static final Classification EXPIRY =
            new Classification(ErrorCategory.DELIVERY_EXPIRED, true, "4.4.7", null, "expired");

    /** The line that ends the delivery, if any. */
    enum Ending {
        SENT,
        BOUNCE,
        EXPIRY,
        NONE
    }

    @Test
    void anyReadingOrder_givesTheSameFinalState() {
        qt().withExamples(1000)
                .forAll(
                        integers().between(0, 8),
                        arbitrary().enumValues(Ending.class),
                        longs().all())
                .checkAssert(DeliveryOrderPropertiesTest::sameFinalStateInAnyOrder);
    }

    private static void sameFinalStateInAnyOrder(
            int transientErrors, Ending ending, long shuffleSeed) {
        List<LogEvent> lines = lines(transientErrors, ending);
        List<LogEvent> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(shuffleSeed));

        Delivery inOrder = applyAll(lines);
        Delivery anyOrder = applyAll(shuffled);

        assertThat(anyOrder.status()).isEqualTo(inOrder.status());
        assertThat(anyOrder.attempts()).isEqualTo(inOrder.attempts());
        assertThat(anyOrder.queuedAt()).isEqualTo(T0);
        assertThat(anyOrder.completedAt()).isEqualTo(inOrder.completedAt());
        assertThat(anyOrder.lastError()).isEqualTo(inOrder.lastError());
        assertThat(anyOrder.failures()).isEqualTo(inOrder.failures());
    }

    private static List<LogEvent> lines(int transientErrors, Ending ending) {
        List<LogEvent> lines = new ArrayList<>();
        lines.add(LogEvent.queued("mx", T0, 42, "a@x.org", "b@y.org"));
        for (int i = 1; i <= transientErrors; i++) {
            lines.add(error(i, "421 Too many connections"));
        }
        int last = transientErrors + 1;
        switch (ending) {
            case SENT ->
                    lines.add(
                            LogEvent.sent(
                                    "mx", T0.plusSeconds(60L * last), 42, "a@x.org", "b@y.org"));
            case BOUNCE -> lines.add(error(last, "552 Mailbox full"));
            case EXPIRY -> lines.add(error(last, "Could not deliver mail within 48 hours"));
            case NONE -> {}
        }
        return lines;
    }

    private static LogEvent error(int minute, String text) {
        return LogEvent.deliveryError(
                "mx", T0.plusSeconds(60L * minute), 42, "a@x.org", "b@y.org", text);
    }

    private static Delivery applyAll(List<LogEvent> lines) {
        Delivery d = null;
        for (LogEvent e : lines) {
            d = DeliveryStateMachine.apply(d, e, classify(e)).delivery();
        }
        return d;
    }

    private static Classification classify(LogEvent e) {
        if (e.type() != EventType.DELIVERY_ERROR) {
            return null;
        }
        if (e.errorText().startsWith("552")) {
            return PERMANENT;
        }
        return e.errorText().startsWith("Could") ? EXPIRY : TRANSIENT;
    }
}
