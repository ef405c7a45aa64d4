package io.mailflow.topology;

import io.mailflow.core.classify.ErrorCategory;
import io.mailflow.core.delivery.Attempt;
import io.mailflow.core.delivery.Delivery;
import io.mailflow.core.delivery.DeliveryStatus;
import io.mailflow.core.delivery.Origin;
import java.time.Duration;
import java.time.Instant;

/**
 * The state of one delivery after its status changed, on {@code webx.delivery.outcomes}. All fields
 * are always present; those that do not apply are null.
 *
 * @param schemaVersion the version of this record's shape
 * @param host the server that logged the delivery
 * @param messageId the smtp-out {@code ID=N}
 * @param recipient the envelope recipient, as written
 * @param recipientDomain the recipient's domain, lower case
 * @param sender the envelope sender, as written
 * @param senderDomain the sender's domain, lower case
 * @param origin {@code SMTP_IN} for mail relayed for an outside client, else {@code INTERNAL}
 * @param clientIp the outside client's address, for {@code SMTP_IN}
 * @param status the delivery's status
 * @param errorCategory the category of the latest error line, or null when there was none
 * @param permanent whether the latest error line was permanent; false when there was none
 * @param enhancedStatus the RFC 3463 code of the latest error line, or null
 * @param lastError the text of the latest error line, or null
 * @param attempts tries made, the successful one included
 * @param queuedAt when the delivery was queued, or null when its queued line was not seen
 * @param completedAt when the status became final, or null while not final
 * @param deliverySeconds seconds from queued to final, or null when either is unknown
 * @param updatedAt the time of the line (or the stall) that produced this record
 */
public record OutcomeRecord(
        int schemaVersion,
        String host,
        long messageId,
        String recipient,
        String recipientDomain,
        String sender,
        String senderDomain,
        Origin origin,
        String clientIp,
        DeliveryStatus status,
        ErrorCategory errorCategory,
        boolean permanent,
        String enhancedStatus,
        String lastError,
        int attempts,
        Instant queuedAt,
        Instant completedAt,
        Long deliverySeconds,
        Instant updatedAt)
        implements MailOutput {

    public static final int SCHEMA_VERSION = 1;

    public static OutcomeRecord of(Delivery d) {
        Attempt last = d.lastError();
        Duration took = d.deliveryTime();
        return new OutcomeRecord(
                SCHEMA_VERSION,
                d.host(),
                d.messageId(),
                d.recipient(),
                d.recipientDomain(),
                d.sender(),
                d.senderDomain(),
                d.origin(),
                d.clientIp(),
                d.status(),
                last == null ? null : last.category(),
                last != null && last.permanent(),
                last == null ? null : last.enhancedStatus(),
                last == null ? null : last.errorText(),
                d.attempts(),
                d.queuedAt(),
                d.completedAt(),
                took == null ? null : took.toSeconds(),
                d.updatedAt());
    }
}
