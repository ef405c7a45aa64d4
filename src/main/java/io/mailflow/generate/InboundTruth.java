package io.mailflow.generate;

import java.time.Instant;

/**
 * One message received for a local mailbox: an smtp-in line that no queued line follows.
 *
 * @param host the receiving host
 * @param sender the {@code from:} address
 * @param recipient the local {@code to:} address
 * @param clientIp the sending server's address
 * @param receivedAt the time of the smtp-in line
 */
public record InboundTruth(
        String host, String sender, String recipient, String clientIp, Instant receivedAt) {}
