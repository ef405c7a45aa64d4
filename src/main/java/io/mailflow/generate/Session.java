package io.mailflow.generate;

import io.mailflow.core.line.EventType;
import io.mailflow.core.line.Protocol;
import java.time.Instant;

/** One pop3 or imap session: connect, usually a login, then disconnect. */
final class Session implements LineSource {
    private static final int CONNECT = 0;
    private static final int LOGIN = 1;
    private static final int DISCONNECT = 2;
    static final long NO_LOGIN = Long.MIN_VALUE;

    private final Protocol protocol;
    private final String user;
    private final String clientIp;
    private final long connectAt;
    private final long loginAt;
    private final long disconnectAt;

    /**
     * @param loginAt the login's time, or {@link #NO_LOGIN} for a session that never logs in
     */
    Session(
            Protocol protocol,
            String user,
            String clientIp,
            long connectAt,
            long loginAt,
            long disconnectAt) {
        this.protocol = protocol;
        this.user = user;
        this.clientIp = clientIp;
        this.connectAt = connectAt;
        this.loginAt = loginAt;
        this.disconnectAt = disconnectAt;
    }

    void addLines(LineBuffer lines) {
        lines.add(connectAt, this, CONNECT);
        if (loginAt != NO_LOGIN) {
            lines.add(loginAt, this, LOGIN);
        }
        lines.add(disconnectAt, this, DISCONNECT);
    }

    /** The time of the session's last line. */
    long lastAt() {
        return disconnectAt;
    }

    @Override
    public EventType type(int part) {
        return switch (part) {
            case CONNECT -> EventType.SESSION_CONNECT;
            case LOGIN -> EventType.SESSION_LOGIN;
            default -> EventType.SESSION_DISCONNECT;
        };
    }

    @Override
    public void appendBody(int part, StringBuilder out) {
        String service = protocol.service();
        switch (part) {
            case CONNECT -> WebCrossingFormat.appendConnect(out, service, clientIp);
            case LOGIN -> WebCrossingFormat.appendLogin(out, service, user, clientIp);
            default -> WebCrossingFormat.appendDisconnect(out, service, clientIp);
        }
    }

    @Override
    public Object subject() {
        return this;
    }

    /** The session as the lines stamped before {@code end} show it. */
    SessionTruth truth(String host, long end) {
        boolean loggedIn = loginAt != NO_LOGIN && loginAt < end;
        return new SessionTruth(
                host,
                protocol,
                loggedIn ? user : null,
                clientIp,
                Instant.ofEpochSecond(connectAt),
                loggedIn ? Instant.ofEpochSecond(loginAt) : null,
                disconnectAt < end ? Instant.ofEpochSecond(disconnectAt) : null);
    }
}
