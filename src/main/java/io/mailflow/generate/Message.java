package io.mailflow.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * One outgoing message on one host: an ID, a sender and one delivery per recipient. All its
 * recipients are queued in the same second.
 */
final class Message {
    final long id;
    final String sender;
    final Origin origin;
    final String clientIp;
    final long queuedAt;
    final long receivedAt;
    final List<Delivery> deliveries = new ArrayList<>(1);

    /**
     * @param receivedAt the time of the smtp-in lines for {@link Origin#SMTP_IN}, else ignored
     */
    Message(
            long id,
            String sender,
            Origin origin,
            String clientIp,
            long queuedAt,
            long receivedAt) {
        this.id = id;
        this.sender = sender;
        this.origin = origin;
        this.clientIp = clientIp;
        this.queuedAt = queuedAt;
        this.receivedAt = receivedAt;
    }

    /** When the last of its deliveries ends, or {@code Long.MAX_VALUE} if one never does. */
    long finishedAt() {
        long finished = Long.MIN_VALUE;
        for (Delivery delivery : deliveries) {
            finished = Math.max(finished, delivery.finishedAt());
        }
        return finished;
    }

    /** Adds the smtp-in lines of all recipients first, then the lines of each delivery. */
    void addLines(LineBuffer lines) {
        if (origin == Origin.SMTP_IN) {
            for (Delivery delivery : deliveries) {
                lines.add(receivedAt, delivery, Delivery.RECEIVED_PART);
            }
        }
        for (Delivery delivery : deliveries) {
            lines.add(queuedAt, delivery, Delivery.QUEUED_PART);
        }
        for (Delivery delivery : deliveries) {
            delivery.addStepLines(lines);
        }
    }
}
