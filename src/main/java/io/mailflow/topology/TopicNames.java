package io.mailflow.topology;

import java.util.Objects;

/**
 * The names of the topics mailflow reads and writes. Every name is configurable; the defaults share
 * the {@code webx.} prefix.
 *
 * @param lines raw Web Crossing log lines, or shipper envelopes carrying them
 * @param outcomes the latest status of each delivery, compacted
 * @param errors one record per delivery error line, keyed by error category
 * @param inbound mail received for local mailboxes
 * @param sessions pop3 and imap sessions
 * @param rejects lines that could not be read, with the reason
 */
public record TopicNames(
        String lines,
        String outcomes,
        String errors,
        String inbound,
        String sessions,
        String rejects) {

    public static final TopicNames DEFAULT =
            new TopicNames(
                    "webx.log.lines",
                    "webx.delivery.outcomes",
                    "webx.delivery.errors",
                    "webx.mail.inbound",
                    "webx.mail.sessions",
                    "webx.log.rejects");

    public TopicNames {
        Objects.requireNonNull(lines, "lines topic can't be null");
        Objects.requireNonNull(outcomes, "outcomes topic can't be null");
        Objects.requireNonNull(errors, "errors topic can't be null");
        Objects.requireNonNull(inbound, "inbound topic can't be null");
        Objects.requireNonNull(sessions, "sessions topic can't be null");
        Objects.requireNonNull(rejects, "rejects topic can't be null");
    }

    /**
     * The topic that carries only errors of one category, e.g. {@code
     * webx.delivery.errors.BLOCKLISTED}.
     */
    public String errorsOf(String category) {
        return errors + "." + category;
    }
}
