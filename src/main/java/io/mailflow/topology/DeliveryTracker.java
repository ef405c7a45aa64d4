package io.mailflow.topology;

import io.mailflow.core.classify.Classification;
import io.mailflow.core.delivery.Delivery;
import io.mailflow.core.delivery.DeliveryKey;
import io.mailflow.core.delivery.DeliveryStateMachine;
import io.mailflow.core.delivery.DeliveryStatus;
import io.mailflow.core.delivery.Origin;
import io.mailflow.core.delivery.OriginWindow;
import io.mailflow.core.delivery.ReceiptLedger;
import io.mailflow.core.delivery.ReceiptLedger.QueuedMail;
import io.mailflow.core.delivery.ReceiptLedger.Receipt;
import io.mailflow.core.delivery.Transition;
import io.mailflow.core.line.EventType;
import io.mailflow.core.line.LogEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Applies smtp-in and smtp-out lines to the delivery state: runs the state machine, decides each
 * delivery's origin from the received lines around its queued line, writes outcomes and errors, and
 * keeps the deadlines of deliveries and received lines.
 */
final class DeliveryTracker {
    private final WriteBackCache<Delivery> deliveries;
    private final WriteBackCache<ReceiptLedger> ledgers;
    private final DeadlineIndex deadlines;
    private final MailCounts counts;
    private final Emitter emitter;
    private final PipelineMetrics metrics;
    private final Duration stallAfter;
    private final Duration retention;
    private final OriginWindow window;

    DeliveryTracker(
            WriteBackCache<Delivery> deliveries,
            WriteBackCache<ReceiptLedger> ledgers,
            DeadlineIndex deadlines,
            MailCounts counts,
            Emitter emitter,
            PipelineMetrics metrics,
            PipelineSettings settings) {
        this.deliveries = deliveries;
        this.ledgers = ledgers;
        this.deadlines = deadlines;
        this.counts = counts;
        this.emitter = emitter;
        this.metrics = metrics;
        this.stallAfter = settings.stallAfter();
        this.retention = settings.retention();
        this.window = settings.originWindow();
    }

    /** A queued, sent or error line. */
    void onDeliveryLine(LogEvent event, Classification classification) {
        if (event.type() == EventType.DELIVERY_ERROR) {
            emitError(event, classification);
        }
        DeliveryKey key = DeliveryStateMachine.keyOf(event);
        String storeKey = StoreKeys.delivery(key);
        Transition t = DeliveryStateMachine.apply(deliveries.get(storeKey), event, classification);
        if (!t.stateChanged()) {
            return;
        }
        Delivery next = t.queuedLineApplied() ? withOrigin(t.delivery()) : t.delivery();
        deliveries.put(storeKey, next);
        if (t.queuedLineApplied() || t.change() == Transition.Change.STARTED) {
            deadlines.schedule(key.host(), dueOf(next), DeadlineIndex.Kind.DELIVERY, storeKey);
        }
        if (t.statusChanged()) {
            counts.statusChanged(t.replacedPrevious() ? null : t.previous(), next);
        }
        emitOutcome(next);
    }

    /** An smtp-in line: relayed mail if a queued line matches, else it waits for one. */
    void onReceived(LogEvent event) {
        String ledgerKey = StoreKeys.receipts(event.host(), event.sender(), event.recipient());
        ReceiptLedger before = ledgerAt(ledgerKey);
        ReceiptLedger.Match<QueuedMail> m =
                before.receive(new Receipt(event.time(), event.clientIp()), window);
        saveLedger(ledgerKey, m.ledger());
        if (m.matched() == null) {
            schedule(event.host(), window.receiptClosesAt(event.time()), ledgerKey);
        } else {
            relayed(event, m.matched());
        }
    }

    /** A delivery deadline passed: the delivery stalls, or leaves the store after retention. */
    void onDeliveryDeadline(String storeKey, Instant now) {
        Delivery d = deliveries.get(storeKey);
        if (d == null) {
            return;
        }
        Transition t = DeliveryStateMachine.stall(d, now, stallAfter);
        if (t.statusChanged()) {
            d = t.delivery();
            deliveries.put(storeKey, d);
            counts.statusChanged(t.previous(), d);
            emitOutcome(d);
        }
        Instant due = dueOf(d);
        if (isSettled(d) && !now.isBefore(due)) {
            deliveries.delete(storeKey);
        } else {
            deadlines.schedule(d.host(), due, DeadlineIndex.Kind.DELIVERY, storeKey);
        }
    }

    /** A received line's window closed: unmatched receipts are mail for local mailboxes. */
    void onReceiptsDeadline(String ledgerKey, Instant now) {
        ReceiptLedger ledger = ledgers.get(ledgerKey);
        if (ledger == null) {
            return;
        }
        ReceiptLedger.Expiry expiry = ledger.expire(now, window);
        String[] parts = StoreKeys.parseReceipts(ledgerKey);
        for (Receipt r : expiry.unmatched()) {
            emitter.emit(
                    parts[0],
                    InboundRecord.of(parts[0], parts[1], parts[2], r.clientIp(), r.time()),
                    r.time());
        }
        if (!expiry.ledger().equals(ledger)) {
            saveLedger(ledgerKey, expiry.ledger());
        }
    }

    private Delivery withOrigin(Delivery d) {
        String ledgerKey = StoreKeys.receipts(d.host(), d.sender(), d.recipient());
        ReceiptLedger.Match<Receipt> m =
                ledgerAt(ledgerKey).queue(new QueuedMail(d.messageId(), d.queuedAt()), window);
        saveLedger(ledgerKey, m.ledger());
        if (m.matched() == null) {
            schedule(d.host(), window.queuedClosesAt(d.queuedAt()), ledgerKey);
            return d;
        }
        return d.receivedFrom(m.matched().clientIp());
    }

    /** A received line stamped just after the queued line it belongs to, and read after it. */
    private void relayed(LogEvent received, QueuedMail queued) {
        DeliveryKey key =
                new DeliveryKey(received.host(), queued.messageId(), received.recipient());
        String storeKey = StoreKeys.delivery(key);
        Delivery d = deliveries.get(storeKey);
        if (d == null
                || d.origin() != Origin.INTERNAL
                || !Objects.equals(d.queuedAt(), queued.time())) {
            return;
        }
        Delivery next = d.receivedFrom(received.clientIp());
        deliveries.put(storeKey, next);
        emitOutcome(next);
    }

    private void emitOutcome(Delivery d) {
        OutcomeRecord outcome = OutcomeRecord.of(d);
        metrics.outcomeEmitted(outcome);
        emitter.emit(StoreKeys.outcome(d.key()), outcome, d.updatedAt());
    }

    private void emitError(LogEvent event, Classification c) {
        counts.errorLine(event.host(), c.category(), event.time());
        emitter.emit(c.category().name(), ErrorRecord.of(event, c), event.time());
    }

    private ReceiptLedger ledgerAt(String key) {
        ReceiptLedger ledger = ledgers.get(key);
        return ledger == null ? ReceiptLedger.empty() : ledger;
    }

    private void saveLedger(String key, ReceiptLedger ledger) {
        if (ledger.isEmpty()) {
            ledgers.delete(key);
        } else {
            ledgers.put(key, ledger);
        }
    }

    private void schedule(String host, Instant due, String ledgerKey) {
        deadlines.schedule(host, due, DeadlineIndex.Kind.RECEIPTS, ledgerKey);
    }

    /** Whether nothing more is expected: final, or stalled and only waiting out retention. */
    private static boolean isSettled(Delivery d) {
        return d.status().isFinal() || d.status() == DeliveryStatus.STALLED;
    }

    /** When the delivery's next deadline is: its stall, or its end of retention once settled. */
    private Instant dueOf(Delivery d) {
        return isSettled(d) ? d.settledAt().plus(retention) : d.stallsAt(stallAfter);
    }
}
