package io.mailflow.core.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The received and queued lines of one host, sender and recipient still waiting for their match. A
 * received line matched by a queued line makes the delivery {@link Origin#SMTP_IN}; one left
 * unmatched after its window is mail for a local mailbox. Queued lines wait only for the few
 * seconds a received line may be stamped after them.
 *
 * @param receipts received lines not matched yet, oldest first
 * @param queued queued lines not matched yet, oldest first
 */
public record ReceiptLedger(List<Receipt> receipts, List<QueuedMail> queued) {

    private static final ReceiptLedger EMPTY = new ReceiptLedger(List.of(), List.of());

    public ReceiptLedger {
        receipts = List.copyOf(Objects.requireNonNull(receipts, "receipts can't be null"));
        queued = List.copyOf(Objects.requireNonNull(queued, "queued can't be null"));
    }

    /**
     * A received line: mail accepted over SMTP.
     *
     * @param time when it was written
     * @param clientIp the address of the client that handed the mail over
     */
    public record Receipt(Instant time, String clientIp) {
        public Receipt {
            Objects.requireNonNull(time, "time can't be null");
        }
    }

    /**
     * A queued line of a delivery whose origin is not yet known.
     *
     * @param messageId the delivery's message ID
     * @param time when the queued line was written
     */
    public record QueuedMail(long messageId, Instant time) {
        public QueuedMail {
            Objects.requireNonNull(time, "time can't be null");
        }
    }

    /**
     * What a line did to the ledger.
     *
     * @param ledger the ledger afterwards
     * @param matched the receipt or queued mail the line matched, or null
     * @param <T> the kind of the matched entry
     */
    public record Match<T>(ReceiptLedger ledger, T matched) {}

    /**
     * What passing time did to the ledger.
     *
     * @param ledger the ledger afterwards
     * @param unmatched receipts whose window closed without a queued line: local mail
     */
    public record Expiry(ReceiptLedger ledger, List<Receipt> unmatched) {}

    public static ReceiptLedger empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return receipts.isEmpty() && queued.isEmpty();
    }

    /**
     * Takes the oldest waiting queued line that {@code receipt} matches, else keeps the receipt.
     */
    public Match<QueuedMail> receive(Receipt receipt, OriginWindow window) {
        int i = indexOf(queued, q -> window.matches(receipt.time(), q.time()));
        if (i >= 0) {
            return new Match<>(new ReceiptLedger(receipts, without(queued, i)), queued.get(i));
        }
        return new Match<>(new ReceiptLedger(with(receipts, receipt), queued), null);
    }

    /** Takes the oldest waiting receipt that {@code mail} matches, else keeps the queued line. */
    public Match<Receipt> queue(QueuedMail mail, OriginWindow window) {
        int i = indexOf(receipts, r -> window.matches(r.time(), mail.time()));
        if (i >= 0) {
            return new Match<>(new ReceiptLedger(without(receipts, i), queued), receipts.get(i));
        }
        return new Match<>(new ReceiptLedger(receipts, with(queued, mail)), null);
    }

    /** Drops every entry whose window has closed by {@code now}. */
    public Expiry expire(Instant now, OriginWindow window) {
        List<Receipt> open = new ArrayList<>();
        List<Receipt> closed = new ArrayList<>();
        for (Receipt r : receipts) {
            (now.isBefore(window.receiptClosesAt(r.time())) ? open : closed).add(r);
        }
        List<QueuedMail> waiting =
                queued.stream().filter(q -> now.isBefore(window.queuedClosesAt(q.time()))).toList();
        return new Expiry(new ReceiptLedger(open, waiting), closed);
    }

    /** When the next entry's window closes, or null when the ledger is empty. */
    public Instant nextClose(OriginWindow window) {
        Instant next = null;
        for (Receipt r : receipts) {
            next = earlier(next, window.receiptClosesAt(r.time()));
        }
        for (QueuedMail q : queued) {
            next = earlier(next, window.queuedClosesAt(q.time()));
        }
        return next;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }

    private static <T> int indexOf(List<T> list, Predicate<T> test) {
        for (int i = 0; i < list.size(); i++) {
            if (test.test(list.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static <T> List<T> with(List<T> list, T item) {
        List<T> next = new ArrayList<>(list.size() + 1);
        next.addAll(list);
        next.add(item);
        return next;
    }

    private static <T> List<T> without(List<T> list, int index) {
        List<T> next = new ArrayList<>(list);
        next.remove(index);
        return next;
    }
}
