package io.mailflow.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailflow.core.classify.Classification;
import io.mailflow.core.classify.ErrorCategory;
import io.mailflow.core.delivery.Delivery;
import io.mailflow.core.delivery.DeliveryStateMachine;
import io.mailflow.core.delivery.OriginWindow;
import io.mailflow.core.delivery.ReceiptLedger;
import io.mailflow.core.line.LogEvent;
import io.mailflow.core.line.Protocol;
import io.mailflow.core.session.MailSession;
import io.mailflow.topology.serde.StateSerdes;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class StateSerdesTest {
    private static final Instant T = Instant.parse("2024-03-12T10:00:00Z");
    private static final Classification BUSY =
            new Classification(ErrorCategory.RATE_LIMITED, false, "4.7.0", 421, "busy");

    private static Delivery retriedManyTimes() {
        return retried(12);
    }

    private static Delivery retried(int times) {
        Delivery d =
                DeliveryStateMachine.apply(
                                null, LogEvent.queued("mx", T, 9, "a@b.c", "d@e.f"), null)
                        .delivery()
                        .receivedFrom("1.2.3.4");
        for (int i = 1; i <= times; i++) {
            LogEvent e =
                    LogEvent.deliveryError(
                            "mx",
                            T.plusSeconds(60L * i),
                            9,
                            "a@b.c",
                            "d@e.f",
                            "421 busy " + String.format("%04d", i));
            d = DeliveryStateMachine.apply(d, e, BUSY).delivery();
        }
        return DeliveryStateMachine.apply(
                        d, LogEvent.sent("mx", T.plusSeconds(9999), 9, "a@b.c", "d@e.f"), null)
                .delivery();
    }

    @Test
    void delivery_roundTripsWithItsBoundedAttempts() {
        Delivery d = retriedManyTimes();

        byte[] bytes = StateSerdes.delivery().encode(d);

        assertThat(StateSerdes.delivery().decode(bytes)).isEqualTo(d);
        assertThat(StateSerdes.delivery().encode(retried(500)).length)
                .isLessThanOrEqualTo(bytes.length + 4);
    }

    @Test
    void deliveryWhoseLastErrorIsNoAttempt_roundTrips() {
        LogEvent expiry =
                LogEvent.deliveryError(
                        "mx", T.plusSeconds(99_999), 9, "a@b.c", "d@e.f", "Could not deliver");
        Classification gaveUp =
                new Classification(ErrorCategory.DELIVERY_EXPIRED, true, "4.4.7", null, "exp");
        Delivery d = DeliveryStateMachine.apply(retried(3), expiry, gaveUp).delivery();

        assertThat(StateSerdes.delivery().decode(StateSerdes.delivery().encode(d))).isEqualTo(d);
    }

    @Test
    void deliveryWithNullsEverywhere_roundTrips() {
        Delivery d =
                DeliveryStateMachine.apply(null, LogEvent.sent("mx", T, 9, null, "d@e.f"), null)
                        .delivery();

        assertThat(StateSerdes.delivery().decode(StateSerdes.delivery().encode(d))).isEqualTo(d);
    }

    @Test
    void receiptLedger_roundTrips() {
        ReceiptLedger ledger =
                ReceiptLedger.empty()
                        .queue(new ReceiptLedger.QueuedMail(5, T), OriginWindow.DEFAULT)
                        .ledger()
                        .receive(
                                new ReceiptLedger.Receipt(T.plusSeconds(60), "1.2.3.4"),
                                OriginWindow.DEFAULT)
                        .ledger();

        assertThat(StateSerdes.receiptLedger().decode(StateSerdes.receiptLedger().encode(ledger)))
                .isEqualTo(ledger);
    }

    @Test
    void openSessions_roundTrip() {
        List<MailSession> sessions =
                List.of(
                        MailSession.connected("mx", Protocol.IMAP, "1.1.1.1", T)
                                .login("Bob", "2.2.2.2", T.plusSeconds(1)),
                        MailSession.loggedInUnseen("mx", Protocol.POP3, "eve", "3.3.3.3", T));

        assertThat(StateSerdes.openSessions().decode(StateSerdes.openSessions().encode(sessions)))
                .isEqualTo(sessions);
    }

    @Test
    void truncatedDelivery_failsNamingTheStateAndOffset() {
        byte[] bytes = StateSerdes.delivery().encode(retriedManyTimes());
        byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);

        assertThatThrownBy(() -> StateSerdes.delivery().decode(truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("delivery state is truncated");
    }

    @Test
    void unknownFormatVersion_fails() {
        byte[] bytes = StateSerdes.delivery().encode(retriedManyTimes());
        bytes[0] = 9;

        assertThatThrownBy(() -> StateSerdes.delivery().decode(bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("format version 9, expected 1");
    }
}
