package io.mailflow.core.line;

/**
 * Reads {@code smtp-out OK|error ID=N Send email. <action or error text> To: R From: S}.
 *
 * <p>An error text may itself hold {@code to}, {@code from}, angle brackets, parentheses and even
 * {@code To:}, so the envelope is read from the right end of the line: the last colon ends {@code
 * From}, the one before it ends {@code To}, since addresses hold no colon.
 *
 * <p>Which lines are what: without {@code ID=}, with another status than {@code OK} or {@code
 * error}, without {@code Send email.}, or with an {@code OK} action other than {@code Sent email}
 * and {@code Outgoing message queued}, the line is OTHER. An {@code ID=} that is not a number, or a
 * known action without its envelope, is a BAD_SMTP_OUT reject.
 */
final class SmtpOutLine {
    private static final RejectReason BAD = RejectReason.BAD_SMTP_OUT;
    private static final String PART = "smtp-out";
    private static final String SENT = "Sent email";
    private static final String QUEUED = "Outgoing message queued";
    private static final int MAX_ID_DIGITS = 18;

    private SmtpOutLine() {}

    /** The QUEUED, SENT or DELIVERY_ERROR event of the line, or null for an OTHER line. */
    static LogEvent read(LineCursor c, LineHead head) {
        boolean ok = head.statusIs(c, "OK");
        if (!ok && !head.statusIs(c, "error") || !c.skipPhrase("ID=")) {
            return null;
        }
        long id = messageId(c);
        c.skipBlanks();
        if (!c.skipPhrase("Send email.")) {
            return null;
        }
        c.skipBlanks();
        return ok ? okLine(c, head, id) : errorLine(c, head, id);
    }

    private static LogEvent okLine(LineCursor c, LineHead head, long id) {
        int actionStart = c.pos();
        Envelope envelope = Envelope.find(c, actionStart);
        if (envelope == null) {
            if (c.regionStartsWithPhrase(actionStart, c.end(), SENT)
                    || c.regionStartsWithPhrase(actionStart, c.end(), QUEUED)) {
                throw missingEnvelope(c, actionStart);
            }
            return null;
        }
        int actionEnd = envelope.start();
        if (isAction(c, actionStart, actionEnd, SENT)) {
            return LogEvent.sent(head.host(), head.time(), id, envelope.sender(), envelope.to());
        }
        if (isAction(c, actionStart, actionEnd, QUEUED)) {
            return LogEvent.queued(head.host(), head.time(), id, envelope.sender(), envelope.to());
        }
        return null;
    }

    private static LogEvent errorLine(LineCursor c, LineHead head, long id) {
        int textStart = c.pos();
        Envelope envelope = Envelope.find(c, textStart);
        if (envelope == null) {
            throw missingEnvelope(c, textStart);
        }
        String errorText = c.trimmed(textStart, envelope.start());
        return LogEvent.deliveryError(
                head.host(), head.time(), id, envelope.sender(), envelope.to(), errorText);
    }

    /** Whether {@code [from, to)}, without trailing blanks, is the action {@code phrase}. */
    private static boolean isAction(LineCursor c, int from, int to, String phrase) {
        return c.regionIsPhrase(from, c.afterLastNonBlank(from, to), phrase);
    }

    private static long messageId(LineCursor c) {
        int start = c.pos();
        int stop = c.wordEnd();
        if (stop == start || stop - start > MAX_ID_DIGITS) {
            throw badId(c, start);
        }
        long id = 0;
        for (int i = start; i < stop; i++) {
            char ch = c.charAt(i);
            if (ch < '0' || ch > '9') {
                throw badId(c, start);
            }
            id = id * 10 + (ch - '0');
        }
        c.moveTo(stop);
        return id;
    }

    private static LineRejected badId(LineCursor c, int at) {
        return c.reject(BAD, "ID", "a number of at most " + MAX_ID_DIGITS + " digits", at);
    }

    private static LineRejected missingEnvelope(LineCursor c, int at) {
        return c.rejectQuietly(BAD, PART, "'To: RECIPIENT From: SENDER' at the end", at);
    }

    /**
     * The {@code To: R From: S} that ends a line.
     *
     * @param start the index of {@code To:}
     * @param to the recipient
     * @param sender the sender, "" when none is written
     */
    private record Envelope(int start, String to, String sender) {

        /** The envelope after {@code from}, or null if the line does not end with one. */
        static Envelope find(LineCursor c, int from) {
            int fromColon = c.lastIndexOf(':', from, c.end());
            if (fromColon < 0 || !c.endsWithAt(fromColon, "From", from)) {
                return null;
            }
            int fromStart = fromColon - "From".length();
            int toColon = c.lastIndexOf(':', from, fromStart);
            if (toColon < 0 || !c.endsWithAt(toColon, "To", from)) {
                return null;
            }
            String recipient = c.address(toColon + 1, fromStart);
            if (recipient.isEmpty()) {
                throw c.rejectQuietly(BAD, PART, "a recipient address after 'To:'", toColon + 1);
            }
            String sender = c.address(fromColon + 1, c.end());
            return new Envelope(toColon - "To".length(), recipient, sender);
        }
    }
}
