package io.mailflow.bench;

import io.mailflow.core.line.EventType;
import io.mailflow.core.line.HostZones;
import io.mailflow.core.line.LogEvent;
import io.mailflow.core.line.Protocol;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline for {@link ParseBenchmark}: the same events as the hand-written parser, read the
 * obvious way with regular expressions and a {@link DateTimeFormatter}. Returns null for a line it
 * cannot read; it gives no reasons, which would only slow it further.
 */
final class RegexLineParser {
    private static final Pattern HEAD =
            Pattern.compile(
                    "^\\s*(\\d{1,2}-[A-Za-z]{3}-\\d{2}\\s+\\d{2}:\\d{2}:\\d{2})\\s+"
                            + "([A-Za-z][\\w.-]*)\\s+(\\S+)\\s*(.*?)\\s*$");
    private static final Pattern RECEIVED =
            Pattern.compile(
                    "(?i)OK\\s+\\(Received\\s+mail\\s+from:\\s*([^:]*?)\\s*to:\\s*([^:]*?)\\s*"
                            + "client-IP:\\s*(\\S+)\\s*\\)");
    private static final Pattern OUTGOING =
            Pattern.compile(
                    "(?i)(OK|error)\\s+ID=(\\d{1,18})\\s+Send\\s+email\\.\\s*(.*?)\\s*"
                            + "To:\\s*([^:]*?)\\s*From:\\s*([^:]*?)");
    private static final Pattern BAD_ID =
            Pattern.compile("(?i)(OK|error)\\s+ID=(?!\\d{1,18}\\s).*");
    private static final Pattern LOGIN =
            Pattern.compile("(?i)OK\\s+LOGIN\\s+by\\s+(.+?)\\s+from\\s+(\\S+)");
    private static final Pattern ADDRESS_ONLY =
            Pattern.compile("(?i)(connect|disconnect)\\s+(\\S+)");
    private static final Pattern BRACKETED = Pattern.compile("<\\s*(.+?)\\s*>");
    private static final DateTimeFormatter STAMP =
            new DateTimeFormatterBuilder()
                    .parseCaseInsensitive()
                    .appendPattern("d-MMM-")
                    .appendValueReduced(ChronoField.YEAR, 2, 2, 1970)
                    .appendPattern(" HH:mm:ss")
                    .toFormatter(Locale.ENGLISH);

    private final HostZones zones;

    RegexLineParser(HostZones zones) {
        this.zones = zones;
    }

    LogEvent parse(String host, String line) {
        Matcher head = HEAD.matcher(line);
        if (!head.matches()) {
            return null;
        }
        Instant time = time(host, head.group(1));
        if (time == null) {
            return null;
        }
        String service = head.group(2);
        String statusAndBody = head.group(3) + " " + head.group(4);
        return switch (service.toLowerCase(Locale.ROOT)) {
            case "smtp-in" -> received(host, time, statusAndBody, head);
            case "smtp-out" -> outgoing(host, time, statusAndBody, head);
            case "pop3" -> session(host, time, Protocol.POP3, statusAndBody, head);
            case "imap" -> session(host, time, Protocol.IMAP, statusAndBody, head);
            default -> other(host, time, head);
        };
    }

    private Instant time(String host, String stamp) {
        try {
            String oneSpace = stamp.replaceAll("\\s+", " ");
            return LocalDateTime.parse(oneSpace, STAMP).atZone(zones.zoneOf(host)).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static LogEvent received(String host, Instant time, String rest, Matcher head) {
        Matcher m = RECEIVED.matcher(rest);
        if (!m.matches()) {
            return other(host, time, head);
        }
        return LogEvent.received(host, time, address(m.group(1)), address(m.group(2)), m.group(3));
    }

    private static LogEvent outgoing(String host, Instant time, String rest, Matcher head) {
        Matcher m = OUTGOING.matcher(rest);
        if (!m.matches()) {
            return BAD_ID.matcher(rest).matches() ? null : other(host, time, head);
        }
        long id = Long.parseLong(m.group(2));
        String sender = address(m.group(5));
        String recipient = address(m.group(4));
        if (m.group(1).equalsIgnoreCase("error")) {
            return LogEvent.deliveryError(host, time, id, sender, recipient, m.group(3));
        }
        String action = m.group(3).replaceAll("\\s+", " ");
        if (action.equalsIgnoreCase("Sent email")) {
            return LogEvent.sent(host, time, id, sender, recipient);
        }
        if (action.equalsIgnoreCase("Outgoing message queued")) {
            return LogEvent.queued(host, time, id, sender, recipient);
        }
        return other(host, time, head);
    }

    private static LogEvent session(
            String host, Instant time, Protocol protocol, String rest, Matcher head) {
        Matcher login = LOGIN.matcher(rest);
        if (login.matches()) {
            return LogEvent.session(
                    EventType.SESSION_LOGIN, host, time, protocol, login.group(2), login.group(1));
        }
        Matcher m = ADDRESS_ONLY.matcher(rest);
        if (!m.matches()) {
            return other(host, time, head);
        }
        EventType type =
                m.group(1).equalsIgnoreCase("connect")
                        ? EventType.SESSION_CONNECT
                        : EventType.SESSION_DISCONNECT;
        return LogEvent.session(type, host, time, protocol, m.group(2), null);
    }

    private static LogEvent other(String host, Instant time, Matcher head) {
        return LogEvent.other(host, time, head.group(2), head.group(3), head.group(4));
    }

    private static String address(String written) {
        Matcher m = BRACKETED.matcher(written);
        return m.matches() ? m.group(1) : written;
    }
}
