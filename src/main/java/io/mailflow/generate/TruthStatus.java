package io.mailflow.generate;

/**
 * The status of one delivery (host, message ID, recipient) as its lines in the generated log
 * establish it, judged by the times the lines carry rather than the order they are written in.
 */
public enum TruthStatus {
    /** A {@code Sent email} line was written. */
    DELIVERED,
    /** An error line with a permanent error was written, and nothing after it. */
    BOUNCED,
    /** The {@code Could not deliver mail within H hour(s)} line was written. */
    EXPIRED,
    /**
     * No final line, and the host's last line is at or after queued time + hold window + 1 hour:
     * Web Crossing should have given up by then, so the delivery is lost.
     */
    STALLED,
    /** No final line yet, not stalled, and at least one error line was written. */
    DEFERRED,
    /** No final line yet, not stalled, and no error line was written. */
    QUEUED;

    /** Whether the log holds the line that ends this delivery. */
    public boolean isFinal() {
        return this == DELIVERED || this == BOUNCED || this == EXPIRED;
    }
}
