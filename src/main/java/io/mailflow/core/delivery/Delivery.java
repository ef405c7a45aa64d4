package io.mailflow.core.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * The state of one delivery: one message of one host to one recipient. Immutable; {@link
 * DeliveryStateMachine} makes the next state from a log event.
 *
 * <p>A delivery whose {@code Outgoing message queued} line was never seen (the pipeline started in
 * the middle of a log, or the line was lost) has no {@link #queuedAt()}; its {@link #firstSeenAt()}
 * is the earliest line that named it, and it is {@link Origin#INTERNAL} unless its queued line
 * turns up later.
 *
 * @param key the host, message ID and recipient
 * @param sender the envelope sender
 * @param origin where the mail came from
 * @param clientIp the address of the outside client that handed the mail over, for {@link
 *     Origin#SMTP_IN}; else null
 * @param queuedAt when the queued line was written, or null when it was not seen
 * @param firstSeenAt the earliest line time of this delivery
 * @param failures the failed attempts: error lines other than Web Crossing giving up
 * @param lastError the latest-stamped error line, giving up included, or null when none
 * @param sentAt when the {@code Sent email} line was written, or null
 * @param status where the delivery stands
 * @param completedAt the time of the line that made the status final; null unless final
 * @param updatedAt the latest line time applied, or the time the delivery stalled
 */
public record Delivery(
        DeliveryKey key,
        String sender,
        Origin origin,
        String clientIp,
        Instant queuedAt,
        Instant firstSeenAt,
        AttemptLog failures,
        Attempt lastError,
        Instant sentAt,
        DeliveryStatus status,
        Instant completedAt,
        Instant updatedAt) {

    public Delivery {
        Objects.requireNonNull(key, "key can't be null");
        Objects.requireNonNull(origin, "origin can't be null");
        Objects.requireNonNull(firstSeenAt, "firstSeenAt can't be null");
        Objects.requireNonNull(failures, "failures can't be null");
        Objects.requireNonNull(status, "status can't be null");
        Objects.requireNonNull(updatedAt, "updatedAt can't be null");
        if (status.isFinal() != (completedAt != null)) {
            throw new IllegalArgumentException(
                    "completedAt must be set exactly when the status is final, status "
                            + status
                            + ", completedAt "
                            + completedAt);
        }
    }

    public String host() {
        return key.host();
    }

    public long messageId() {
        return key.messageId();
    }

    public String recipient() {
        return key.recipient();
    }

    /** The recipient's domain in lower case, or null when the address has none. */
    public String recipientDomain() {
        return domainOf(key.recipient());
    }

    /** The sender's domain in lower case, or null when the address has none. */
    public String senderDomain() {
        return domainOf(sender);
    }

    /** Tries made, the successful one included: failed attempts, plus one once sent. */
    public int attempts() {
        return failures.total() + (sentAt == null ? 0 : 1);
    }

    /** When the delivery started: its queued line, else the earliest line seen. */
    public Instant startedAt() {
        return queuedAt == null ? firstSeenAt : queuedAt;
    }

    /** When the delivery stalls if nothing final arrives. */
    public Instant stallsAt(Duration stallAfter) {
        return startedAt().plus(stallAfter);
    }

    /** The time from the queued line to the final one, or null when either is unknown. */
    public Duration deliveryTime() {
        return queuedAt == null || completedAt == null
                ? null
                : Duration.between(queuedAt, completedAt);
    }

    /** The time retention counts from: completion when final, else the latest change. */
    public Instant settledAt() {
        return completedAt == null ? updatedAt : completedAt;
    }

    /** The lower-case domain of a mail address: what follows its last {@code @}, or null. */
    public static String domainOf(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        return at < 0 || at == address.length() - 1
                ? null
                : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** This delivery, relayed for the outside client at {@code clientIp}. */
    public Delivery receivedFrom(String clientIp) {
        return new Delivery(
                key,
                sender,
                Origin.SMTP_IN,
                clientIp,
                queuedAt,
                firstSeenAt,
                failures,
                lastError,
                sentAt,
                status,
                completedAt,
                updatedAt);
    }
}
