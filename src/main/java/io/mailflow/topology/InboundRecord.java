package io.mailflow.topology;

import io.mailflow.core.delivery.Delivery;
import java.time.Instant;

/**
 * Mail received over SMTP that no outgoing delivery followed: mail for a local mailbox, on {@code
 * webx.mail.inbound}, keyed by host.
 *
 * @param schemaVersion the version of this record's shape
 * @param host the server that received the mail
 * @param sender the envelope sender, as written
 * @param senderDomain the sender's domain, lower case
 * @param recipient the envelope recipient, as written
 * @param recipientDomain the recipient's domain, lower case
 * @param clientIp the address of the client that handed the mail over
 * @param receivedAt when the received line was written
 */
public record InboundRecord(
        int schemaVersion,
        String host,
        String sender,
        String senderDomain,
        String recipient,
        String recipientDomain,
        String clientIp,
        Instant receivedAt)
        implements MailOutput {

    public static final int SCHEMA_VERSION = 1;

    static InboundRecord of(
            String host, String sender, String recipient, String clientIp, Instant at) {
        return new InboundRecord(
                SCHEMA_VERSION,
                host,
                sender,
                Delivery.domainOf(sender),
                recipient,
                Delivery.domainOf(recipient),
                clientIp,
                at);
    }
}
