package io.mailflow.generate;

import io.mailflow.core.line.RejectReason;

/**
 * The kinds of damaged line the generator adds as noise. Every damaged line is an extra line: no
 * real line is replaced, so the ground truth of deliveries does not depend on them. Each kind is
 * damaged badly enough that a sane parser must reject it, for the reason given.
 */
public enum Damage {
    /** The date is not {@code DD-Mon-YY}: a letter for a digit, a wrong month, slashes. */
    CORRUPTED_DATE(RejectReason.BAD_DATE),
    /**
     * The time is not {@code HH:MM:SS}: a letter for a digit, a missing field, wrong separators.
     */
    CORRUPTED_TIME(RejectReason.BAD_TIME),
    /** The line ends right after the time, before the service word. */
    TRUNCATED_BEFORE_SERVICE(RejectReason.MISSING_SERVICE),
    /** An {@code smtp-out} line whose {@code ID=} is followed by something that is not a number. */
    GARBLED_MESSAGE_ID(RejectReason.BAD_SMTP_OUT),
    /**
     * An {@code smtp-in OK (Received mail ...} line whose details are cut short or lack a part:
     * {@code from:}, {@code to:}, {@code client-IP:} or the closing parenthesis. A bare {@code
     * smtp-in OK} is not made: a parser may fairly read it as a line of another kind.
     */
    BROKEN_SMTP_IN_DETAILS(RejectReason.BAD_SMTP_IN),
    /** Random bytes, invalid UTF-8 among them, starting with a byte that no date starts with. */
    RANDOM_BYTES(RejectReason.BAD_DATE);

    private final RejectReason expectedReason;

    Damage(RejectReason expectedReason) {
        this.expectedReason = expectedReason;
    }

    /** The reason a parser is expected to give when it rejects a line damaged this way. */
    public RejectReason expectedReason() {
        return expectedReason;
    }
}
