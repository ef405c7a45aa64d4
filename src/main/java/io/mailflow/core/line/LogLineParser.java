package io.mailflow.core.line;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * Reads Web Crossing log lines into {@link LogEvent}s. Every line gives exactly one result: an
 * event, a {@link LineReject} that names the part, column and what was expected, or {@link
 * ParseResult#blank()} for an empty or all-blank line. No input makes it throw.
 *
 * <p>What it tolerates, because real logs hold it: month names and keywords in any case, a
 * one-digit day, tabs wherever a space separates words, leading and trailing blanks, CR LF endings,
 * no space before {@code to:} in smtp-in lines, error texts holding {@code To:}, {@code from},
 * brackets or parentheses, and invalid UTF-8 (read as U+FFFD).
 *
 * <p>Addresses are kept in their case, without surrounding blanks and one pair of enclosing angle
 * brackets. An empty sender is {@code ""}; the null sender {@code <>} of bounce notices is kept as
 * {@code "<>"}. A recipient is never empty: a line without one is rejected.
 *
 * <p>Times carry no zone in the log; they are read in the host's zone from {@link HostZones}, the
 * way {@link java.time.ZonedDateTime#of} resolves a gap or an overlap. Two-digit years 70-99 are
 * 1970-1999, 00-69 are 2000-2069.
 *
 * <p>Thread-safe. The hot path uses no regular expression and allocates little beyond the event.
 */
public final class LogLineParser {
    private final LocalTimeConverter clock;

    public LogLineParser(HostZones zones) {
        this.clock = new LocalTimeConverter(Objects.requireNonNull(zones, "zones can't be null"));
    }

    /**
     * Reads one line.
     *
     * @param host the server that wrote the line; null is read as {@code ""}
     * @param line the line, with or without its terminator; null is read as a blank line
     */
    public ParseResult parse(String host, String line) {
        if (line == null) {
            return ParseResult.blank();
        }
        int end = line.length();
        while (end > 0 && LineCursor.isTrailingBlank(line.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            return ParseResult.blank();
        }
        int start = 0;
        while (LineCursor.isBlank(line.charAt(start))) {
            start++;
        }
        String safeHost = host == null ? "" : host;
        return parseText(new LineCursor(safeHost, withoutTerminator(line), start, end));
    }

    /**
     * Reads one line given as UTF-8 bytes; invalid bytes become U+FFFD.
     *
     * @param host the server that wrote the line; null is read as {@code ""}
     * @param utf8 the line's bytes, with or without its terminator; null is read as a blank line
     */
    public ParseResult parse(String host, byte[] utf8) {
        if (utf8 == null) {
            return ParseResult.blank();
        }
        return parse(host, utf8, 0, utf8.length);
    }

    /** Reads the line in {@code utf8[offset, offset + length)}, which must lie in the array. */
    ParseResult parse(String host, byte[] utf8, int offset, int length) {
        return parse(host, new String(utf8, offset, length, StandardCharsets.UTF_8));
    }

    private ParseResult parseText(LineCursor c) {
        try {
            return new ParseResult.Parsed(read(c));
        } catch (LineRejected rejected) {
            return new ParseResult.Rejected(rejected.reject());
        } catch (RuntimeException fault) {
            // A defect here must not stop a stream thread: the line becomes a reject instead.
            return new ParseResult.Rejected(faultReject(c, fault));
        }
    }

    private LogEvent read(LineCursor c) {
        LineHead head = readHead(c);
        c.moveTo(head.bodyStart());
        LogEvent event = readBody(c, head);
        return event != null ? event : other(c, head);
    }

    private LineHead readHead(LineCursor c) {
        long localSecond = LocalTimestamp.read(c);
        c.enter(RejectReason.MISSING_SERVICE);
        Instant time = clock.toInstant(c.host(), localSecond);
        c.skipBlanks();
        int serviceStart = c.pos();
        int serviceEnd = serviceWordEnd(c);
        c.skipBlanks();
        int statusStart = c.pos();
        int statusEnd = c.wordEnd();
        if (statusEnd == statusStart) {
            throw c.reject(RejectReason.MISSING_SERVICE, "status", "a status word", statusStart);
        }
        c.moveTo(statusEnd);
        c.skipBlanks();
        return new LineHead(
                c.host(), time, serviceStart, serviceEnd, statusStart, statusEnd, c.pos());
    }

    /**
     * The end of the service word at the cursor, such as {@code smtp-out}: a letter, then letters,
     * digits, {@code -}, {@code _} or {@code .}. Anything else there means the line is not Web
     * Crossing's.
     */
    private static int serviceWordEnd(LineCursor c) {
        int start = c.pos();
        int stop = c.wordEnd();
        boolean valid = stop > start && LineCursor.isAsciiLetter(c.charAt(start));
        for (int i = start + 1; valid && i < stop; i++) {
            valid = isServiceChar(c.charAt(i));
        }
        if (!valid) {
            throw c.reject(
                    RejectReason.MISSING_SERVICE,
                    "service",
                    "a service word such as smtp-out",
                    start);
        }
        c.moveTo(stop);
        return stop;
    }

    private static boolean isServiceChar(char ch) {
        return LineCursor.isAsciiLetter(ch)
                || ch >= '0' && ch <= '9'
                || ch == '-'
                || ch == '_'
                || ch == '.';
    }

    private static LogEvent readBody(LineCursor c, LineHead head) {
        if (head.serviceIs(c, "smtp-out")) {
            c.enter(RejectReason.BAD_SMTP_OUT);
            return SmtpOutLine.read(c, head);
        }
        if (head.serviceIs(c, "smtp-in")) {
            c.enter(RejectReason.BAD_SMTP_IN);
            return SmtpInLine.read(c, head);
        }
        for (Protocol protocol : Protocol.values()) {
            if (head.serviceIs(c, protocol.service())) {
                c.enter(RejectReason.BAD_SESSION);
                return SessionLine.read(c, head, protocol);
            }
        }
        return null;
    }

    private static LogEvent other(LineCursor c, LineHead head) {
        String line = c.line();
        return LogEvent.other(
                head.host(),
                head.time(),
                line.substring(head.serviceStart(), head.serviceEnd()),
                line.substring(head.statusStart(), head.statusEnd()),
                line.substring(head.bodyStart(), c.end()));
    }

    private static LineReject faultReject(LineCursor c, RuntimeException fault) {
        int column = Math.min(c.pos(), c.end()) + 1;
        String expected = "a line the parser can read";
        String message =
                "line: could not be read at column "
                        + column
                        + " because of a parser fault ("
                        + fault.getClass().getSimpleName()
                        + ")";
        return new LineReject(c.host(), c.line(), c.stage(), column, expected, message);
    }

    /** The line without the CR and LF that may end it, for rejects. */
    private static String withoutTerminator(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == '\n' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return end == line.length() ? line : line.substring(0, end);
    }
}
