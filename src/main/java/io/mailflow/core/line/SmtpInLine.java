package io.mailflow.core.line;

/**
 * Reads {@code smtp-in OK (Received mail from: S to: R client-IP:A)}. Web Crossing sometimes writes
 * no space before {@code to:} ({@code from: a@b.comto: c@d}), so the words are found by their
 * colons: addresses hold none.
 */
final class SmtpInLine {
    private static final RejectReason BAD = RejectReason.BAD_SMTP_IN;
    private static final String PART = "smtp-in";

    private SmtpInLine() {}

    /** The RECEIVED event of the line, or null if the line has another shape (an OTHER line). */
    static LogEvent read(LineCursor c, LineHead head) {
        if (!head.statusIs(c, "OK") || !c.skipPhrase("(Received mail")) {
            return null;
        }
        if (!c.skipPhrase(" from:")) {
            throw c.rejectQuietly(BAD, PART, "'from:' after '(Received mail'", c.pos());
        }
        int senderStart = c.pos();
        int toColon = colonAfter(c, senderStart, "to", "'to:' after the sender");
        int recipientStart = toColon + 1;
        int ipColon =
                colonAfter(c, recipientStart, "client-IP", "'client-IP:' after the recipient");
        String recipient = c.address(recipientStart, ipColon - "client-IP".length());
        if (recipient.isEmpty()) {
            throw c.rejectQuietly(BAD, PART, "a recipient address after 'to:'", recipientStart);
        }
        String sender = c.address(senderStart, toColon - "to".length());
        return LogEvent.received(head.host(), head.time(), sender, recipient, clientIp(c, ipColon));
    }

    /** The index of the first colon from {@code from}, which must end {@code word}. */
    private static int colonAfter(LineCursor c, int from, String word, String expected) {
        int colon = c.indexOf(':', from, c.end());
        if (colon < 0 || !c.endsWithAt(colon, word, from)) {
            throw c.rejectQuietly(BAD, PART, expected, from);
        }
        return colon;
    }

    private static String clientIp(LineCursor c, int ipColon) {
        int close = c.end() - 1;
        if (close <= ipColon || c.charAt(close) != ')') {
            throw c.rejectQuietly(BAD, PART, "')' at the end of the line", c.end());
        }
        String ip = c.trimmed(ipColon + 1, close);
        if (ip.isEmpty() || LineCursor.hasBlank(ip)) {
            throw c.reject(BAD, PART, "the client address after 'client-IP:'", ipColon + 1);
        }
        return ip;
    }
}
