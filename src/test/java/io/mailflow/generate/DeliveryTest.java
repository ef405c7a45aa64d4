package io.mailflow.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.core.classify.ErrorCategory;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The truth of one delivery follows from the steps stamped before the end of the log. */
class DeliveryTest {
    private static final long QUEUED = Instant.parse("2003-06-20T08:00:00Z").getEpochSecond();
    private static final long HOLD = 48 * 3600;
    private static final long FAR = QUEUED + 10 * 86_400;

    @Test
    void transientErrorThenSent_isDeliveredWithTwoAttempts() {
        DeliveryTruth truth = truth(List.of(error(QUEUED + 10), Step.sent(QUEUED + 900)), FAR, FAR);

        assertThat(truth.status()).isEqualTo(TruthStatus.DELIVERED);
        assertThat(truth.attempts()).isEqualTo(2);
        assertThat(truth.errorCategory()).isEqualTo(ErrorCategory.CONNECTION_FAILED);
        assertThat(truth.completedAt()).isEqualTo(Instant.ofEpochSecond(QUEUED + 900));
    }

    @Test
    void permanentError_isBouncedWithItsCategory() {
        Step bounce =
                new Step(QUEUED + 5, Step.Kind.PERMANENT_ERROR, ErrorCategory.MAILBOX_FULL, "x");

        DeliveryTruth truth = truth(List.of(error(QUEUED + 1), bounce), FAR, FAR);

        assertThat(truth.status()).isEqualTo(TruthStatus.BOUNCED);
        assertThat(truth.errorCategory()).isEqualTo(ErrorCategory.MAILBOX_FULL);
        assertThat(truth.attempts()).isEqualTo(2);
    }

    @Test
    void expiryLine_isExpiredAndNotAnAttempt() {
        Step expiry =
                new Step(QUEUED + HOLD, Step.Kind.EXPIRY, ErrorCategory.DELIVERY_EXPIRED, "x");

        DeliveryTruth truth =
                truth(List.of(error(QUEUED + 1), error(QUEUED + 7200), expiry), FAR, FAR);

        assertThat(truth.status()).isEqualTo(TruthStatus.EXPIRED);
        assertThat(truth.attempts()).isEqualTo(2);
        assertThat(truth.errorCategory()).isEqualTo(ErrorCategory.DELIVERY_EXPIRED);
    }

    @Test
    void sentAfterTheEndOfTheLog_isDeferredWhileItHadAnError() {
        long end = QUEUED + 600;

        DeliveryTruth truth =
                truth(List.of(error(QUEUED + 10), Step.sent(QUEUED + 900)), end, end - 1);

        assertThat(truth.status()).isEqualTo(TruthStatus.DEFERRED);
        assertThat(truth.attempts()).isEqualTo(1);
        assertThat(truth.completedAt()).isNull();
    }

    @Test
    void noLineAfterQueued_isQueued() {
        DeliveryTruth truth = truth(List.of(Step.sent(QUEUED + 900)), QUEUED + 60, QUEUED + 59);

        assertThat(truth.status()).isEqualTo(TruthStatus.QUEUED);
        assertThat(truth.attempts()).isZero();
        assertThat(truth.errorCategory()).isNull();
    }

    @Test
    void lostDelivery_stallsExactlyAnHourAfterTheHoldWindow() {
        List<Step> lost = List.of(error(QUEUED + 10));
        long stallsAt = QUEUED + HOLD + 3600;

        assertThat(truth(lost, FAR, stallsAt - 1).status()).isEqualTo(TruthStatus.DEFERRED);
        assertThat(truth(lost, FAR, stallsAt).status()).isEqualTo(TruthStatus.STALLED);
        assertThat(truth(List.of(), FAR, stallsAt - 1).status()).isEqualTo(TruthStatus.QUEUED);
        assertThat(truth(List.of(), FAR, stallsAt).status()).isEqualTo(TruthStatus.STALLED);
    }

    @Test
    void lateError_isWrittenAfterTheSentLineButCountedBeforeIt() {
        Message message = message(Origin.INTERNAL);
        List<Step> steps =
                List.of(error(QUEUED + 10), error(QUEUED + 899), Step.sent(QUEUED + 900));
        Delivery delivery = new Delivery(message, "r@example.com", false, steps, 1);
        message.deliveries.add(delivery);
        LineBuffer lines = new LineBuffer(QUEUED - 100, FAR);
        message.addLines(lines);
        lines.sort();

        assertThat(lines.size()).isEqualTo(4);
        assertThat(lines.stamp(2)).isEqualTo(QUEUED + 900);
        assertThat(lines.stamp(3)).isEqualTo(QUEUED + 899);
        assertThat(lines.isLate(3)).isTrue();
        DeliveryTruth truth = delivery.truth("mail01", FAR, FAR, HOLD);
        assertThat(truth.status()).isEqualTo(TruthStatus.DELIVERED);
        assertThat(truth.attempts()).isEqualTo(3);
    }

    @Test
    void smtpInMessage_writesItsReceivedLinesFirst() {
        Message message = message(Origin.SMTP_IN);
        message.deliveries.add(new Delivery(message, "a@example.com", false, List.of(), -1));
        message.deliveries.add(new Delivery(message, "b@example.com", true, List.of(), -1));
        LineBuffer lines = new LineBuffer(QUEUED - 100, FAR);
        message.addLines(lines);
        lines.sort();

        StringBuilder text = new StringBuilder();
        for (int p = 0; p < lines.size(); p++) {
            lines.source(p).appendBody(lines.part(p), text.append('\n'));
        }
        assertThat(text.toString().lines().skip(1).toList())
                .containsExactly(
                        "smtp-in OK (Received mail from: s@example.org to: a@example.com"
                                + " client-IP:192.0.2.9)",
                        "smtp-in OK (Received mail from: s@example.orgto: b@example.com"
                                + " client-IP:192.0.2.9)",
                        "smtp-out OK ID=77 Send email. Outgoing message queued To: a@example.com"
                                + " From: s@example.org",
                        "smtp-out OK ID=77 Send email. Outgoing message queued To: b@example.com"
                                + " From: s@example.org");
    }

    private static DeliveryTruth truth(List<Step> steps, long end, long lastLineAt) {
        Message message = message(Origin.INTERNAL);
        Delivery delivery = new Delivery(message, "r@example.com", false, steps, -1);
        message.deliveries.add(delivery);
        return delivery.truth("mail01", end, lastLineAt, HOLD);
    }

    private static Message message(Origin origin) {
        String ip = origin == Origin.SMTP_IN ? "192.0.2.9" : null;
        return new Message(77, "s@example.org", origin, ip, QUEUED, QUEUED - 2);
    }

    private static Step error(long at) {
        return new Step(at, Step.Kind.TRANSIENT_ERROR, ErrorCategory.CONNECTION_FAILED, "x");
    }
}
