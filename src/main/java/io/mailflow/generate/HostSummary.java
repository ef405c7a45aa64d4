package io.mailflow.generate;

import java.time.Instant;

/**
 * What was written for one host.
 *
 * @param host the host name, also the log file's name without {@code .log}
 * @param lines the lines in the file: event lines, damaged lines and blank lines
 * @param lastLineAt the latest time on any readable line of the file; open deliveries are {@link
 *     TruthStatus#STALLED} against it
 * @param messages the outgoing messages queued on the host
 * @param reusedIds the messages whose ID an earlier message of the host already had
 */
public record HostSummary(
        String host, long lines, Instant lastLineAt, long messages, long reusedIds) {}
