package io.mailflow.generate;

import io.mailflow.core.line.EventType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of generated log files, written apart from the production parser so that the
 * generator's tests do not depend on it. It reads only what Web Crossing writes and calls
 * everything else unreadable.
 */
final class ReadLines {
    private static final Pattern STAMP =
            Pattern.compile(
                    "(\\d\\d)-(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-(\\d\\d)"
                            + " (\\d\\d):(\\d\\d):(\\d\\d) (.+)");
    private static final Pattern RECEIVED =
            Pattern.compile(
                    "smtp-in OK \\(Received mail from: (\\S+?)( ?)to: (\\S+) client-IP:(\\S+)\\)");
    private static final Pattern OUTGOING =
            Pattern.compile(
                    "smtp-out (OK|error) ID=(\\d+) Send email\\. (.+) To: (\\S+) From: (\\S+)");
    private static final Pattern SESSION =
            Pattern.compile(
                    "(pop3|imap) (?:(connect|disconnect) (\\S+)|OK LOGIN by (\\S+) from (\\S+))");
    private static final Pattern OTHER = Pattern.compile("([a-z0-9-]+) (\\S+)(?: .*)?");
    private static final Set<String> MODELLED = Set.of("smtp-in", "smtp-out", "pop3", "imap");
    private static final List<String> MONTHS =
            List.of(
                    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                    "Dec");

    /** How a line was read. */
    enum Kind {
        READ,
        BLANK,
        UNREADABLE
    }

    /**
     * One line of a file. Fields that the line's type does not have are null.
     *
     * @param glued whether an smtp-in line has no space before {@code to:}
     * @param text the error text of an error line, the action of other smtp-out lines
     */
    record Line(
            int number,
            Kind kind,
            EventType type,
            long at,
            Long id,
            String sender,
            String recipient,
            String clientIp,
            String user,
            String service,
            String text,
            boolean glued) {}

    private ReadLines() {}

    static List<Line> of(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<Line> lines = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                lines.add(read(lines.size() + 1, bytes, from, i));
                from = i + 1;
            }
        }
        if (from != bytes.length) {
            throw new IllegalStateException(file + " does not end with a line end");
        }
        return lines;
    }

    private static Line read(int number, byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return unreadable(number);
            }
        }
        String text = new String(bytes, from, to - from, StandardCharsets.US_ASCII);
        if (text.isBlank()) {
            return new Line(
                    number, Kind.BLANK, null, 0, null, null, null, null, null, null, null, false);
        }
        return read(number, text);
    }

    private static Line read(int number, String text) {
        Matcher stamp = STAMP.matcher(text);
        if (!stamp.matches()) {
            return unreadable(number);
        }
        long at;
        try {
            at =
                    LocalDateTime.of(
                                    2000 + Integer.parseInt(stamp.group(3)),
                                    MONTHS.indexOf(stamp.group(2)) + 1,
                                    Integer.parseInt(stamp.group(1)),
                                    Integer.parseInt(stamp.group(4)),
                                    Integer.parseInt(stamp.group(5)),
                                    Integer.parseInt(stamp.group(6)))
                            .toEpochSecond(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return unreadable(number);
        }
        return body(number, at, stamp.group(7));
    }

    private static Line body(int number, long at, String body) {
        Matcher m;
        if ((m = RECEIVED.matcher(body)).matches()) {
            return new Line(
                    number,
                    Kind.READ,
                    EventType.RECEIVED,
                    at,
                    null,
                    m.group(1),
                    m.group(3),
                    m.group(4),
                    null,
                    "smtp-in",
                    null,
                    m.group(2).isEmpty());
        }
        if ((m = OUTGOING.matcher(body)).matches()) {
            return outgoing(number, at, m);
        }
        if ((m = SESSION.matcher(body)).matches()) {
            return session(number, at, m);
        }
        if ((m = OTHER.matcher(body)).matches() && !MODELLED.contains(m.group(1))) {
            return new Line(
                    number,
                    Kind.READ,
                    EventType.OTHER,
                    at,
                    null,
                    null,
                    null,
                    null,
                    null,
                    m.group(1),
                    body,
                    false);
        }
        return unreadable(number);
    }

    private static Line outgoing(int number, long at, Matcher m) {
        String action = m.group(3);
        EventType type;
        if (m.group(1).equals("error")) {
            type = EventType.DELIVERY_ERROR;
        } else if (action.equals("Outgoing message queued")) {
            type = EventType.QUEUED;
        } else if (action.equals("Sent email")) {
            type = EventType.SENT;
        } else {
            return unreadable(number);
        }
        return new Line(
                number,
                Kind.READ,
                type,
                at,
                Long.parseLong(m.group(2)),
                m.group(5),
                m.group(4),
                null,
                null,
                "smtp-out",
                action,
                false);
    }

    private static Line session(int number, long at, Matcher m) {
        EventType type;
        String ip;
        if (m.group(2) == null) {
            type = EventType.SESSION_LOGIN;
            ip = m.group(5);
        } else {
            type =
                    m.group(2).equals("connect")
                            ? EventType.SESSION_CONNECT
                            : EventType.SESSION_DISCONNECT;
            ip = m.group(3);
        }
        return new Line(
                number,
                Kind.READ,
                type,
                at,
                null,
                null,
                null,
                ip,
                m.group(4),
                m.group(1),
                null,
                false);
    }

    private static Line unreadable(int number) {
        return new Line(
                number, Kind.UNREADABLE, null, 0, null, null, null, null, null, null, null, false);
    }
}
