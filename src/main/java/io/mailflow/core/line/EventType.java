package io.mailflow.core.line;

/** The kinds of event a Web Crossing log line can describe. */
public enum EventType {
    /** {@code smtp-in OK (Received mail from: S to: R client-IP:A)}: mail accepted over SMTP. */
    RECEIVED,
    /** {@code smtp-out OK ID=N Send email. Outgoing message queued To: R From: S}. */
    QUEUED,
    /** {@code smtp-out OK ID=N Send email. Sent email To: R From: S}. */
    SENT,
    /** {@code smtp-out error ID=N Send email. <error text> To: R From: S}. */
    DELIVERY_ERROR,
    /** {@code pop3 connect A} or {@code imap connect A}. */
    SESSION_CONNECT,
    /** {@code pop3 OK LOGIN by U from A} or the same for imap. */
    SESSION_LOGIN,
    /** {@code pop3 disconnect A} or {@code imap disconnect A}. */
    SESSION_DISCONNECT,
    /** A well-formed line (date, time, service, status) of a kind mailflow does not model. */
    OTHER;

    /** Whether events of this kind belong to an outgoing delivery and carry a message ID. */
    public boolean isDelivery() {
        return this == QUEUED || this == SENT || this == DELIVERY_ERROR;
    }

    /** Whether events of this kind belong to a pop3 or imap session. */
    public boolean isSession() {
        return this == SESSION_CONNECT || this == SESSION_LOGIN || this == SESSION_DISCONNECT;
    }
}
