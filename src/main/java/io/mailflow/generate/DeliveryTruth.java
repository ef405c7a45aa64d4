package io.mailflow.generate;

import io.mailflow.core.classify.ErrorCategory;
import java.time.Instant;

/**
 * The known outcome of one delivery: one recipient of one message on one host. Judged from the
 * lines actually written to the host's log, by the times they carry.
 *
 * @param host the host whose log holds the delivery
 * @param messageId the smtp-out {@code ID=N}; the same ID may return later for another message
 * @param recipient the {@code To:} address
 * @param sender the {@code From:} address
 * @param origin whether an smtp-in line brought the message in
 * @param clientIp the smtp-in client address, or null for {@link Origin#INTERNAL}
 * @param queuedAt the time of the {@code Outgoing message queued} line
 * @param status what the log establishes about the delivery
 * @param errorCategory the category of the latest error line, the expiry line included, or null
 *     when there is no error line
 * @param attempts the error lines other than the expiry line, plus one if a {@code Sent email} line
 *     was written
 * @param completedAt the time of the sent, permanent error or expiry line; null while open
 */
public record DeliveryTruth(
        String host,
        long messageId,
        String recipient,
        String sender,
        Origin origin,
        String clientIp,
        Instant queuedAt,
        TruthStatus status,
        ErrorCategory errorCategory,
        int attempts,
        Instant completedAt) {}
