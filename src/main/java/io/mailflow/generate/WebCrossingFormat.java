package io.mailflow.generate;

import io.mailflow.core.line.LogEvent;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Writes log lines exactly as Web Crossing does: {@code DD-Mon-YY HH:MM:SS}, local time with no
 * zone, then the service word and the rest. The appenders work on a caller's buffer without
 * formatting calls, because the generator writes millions of lines.
 */
public final class WebCrossingFormat {
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    private WebCrossingFormat() {}

    /** The line of {@code event}, its time written in UTC. */
    public static String line(LogEvent event) {
        return line(event, ZoneOffset.UTC);
    }

    /** The line of {@code event}, its time written in {@code zone}. */
    public static String line(LogEvent event, ZoneId zone) {
        StringBuilder out = new StringBuilder(160);
        appendTimestamp(out, LocalDateTime.ofInstant(event.time(), zone));
        out.append(' ');
        appendBody(out, event);
        return out.toString();
    }

    private static void appendBody(StringBuilder out, LogEvent e) {
        switch (e.type()) {
            case RECEIVED -> appendReceived(out, e.sender(), e.recipient(), e.clientIp(), false);
            case QUEUED -> appendQueued(out, e.messageId(), e.recipient(), e.sender());
            case SENT -> appendSent(out, e.messageId(), e.recipient(), e.sender());
            case DELIVERY_ERROR -> {
                appendErrorStart(out, e.messageId());
                out.append(e.errorText());
                appendAddresses(out, e.recipient(), e.sender());
            }
            case SESSION_CONNECT -> appendConnect(out, e.protocol().service(), e.clientIp());
            case SESSION_LOGIN -> appendLogin(out, e.protocol().service(), e.user(), e.clientIp());
            case SESSION_DISCONNECT -> appendDisconnect(out, e.protocol().service(), e.clientIp());
            case OTHER -> appendOther(out, e.service(), e.status(), e.text());
        }
    }

    private static void appendTimestamp(StringBuilder out, LocalDateTime t) {
        appendDate(out, t.toLocalDate());
        out.append(' ');
        appendTime(out, t.getHour() * 3600 + t.getMinute() * 60 + t.getSecond());
    }

    /** {@code 20-Jun-03}. */
    static void appendDate(StringBuilder out, LocalDate date) {
        appendTwoDigits(out, date.getDayOfMonth());
        out.append('-').append(MONTHS[date.getMonthValue() - 1]).append('-');
        appendTwoDigits(out, date.getYear() % 100);
    }

    /** {@code 08:27:18} for a second of the day. */
    static void appendTime(StringBuilder out, int secondOfDay) {
        appendTwoDigits(out, secondOfDay / 3600);
        out.append(':');
        appendTwoDigits(out, secondOfDay / 60 % 60);
        out.append(':');
        appendTwoDigits(out, secondOfDay % 60);
    }

    /**
     * {@code smtp-in OK (Received mail from: S to: R client-IP:A)}. Web Crossing sometimes leaves
     * out the space before {@code to:}; {@code glued} writes it that way.
     */
    static void appendReceived(
            StringBuilder out, String sender, String recipient, String clientIp, boolean glued) {
        out.append("smtp-in OK (Received mail from: ").append(sender);
        out.append(glued ? "to: " : " to: ").append(recipient);
        out.append(" client-IP:").append(clientIp).append(')');
    }

    static void appendQueued(StringBuilder out, long id, String recipient, String sender) {
        appendOkStart(out, id);
        out.append("Outgoing message queued");
        appendAddresses(out, recipient, sender);
    }

    static void appendSent(StringBuilder out, long id, String recipient, String sender) {
        appendOkStart(out, id);
        out.append("Sent email");
        appendAddresses(out, recipient, sender);
    }

    /** {@code smtp-out error ID=N Send email. }: the error text and addresses follow. */
    static void appendErrorStart(StringBuilder out, long id) {
        out.append("smtp-out error ID=").append(id).append(" Send email. ");
    }

    static void appendAddresses(StringBuilder out, String recipient, String sender) {
        out.append(" To: ").append(recipient).append(" From: ").append(sender);
    }

    static void appendConnect(StringBuilder out, String service, String clientIp) {
        out.append(service).append(" connect ").append(clientIp);
    }

    static void appendLogin(StringBuilder out, String service, String user, String clientIp) {
        out.append(service).append(" OK LOGIN by ").append(user).append(" from ").append(clientIp);
    }

    static void appendDisconnect(StringBuilder out, String service, String clientIp) {
        out.append(service).append(" disconnect ").append(clientIp);
    }

    static void appendOther(StringBuilder out, String service, String status, String text) {
        out.append(service).append(' ').append(status);
        if (text != null && !text.isEmpty()) {
            out.append(' ').append(text);
        }
    }

    private static void appendOkStart(StringBuilder out, long id) {
        out.append("smtp-out OK ID=").append(id).append(" Send email. ");
    }

    private static void appendTwoDigits(StringBuilder out, int value) {
        out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
