package io.mailflow.core.delivery;

/** Where the mail of a delivery came from. */
public enum Origin {
    /**
     * An {@code smtp-in ... Received mail} line with the same sender and recipient on the same host
     * came shortly before the delivery's {@code Outgoing message queued} line (see {@link
     * OriginWindow}): mail relayed for an outside client.
     */
    SMTP_IN,
    /**
     * No such line: mail made inside Web Crossing (a macro, a subscription notice, WebMail), or a
     * delivery whose queued line was never seen.
     */
    INTERNAL
}
