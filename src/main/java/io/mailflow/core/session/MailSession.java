package io.mailflow.core.session;

import io.mailflow.core.line.Protocol;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One pop3 or imap session of a mail client. Web Crossing logs a connect, a login and a disconnect
 * line, each with an address but no session number; the login may name another address than the
 * connect (a client behind changing NAT, or a proxy), and the disconnect then names the login's.
 *
 * @param host the server that logged the session
 * @param protocol pop3 or imap
 * @param connectIp the address of the connect line, or null when it was not seen
 * @param connectedAt when the connect line was written, or null when it was not seen
 * @param user the login name, as written, or null before login
 * @param loginIp the address of the login line, or null before login
 * @param loginAt when the login line was written, or null before login
 * @param disconnectedAt when the disconnect line was written, or null while open or timed out
 * @param end how the session ended, or null while open
 */
public record MailSession(
        String host,
        Protocol protocol,
        String connectIp,
        Instant connectedAt,
        String user,
        String loginIp,
        Instant loginAt,
        Instant disconnectedAt,
        SessionEnd end) {

    public MailSession {
        Objects.requireNonNull(host, "host can't be null");
        Objects.requireNonNull(protocol, "protocol can't be null");
        if (connectedAt == null && loginAt == null && disconnectedAt == null) {
            throw new IllegalArgumentException("a session needs at least one line's time");
        }
    }

    /** A session opened by a connect line. */
    public static MailSession connected(String host, Protocol protocol, String ip, Instant at) {
        return new MailSession(host, protocol, ip, at, null, null, null, null, null);
    }

    /** A session first seen at its login: the connect line came before mailflow started. */
    public static MailSession loggedInUnseen(
            String host, Protocol protocol, String user, String ip, Instant at) {
        return new MailSession(host, protocol, null, null, user, ip, at, null, null);
    }

    /** A session seen only at its disconnect line. */
    public static MailSession disconnectedUnseen(
            String host, Protocol protocol, String ip, Instant at) {
        return new MailSession(
                host, protocol, null, null, null, ip, null, at, SessionEnd.DISCONNECT);
    }

    /** This session after its login line. */
    public MailSession login(String user, String ip, Instant at) {
        return new MailSession(
                host, protocol, connectIp, connectedAt, user, ip, at, disconnectedAt, end);
    }

    /** This session closed by its disconnect line. */
    public MailSession disconnect(Instant at) {
        return new MailSession(
                host,
                protocol,
                connectIp,
                connectedAt,
                user,
                loginIp,
                loginAt,
                at,
                SessionEnd.DISCONNECT);
    }

    /** This session closed because no disconnect line came in time. */
    public MailSession timeOut() {
        return new MailSession(
                host,
                protocol,
                connectIp,
                connectedAt,
                user,
                loginIp,
                loginAt,
                null,
                SessionEnd.TIMEOUT);
    }

    public boolean isLoggedIn() {
        return loginAt != null;
    }

    /** The client's address: the login's when seen, else the connect's. */
    public String clientIp() {
        return loginIp != null ? loginIp : connectIp;
    }

    /** When the session began: its connect line, else its login. */
    public Instant openedAt() {
        return connectedAt != null ? connectedAt : loginAt;
    }

    /** When an open session is closed for want of a disconnect line. */
    public Instant timesOutAt(Duration timeout) {
        return openedAt().plus(timeout);
    }

    /** The time from connect (or login) to disconnect, or null when either is unknown. */
    public Long durationSeconds() {
        Instant from = openedAt();
        return from == null || disconnectedAt == null
                ? null
                : Duration.between(from, disconnectedAt).toSeconds();
    }
}
