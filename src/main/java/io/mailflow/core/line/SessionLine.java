package io.mailflow.core.line;

/**
 * Reads the pop3 and imap session lines: {@code connect A}, {@code OK LOGIN by U from A} and {@code
 * disconnect A}. The login keyword and words are matched in any case; the user name is kept as
 * written, even if it holds blanks, because the address is read from the right end.
 */
final class SessionLine {
    private static final RejectReason BAD = RejectReason.BAD_SESSION;

    private SessionLine() {}

    /** The session event of the line, or null for an OTHER line. */
    static LogEvent read(LineCursor c, LineHead head, Protocol protocol) {
        if (head.statusIs(c, "connect")) {
            return event(EventType.SESSION_CONNECT, head, protocol, lastAddress(c), null);
        }
        if (head.statusIs(c, "disconnect")) {
            return event(EventType.SESSION_DISCONNECT, head, protocol, lastAddress(c), null);
        }
        if (head.statusIs(c, "OK") && c.regionIs(c.pos(), c.wordEnd(), "LOGIN")) {
            return login(c, head, protocol);
        }
        return null;
    }

    private static LogEvent login(LineCursor c, LineHead head, Protocol protocol) {
        c.moveTo(c.wordEnd());
        c.skipBlanks();
        if (!c.skipPhrase("by ")) {
            throw c.rejectQuietly(BAD, "login", "'by USER from ADDRESS' after 'LOGIN'", c.pos());
        }
        int userStart = c.pos();
        int ipStart = lastWordStart(c, userStart);
        int fromStart = fromWordStart(c, userStart, ipStart);
        if (fromStart < 0) {
            throw c.rejectQuietly(BAD, "login", "'from ADDRESS' after the user name", userStart);
        }
        String user = c.trimmed(userStart, fromStart);
        if (user.isEmpty()) {
            throw c.rejectQuietly(BAD, "login", "a user name after 'by'", userStart);
        }
        String ip = c.line().substring(ipStart, c.end());
        return event(EventType.SESSION_LOGIN, head, protocol, ip, user);
    }

    /** The address that ends a connect or disconnect line, the only word after the status. */
    private static String lastAddress(LineCursor c) {
        int start = c.pos();
        int stop = c.wordEnd();
        if (start == stop) {
            throw c.reject(BAD, "address", "the client address", start);
        }
        if (stop != c.end()) {
            c.moveTo(stop);
            c.skipBlanks();
            throw c.reject(BAD, "address", "the end of the line after the address", c.pos());
        }
        return c.line().substring(start, stop);
    }

    /** The index of the word {@code from} that ends before {@code ipStart}, or -1. */
    private static int fromWordStart(LineCursor c, int userStart, int ipStart) {
        int fromEnd = c.afterLastNonBlank(userStart, ipStart);
        int fromStart = fromEnd - "from".length();
        if (fromEnd == ipStart || !c.endsWithAt(fromEnd, "from", userStart)) {
            return -1;
        }
        boolean isWord = fromStart == userStart || LineCursor.isBlank(c.charAt(fromStart - 1));
        return isWord ? fromStart : -1;
    }

    /** The index where the line's last word starts, not before {@code from}. */
    private static int lastWordStart(LineCursor c, int from) {
        int i = c.end();
        while (i > from && !LineCursor.isBlank(c.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    private static LogEvent event(
            EventType type, LineHead head, Protocol protocol, String ip, String user) {
        return LogEvent.session(type, head.host(), head.time(), protocol, ip, user);
    }
}
