package io.mailflow.generate;

import io.mailflow.core.line.Protocol;
import java.time.Instant;

/**
 * One pop3 or imap session. No two sessions of one host and protocol from the same address overlap,
 * so connect, login and disconnect lines pair up by address.
 *
 * @param host the host serving the mailbox
 * @param protocol pop3 or imap
 * @param user the login name exactly as the login line writes it, or null without a login line
 * @param clientIp the client's address
 * @param connectAt the time of the connect line
 * @param loginAt the time of the login line, or null when none was written
 * @param disconnectAt the time of the disconnect line, or null when none was written
 */
public record SessionTruth(
        String host,
        Protocol protocol,
        String user,
        String clientIp,
        Instant connectAt,
        Instant loginAt,
        Instant disconnectAt) {}
