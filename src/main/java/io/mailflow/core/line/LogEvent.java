package io.mailflow.core.line;

import java.time.Instant;
import java.util.Objects;

/**
 * One parsed Web Crossing log line. Which fields are set depends on the {@link #type()}; the others
 * are null. The host never comes from the line itself: the caller names it.
 *
 * @param type what the line describes
 * @param host the server that wrote the line
 * @param time when the line was written, converted from the host's zone to UTC
 * @param messageId the smtp-out {@code ID=N}, for {@link EventType#isDelivery() delivery} events
 * @param sender the envelope sender ({@code From:} or {@code from:})
 * @param recipient the envelope recipient ({@code To:} or {@code to:})
 * @param clientIp the remote address of smtp-in, pop3 and imap lines
 * @param user the login name of a {@link EventType#SESSION_LOGIN}, as written
 * @param protocol pop3 or imap, for session events
 * @param errorText the text of a {@link EventType#DELIVERY_ERROR}, remote replies included
 * @param service the first word after the time ({@code smtp-in}, {@code smtp-out}, ...)
 * @param status the word after the service ({@code OK}, {@code error}, ...), for {@code OTHER}
 * @param text the rest of an {@code OTHER} line after its status word
 */
public record LogEvent(
        EventType type,
        String host,
        Instant time,
        Long messageId,
        String sender,
        String recipient,
        String clientIp,
        String user,
        Protocol protocol,
        String errorText,
        String service,
        String status,
        String text) {

    public LogEvent {
        Objects.requireNonNull(type, "type can't be null");
        Objects.requireNonNull(host, "host can't be null");
        Objects.requireNonNull(time, "time can't be null");
    }

    public static LogEvent received(
            String host, Instant time, String sender, String recipient, String clientIp) {
        return new LogEvent(
                EventType.RECEIVED,
                host,
                time,
                null,
                sender,
                recipient,
                clientIp,
                null,
                null,
                null,
                "smtp-in",
                null,
                null);
    }

    public static LogEvent queued(
            String host, Instant time, long messageId, String sender, String recipient) {
        return outgoing(EventType.QUEUED, host, time, messageId, sender, recipient, null);
    }

    public static LogEvent sent(
            String host, Instant time, long messageId, String sender, String recipient) {
        return outgoing(EventType.SENT, host, time, messageId, sender, recipient, null);
    }

    public static LogEvent deliveryError(
            String host,
            Instant time,
            long messageId,
            String sender,
            String recipient,
            String errorText) {
        return outgoing(
                EventType.DELIVERY_ERROR, host, time, messageId, sender, recipient, errorText);
    }

    public static LogEvent session(
            EventType type,
            String host,
            Instant time,
            Protocol protocol,
            String clientIp,
            String user) {
        if (!type.isSession()) {
            throw new IllegalArgumentException("not a session event type: " + type);
        }
        return new LogEvent(
                type,
                host,
                time,
                null,
                null,
                null,
                clientIp,
                user,
                protocol,
                null,
                protocol.service(),
                null,
                null);
    }

    public static LogEvent other(
            String host, Instant time, String service, String status, String text) {
        return new LogEvent(
                EventType.OTHER,
                host,
                time,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                service,
                status,
                text);
    }

    private static LogEvent outgoing(
            EventType type,
            String host,
            Instant time,
            long messageId,
            String sender,
            String recipient,
            String errorText) {
        return new LogEvent(
                type,
                host,
                time,
                messageId,
                sender,
                recipient,
                null,
                null,
                null,
                errorText,
                "smtp-out",
                null,
                null);
    }
}
