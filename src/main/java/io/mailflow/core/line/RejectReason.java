package io.mailflow.core.line;

/**
 * Why a log line could not be read. The set is small on purpose: it labels the rejects metric,
 * while the reject's message says exactly what was wrong and where.
 */
public enum RejectReason {
    /** The line does not start with a {@code DD-Mon-YY} date. */
    BAD_DATE,
    /** The date is not followed by a {@code HH:MM:SS} time. */
    BAD_TIME,
    /** No service or status word follows the time. */
    MISSING_SERVICE,
    /**
     * An smtp-in line that starts {@code (Received mail} but lacks its {@code from:}, {@code to:},
     * {@code client-IP:} or closing parenthesis. Other smtp-in lines are {@code OTHER} events.
     */
    BAD_SMTP_IN,
    /** An smtp-out line lacks a readable {@code ID=N}, action, {@code To:} or {@code From:}. */
    BAD_SMTP_OUT,
    /** A pop3 or imap line lacks its address or login name. */
    BAD_SESSION
}
