package io.mailflow.core.line;

/** The mailbox access protocols whose sessions Web Crossing logs. */
public enum Protocol {
    POP3("pop3"),
    IMAP("imap");

    private final String service;

    Protocol(String service) {
        this.service = service;
    }

    /** The service word that starts this protocol's log lines, e.g. {@code pop3}. */
    public String service() {
        return service;
    }
}
