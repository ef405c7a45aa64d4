package io.mailflow.core.delivery;

import io.mailflow.core.classify.Classification;
import io.mailflow.core.line.EventType;
import io.mailflow.core.line.LogEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The rules that move a delivery from one status to the next, as pure functions.
 *
 * <p>Lines reach mailflow slightly out of order: Web Crossing stamps a line when it starts writing
 * it, and threads finish in any order, so an error stamped before the {@code Sent email} line may
 * be read after it. The rules therefore go by the time on the line, not the order of reading:
 *
 * <ul>
 *   <li>A final status changes only on a line stamped later than the one that made it final; an
 *       earlier line is still recorded (it counts as an attempt) but leaves the status alone.
 *   <li>A line stamped before the delivery's queued line belongs to an earlier delivery with the
 *       same key (message IDs restart with the server) and is ignored.
 *   <li>A queued line stamped after the current delivery started begins a new delivery. A queued
 *       line stamped no later than the first line of a delivery that lacks one is that delivery's
 *       own, read late.
 *   <li>A line repeated exactly (same kind, time and text) is ignored, so a shipper that sends a
 *       line twice does not add an attempt.
 * </ul>
 *
 * <p>Errors and sent lines for an unknown key (the queued line was never seen, for example because
 * the pipeline started in the middle of a log) create the delivery without {@code queuedAt}.
 */
public final class DeliveryStateMachine {

    private DeliveryStateMachine() {}

    /**
     * The delivery after {@code event}.
     *
     * @param current the delivery with the event's key, or null when there is none
     * @param event a {@link EventType#isDelivery() delivery} event
     * @param classification the verdict on the event's error text; required for errors only
     * @throws IllegalArgumentException when the event is no delivery event, names another key, or
     *     is an error without a classification
     */
    public static Transition apply(
            Delivery current, LogEvent event, Classification classification) {
        Objects.requireNonNull(event, "event can't be null");
        DeliveryKey key = keyOf(event);
        if (current != null && !current.key().equals(key)) {
            throw new IllegalArgumentException(
                    "event of delivery " + key + " applied to delivery " + current.key());
        }
        return switch (event.type()) {
            case QUEUED -> onQueued(current, event, key);
            case SENT -> onSent(current, event, key);
            case DELIVERY_ERROR -> onError(current, event, key, attemptOf(event, classification));
            default ->
                    throw new IllegalArgumentException(
                            "event type " + event.type() + " is not a delivery event");
        };
    }

    /**
     * The delivery marked {@link DeliveryStatus#STALLED} when it is neither final nor stalled and
     * {@code now} has reached {@code stallAfter} after its start; else ignored.
     */
    public static Transition stall(Delivery current, Instant now, Duration stallAfter) {
        Instant due = current.stallsAt(stallAfter);
        boolean waiting = !current.status().isFinal() && current.status() != DeliveryStatus.STALLED;
        if (!waiting || now.isBefore(due)) {
            return Transition.ignored(current);
        }
        Draft d = new Draft(current);
        d.status = DeliveryStatus.STALLED;
        d.updatedAt = later(current.updatedAt(), due);
        return d.changed(current, Transition.Change.STATUS_CHANGED);
    }

    /** The key of a delivery event. */
    public static DeliveryKey keyOf(LogEvent event) {
        if (!event.type().isDelivery()) {
            throw new IllegalArgumentException(
                    "event type " + event.type() + " is not a delivery event");
        }
        return new DeliveryKey(event.host(), event.messageId(), event.recipient());
    }

    private static Transition onQueued(Delivery current, LogEvent event, DeliveryKey key) {
        Instant t = event.time();
        if (current == null || t.isAfter(current.startedAt())) {
            return started(current, key, event, DeliveryStatus.QUEUED);
        }
        if (current.queuedAt() != null) {
            return Transition.ignored(current);
        }
        Draft d = new Draft(current);
        d.queuedAt = t;
        d.firstSeenAt = t;
        d.sender = current.sender() == null ? event.sender() : current.sender();
        return d.changed(current, Transition.Change.UPDATED);
    }

    private static Transition onSent(Delivery current, LogEvent event, DeliveryKey key) {
        Instant t = event.time();
        if (current == null) {
            Draft d = new Draft(key, event, DeliveryStatus.DELIVERED);
            d.sentAt = t;
            d.completedAt = t;
            return d.changed(null, Transition.Change.STARTED);
        }
        if (isBeforeStart(current, t) || t.equals(current.sentAt())) {
            return Transition.ignored(current);
        }
        Draft d = new Draft(current).seen(t);
        if (d.sentAt == null || t.isBefore(d.sentAt)) {
            d.sentAt = t;
        }
        if (decidesStatus(current, t) && current.status() != DeliveryStatus.DELIVERED) {
            d.status = DeliveryStatus.DELIVERED;
            d.completedAt = t;
            return d.changed(current, Transition.Change.STATUS_CHANGED);
        }
        return d.changed(current, Transition.Change.UPDATED);
    }

    private static Transition onError(
            Delivery current, LogEvent event, DeliveryKey key, Attempt attempt) {
        if (current == null) {
            Draft d = new Draft(key, event, statusAfter(attempt, DeliveryStatus.QUEUED));
            d.record(attempt);
            d.completedAt = d.status.isFinal() ? attempt.time() : null;
            return d.changed(null, Transition.Change.STARTED);
        }
        if (isBeforeStart(current, attempt.time()) || isRepeat(current, attempt)) {
            return Transition.ignored(current);
        }
        Draft d = new Draft(current).seen(attempt.time());
        d.record(attempt);
        if (!decidesStatus(current, attempt.time())) {
            return d.changed(current, Transition.Change.UPDATED);
        }
        d.status = statusAfter(attempt, current.status());
        d.completedAt = d.status.isFinal() ? attempt.time() : null;
        return d.changed(
                current,
                d.status == current.status()
                        ? Transition.Change.UPDATED
                        : Transition.Change.STATUS_CHANGED);
    }

    private static Transition started(
            Delivery previous, DeliveryKey key, LogEvent event, DeliveryStatus status) {
        Draft d = new Draft(key, event, status);
        d.queuedAt = event.time();
        return d.changed(previous, Transition.Change.STARTED);
    }

    /**
     * The status an error leads to. A transient error does not end a stall: the delivery is still
     * late, it only shows Web Crossing is still trying.
     */
    private static DeliveryStatus statusAfter(Attempt attempt, DeliveryStatus current) {
        if (attempt.isExpiry()) {
            return DeliveryStatus.EXPIRED;
        }
        if (attempt.permanent()) {
            return DeliveryStatus.BOUNCED;
        }
        return current == DeliveryStatus.STALLED ? current : DeliveryStatus.DEFERRED;
    }

    /** Whether a line at {@code t} may set the status: always, unless final by later evidence. */
    private static boolean decidesStatus(Delivery current, Instant t) {
        return !current.status().isFinal() || t.isAfter(current.completedAt());
    }

    private static boolean isBeforeStart(Delivery current, Instant t) {
        return current.queuedAt() != null && t.isBefore(current.queuedAt());
    }

    private static boolean isRepeat(Delivery current, Attempt attempt) {
        Attempt last = current.lastError();
        boolean sameAsLast =
                last != null
                        && last.time().equals(attempt.time())
                        && Objects.equals(last.errorText(), attempt.errorText());
        return sameAsLast || current.failures().contains(attempt);
    }

    private static Attempt attemptOf(LogEvent event, Classification c) {
        if (event.type() != EventType.DELIVERY_ERROR) {
            return null;
        }
        Objects.requireNonNull(c, "classification can't be null for an error event");
        return new Attempt(
                event.time(), event.errorText(), c.category(), c.permanent(), c.enhancedStatus());
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** A delivery being changed; fields mirror {@link Delivery}. */
    private static final class Draft {
        private final DeliveryKey key;
        private String sender;
        private Origin origin;
        private String clientIp;
        private Instant queuedAt;
        private Instant firstSeenAt;
        private AttemptLog failures;
        private Attempt lastError;
        private Instant sentAt;
        private DeliveryStatus status;
        private Instant completedAt;
        private Instant updatedAt;

        Draft(DeliveryKey key, LogEvent first, DeliveryStatus status) {
            this.key = key;
            this.sender = first.sender();
            this.origin = Origin.INTERNAL;
            this.firstSeenAt = first.time();
            this.failures = AttemptLog.empty();
            this.status = status;
            this.updatedAt = first.time();
        }

        Draft(Delivery d) {
            this.key = d.key();
            this.sender = d.sender();
            this.origin = d.origin();
            this.clientIp = d.clientIp();
            this.queuedAt = d.queuedAt();
            this.firstSeenAt = d.firstSeenAt();
            this.failures = d.failures();
            this.lastError = d.lastError();
            this.sentAt = d.sentAt();
            this.status = d.status();
            this.completedAt = d.completedAt();
            this.updatedAt = d.updatedAt();
        }

        Draft seen(Instant t) {
            if (t.isBefore(firstSeenAt)) {
                firstSeenAt = t;
            }
            updatedAt = later(updatedAt, t);
            return this;
        }

        void record(Attempt attempt) {
            if (!attempt.isExpiry()) {
                failures = failures.add(attempt);
            }
            if (lastError == null || !attempt.time().isBefore(lastError.time())) {
                lastError = attempt;
            }
        }

        Transition changed(Delivery previous, Transition.Change change) {
            Delivery next =
                    new Delivery(
                            key,
                            sender,
                            origin,
                            clientIp,
                            queuedAt,
                            firstSeenAt,
                            failures,
                            lastError,
                            sentAt,
                            status,
                            completedAt,
                            updatedAt);
            return new Transition(previous, next, change);
        }
    }
}
