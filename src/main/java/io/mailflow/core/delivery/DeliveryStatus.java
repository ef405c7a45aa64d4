package io.mailflow.core.delivery;

/**
 * Where one delivery stands, judged from the log lines seen so far. Final statuses change only on
 * evidence stamped later than the line that made them final.
 */
public enum DeliveryStatus {
    /** An {@code Outgoing message queued} line started the delivery and nothing else came yet. */
    QUEUED(false),
    /** The latest attempt failed with a transient error; Web Crossing will try again. */
    DEFERRED(false),
    /** A {@code Sent email} line: the destination server accepted the message. */
    DELIVERED(true),
    /** An error line the classifier judged permanent: the destination refused the message. */
    BOUNCED(true),
    /**
     * An error line of category {@code DELIVERY_EXPIRED} ({@code Could not deliver mail within NN
     * hour(s)}): Web Crossing gave up after its hold window and returned the mail to the sender.
     */
    EXPIRED(true),
    /**
     * No final line arrived within the stall period after the delivery started. Not final: a later
     * line may still complete the delivery.
     */
    STALLED(false);

    private final boolean isFinal;

    DeliveryStatus(boolean isFinal) {
        this.isFinal = isFinal;
    }

    /** Whether the delivery is over: delivered, bounced or expired. */
    public boolean isFinal() {
        return isFinal;
    }

    /** Whether the mail did not reach its recipient, or is not expected to any more. */
    public boolean isFailure() {
        return this == BOUNCED || this == EXPIRED || this == STALLED;
    }
}
