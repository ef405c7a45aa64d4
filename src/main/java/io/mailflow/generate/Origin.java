package io.mailflow.generate;

/** Where an outgoing message came from, as the log shows it. */
public enum Origin {
    /**
     * An {@code smtp-in} line with the same sender and recipient precedes the queued line by 0-5
     * seconds on the same host; its client address is the message's client address.
     */
    SMTP_IN,
    /** No such {@code smtp-in} line: a macro, a subscription notice or WebMail wrote the mail. */
    INTERNAL
}
