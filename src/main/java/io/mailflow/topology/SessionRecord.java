package io.mailflow.topology;

import io.mailflow.core.line.Protocol;
import io.mailflow.core.session.MailSession;
import io.mailflow.core.session.SessionEnd;
import java.time.Instant;

/**
 * A closed pop3 or imap session, on {@code webx.mail.sessions}, keyed by host.
 *
 * @param schemaVersion the version of this record's shape
 * @param host the server
 * @param protocol {@code POP3} or {@code IMAP}
 * @param user the login name, as written, or null when no login line was seen
 * @param clientIp the login's address, else the connect's
 * @param connectIp the connect line's address, or null when it was not seen
 * @param connectedAt when the connect line was written, or null
 * @param loginAt when the login line was written, or null
 * @param disconnectedAt when the disconnect line was written, or null when timed out
 * @param durationSeconds seconds from connect (or login) to disconnect, or null when unknown
 * @param endedBy {@code DISCONNECT}, or {@code TIMEOUT} when no disconnect line came in time
 */
public record SessionRecord(
        int schemaVersion,
        String host,
        Protocol protocol,
        String user,
        String clientIp,
        String connectIp,
        Instant connectedAt,
        Instant loginAt,
        Instant disconnectedAt,
        Long durationSeconds,
        SessionEnd endedBy)
        implements MailOutput {

    public static final int SCHEMA_VERSION = 1;

    static SessionRecord of(MailSession s) {
        return new SessionRecord(
                SCHEMA_VERSION,
                s.host(),
                s.protocol(),
                s.user(),
                s.clientIp(),
                s.connectIp(),
                s.connectedAt(),
                s.loginAt(),
                s.disconnectedAt(),
                s.durationSeconds(),
                s.end());
    }
}
