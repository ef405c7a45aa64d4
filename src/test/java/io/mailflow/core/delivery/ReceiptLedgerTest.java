package io.mailflow.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.core.delivery.ReceiptLedger.QueuedMail;
import io.mailflow.core.delivery.ReceiptLedger.Receipt;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ReceiptLedgerTest {
    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    private static final OriginWindow WINDOW = OriginWindow.DEFAULT;

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void receivedThenQueuedWithinWindow_matchesTheReceipt() {
        ReceiptLedger ledger =
                ReceiptLedger.empty().receive(new Receipt(at(0), "1.2.3.4"), WINDOW).ledger();

        ReceiptLedger.Match<Receipt> m = ledger.queue(new QueuedMail(7, at(120)), WINDOW);

        assertThat(m.matched()).isEqualTo(new Receipt(at(0), "1.2.3.4"));
        assertThat(m.ledger().isEmpty()).isTrue();
    }

    @Test
    void receivedLongBeforeQueued_doesNotMatch() {
        ReceiptLedger ledger =
                ReceiptLedger.empty().receive(new Receipt(at(0), "1.2.3.4"), WINDOW).ledger();

        ReceiptLedger.Match<Receipt> m = ledger.queue(new QueuedMail(7, at(301)), WINDOW);

        assertThat(m.matched()).isNull();
        assertThat(m.ledger().receipts()).hasSize(1);
        assertThat(m.ledger().queued()).containsExactly(new QueuedMail(7, at(301)));
    }

    @Test
    void receivedStampedSecondsAfterQueued_matchesTheWaitingQueuedLine() {
        ReceiptLedger ledger =
                ReceiptLedger.empty().queue(new QueuedMail(7, at(0)), WINDOW).ledger();

        ReceiptLedger.Match<QueuedMail> m = ledger.receive(new Receipt(at(3), "1.2.3.4"), WINDOW);

        assertThat(m.matched()).isEqualTo(new QueuedMail(7, at(0)));
        assertThat(m.ledger().isEmpty()).isTrue();
    }

    @Test
    void receivedStampedLongAfterQueued_waitsForItsOwnQueuedLine() {
        ReceiptLedger ledger =
                ReceiptLedger.empty().queue(new QueuedMail(7, at(0)), WINDOW).ledger();

        ReceiptLedger.Match<QueuedMail> m = ledger.receive(new Receipt(at(11), "1.2.3.4"), WINDOW);

        assertThat(m.matched()).isNull();
        assertThat(m.ledger().receipts()).containsExactly(new Receipt(at(11), "1.2.3.4"));
    }

    @Test
    void twoReceipts_areMatchedOldestFirst() {
        ReceiptLedger ledger =
                ReceiptLedger.empty()
                        .receive(new Receipt(at(0), "1.1.1.1"), WINDOW)
                        .ledger()
                        .receive(new Receipt(at(5), "2.2.2.2"), WINDOW)
                        .ledger();

        assertThat(ledger.queue(new QueuedMail(7, at(10)), WINDOW).matched().clientIp())
                .isEqualTo("1.1.1.1");
    }

    @Test
    void expire_returnsReceiptsWhoseWindowClosedAndDropsStaleQueuedLines() {
        ReceiptLedger ledger =
                ReceiptLedger.empty()
                        .queue(new QueuedMail(9, at(-20)), WINDOW)
                        .ledger()
                        .receive(new Receipt(at(0), "1.1.1.1"), WINDOW)
                        .ledger()
                        .receive(new Receipt(at(200), "2.2.2.2"), WINDOW)
                        .ledger();

        ReceiptLedger.Expiry e = ledger.expire(at(301), WINDOW);

        assertThat(e.unmatched()).containsExactly(new Receipt(at(0), "1.1.1.1"));
        assertThat(e.ledger().receipts()).containsExactly(new Receipt(at(200), "2.2.2.2"));
        assertThat(e.ledger().queued()).isEmpty();
    }

    @Test
    void expire_atTheLastMomentOfTheWindow_keepsTheReceipt() {
        ReceiptLedger ledger =
                ReceiptLedger.empty().receive(new Receipt(at(0), "1.1.1.1"), WINDOW).ledger();

        assertThat(ledger.expire(at(300), WINDOW).unmatched()).isEmpty();
    }

    @Test
    void nextClose_isTheEarliestWindowEnd() {
        ReceiptLedger ledger =
                ReceiptLedger.empty()
                        .receive(new Receipt(at(100), "1.1.1.1"), WINDOW)
                        .ledger()
                        .queue(new QueuedMail(9, at(500)), WINDOW)
                        .ledger();

        assertThat(ledger.nextClose(WINDOW))
                .isEqualTo(at(100).plus(Duration.ofMinutes(5)).plusMillis(1));
        assertThat(ReceiptLedger.empty().nextClose(WINDOW)).isNull();
    }
}
