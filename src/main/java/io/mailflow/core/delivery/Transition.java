package io.mailflow.core.delivery;

import java.util.Objects;

/**
 * What one log event did to a delivery.
 *
 * @param previous the delivery before the event, or null when there was none
 * @param delivery the delivery after the event; {@code previous} itself when ignored
 * @param change the kind of change
 */
public record Transition(Delivery previous, Delivery delivery, Change change) {

    /** The kinds of change an event can make. */
    public enum Change {
        /** The event belongs to no current delivery, or repeats a line already applied. */
        IGNORED,
        /** The state changed but not the status: an attempt, a late queued line, a late sent. */
        UPDATED,
        /** The status changed. */
        STATUS_CHANGED,
        /** The event started a delivery, replacing a previous one under the same key if any. */
        STARTED
    }

    public Transition {
        Objects.requireNonNull(change, "change can't be null");
        if (change != Change.IGNORED) {
            Objects.requireNonNull(delivery, "delivery can't be null unless ignored");
        }
    }

    static Transition ignored(Delivery current) {
        return new Transition(current, current, Change.IGNORED);
    }

    /** Whether the state must be stored again. */
    public boolean stateChanged() {
        return change != Change.IGNORED;
    }

    /** Whether the status is new: a delivery started or moved to another status. */
    public boolean statusChanged() {
        return change == Change.STATUS_CHANGED || change == Change.STARTED;
    }

    /** Whether this event replaced an earlier delivery that had the same key. */
    public boolean replacedPrevious() {
        return change == Change.STARTED && previous != null;
    }

    /** Whether this event was the delivery's queued line: where its origin gets decided. */
    public boolean queuedLineApplied() {
        return delivery != null
                && delivery.queuedAt() != null
                && (change == Change.STARTED || (previous != null && previous.queuedAt() == null));
    }
}
