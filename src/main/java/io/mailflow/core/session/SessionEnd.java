package io.mailflow.core.session;

/** How a mailbox session was seen to end. */
public enum SessionEnd {
    /** A {@code pop3 disconnect A} or {@code imap disconnect A} line closed it. */
    DISCONNECT,
    /** No disconnect line came within the session timeout; the session is closed unseen. */
    TIMEOUT
}
