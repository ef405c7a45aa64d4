package io.mailflow.topology;

import io.mailflow.core.classify.Classification;
import io.mailflow.core.classify.ErrorCategory;
import io.mailflow.core.delivery.Delivery;
import io.mailflow.core.line.LogEvent;
import java.time.Instant;

/**
 * One {@code smtp-out error} line and its classification, on {@code webx.delivery.errors}, keyed by
 * category.
 *
 * @param schemaVersion the version of this record's shape
 * @param host the server that logged the error
 * @param messageId the smtp-out {@code ID=N}
 * @param recipient the envelope recipient, as written
 * @param recipientDomain the recipient's domain, lower case
 * @param sender the envelope sender, as written
 * @param category what went wrong
 * @param permanent whether retrying cannot help
 * @param enhancedStatus the RFC 3463 code for the error, or null
 * @param replyCode the SMTP reply code in the text, or null
 * @param errorText the error text of the line
 * @param time when the line was written
 * @param rule the id of the classifier rule that decided the category
 */
public record ErrorRecord(
        int schemaVersion,
        String host,
        long messageId,
        String recipient,
        String recipientDomain,
        String sender,
        ErrorCategory category,
        boolean permanent,
        String enhancedStatus,
        Integer replyCode,
        String errorText,
        Instant time,
        String rule)
        implements MailOutput {

    public static final int SCHEMA_VERSION = 1;

    static ErrorRecord of(LogEvent e, Classification c) {
        return new ErrorRecord(
                SCHEMA_VERSION,
                e.host(),
                e.messageId(),
                e.recipient(),
                Delivery.domainOf(e.recipient()),
                e.sender(),
                c.category(),
                c.permanent(),
                c.enhancedStatus(),
                c.replyCode(),
                e.errorText(),
                e.time(),
                c.rule());
    }
}
