package io.mailflow.core.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How close an {@code smtp-in} line must be to a queued line for the delivery to count as relayed
 * mail ({@link Origin#SMTP_IN}). Web Crossing queues relayed mail right after receiving it, so the
 * received line usually comes first; it may be stamped a little after the queued line too, because
 * the smtp-in thread logs when it closes the transaction.
 *
 * @param before how long before the queued line the received line may be stamped
 * @param after how long after the queued line the received line may be stamped
 */
public record OriginWindow(Duration before, Duration after) {

    /** Five minutes before, ten seconds after. */
    public static final OriginWindow DEFAULT =
            new OriginWindow(Duration.ofMinutes(5), Duration.ofSeconds(10));

    public OriginWindow {
        Objects.requireNonNull(before, "before can't be null");
        Objects.requireNonNull(after, "after can't be null");
        if (before.isNegative() || after.isNegative()) {
            throw new IllegalArgumentException(
                    "origin window bounds must not be negative, got before "
                            + before
                            + " and after "
                            + after);
        }
    }

    /** Whether mail received at {@code received} can be the mail queued at {@code queued}. */
    public boolean matches(Instant received, Instant queued) {
        return !received.isBefore(queued.minus(before)) && !received.isAfter(queued.plus(after));
    }

    /**
     * The first moment a received line can no longer be matched: one millisecond after the last
     * queued time it matches.
     */
    public Instant receiptClosesAt(Instant received) {
        return received.plus(before).plusMillis(1);
    }

    /**
     * The first moment a queued line can no longer be matched by a received line: one millisecond
     * after the last received time it matches.
     */
    public Instant queuedClosesAt(Instant queued) {
        return queued.plus(after).plusMillis(1);
    }
}
