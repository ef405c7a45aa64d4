package io.mailflow.generate;

import io.mailflow.core.classify.ErrorCategory;
import io.mailflow.core.line.EventType;

/**
 * One line of a delivery after its queued line.
 *
 * @param at the time stamped on the line
 * @param kind what the line says
 * @param category the error's category; null for a sent line
 * @param text the error text; null for a sent line
 */
record Step(long at, Kind kind, ErrorCategory category, String text) {

    /** What a delivery line after the queued one says. */
    enum Kind {
        /** An error that Web Crossing retries after. */
        TRANSIENT_ERROR,
        /** An error that ends the delivery: a bounce. */
        PERMANENT_ERROR,
        /** {@code Could not deliver mail within H hour(s)}, written when the hold window ends. */
        EXPIRY,
        /** {@code Sent email}. */
        SENT;

        EventType eventType() {
            return this == SENT ? EventType.SENT : EventType.DELIVERY_ERROR;
        }

        boolean endsDelivery() {
            return this != TRANSIENT_ERROR;
        }
    }

    static Step sent(long at) {
        return new Step(at, Kind.SENT, null, null);
    }
}
