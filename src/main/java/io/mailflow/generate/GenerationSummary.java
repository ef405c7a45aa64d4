package io.mailflow.generate;

import io.mailflow.core.line.EventType;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The totals of one generation run, as written to {@code truth/summary.json}. Every count equals
 * what a reader of the files would count.
 *
 * @param seed the seed the run used
 * @param start the first day of the logs
 * @param days how many days the logs span
 * @param holdHours Web Crossing's hold window for undeliverable mail, in hours
 * @param hosts each host's file
 * @param totalLines the lines of all files together
 * @param blankLines empty or all-blank lines, which a parser skips
 * @param damagedLines lines that a parser must reject, listed in {@code truth/damaged.jsonl}
 * @param swappedPairs pairs of adjacent lines of different deliveries written in reverse time order
 * @param lateErrorLines error lines written just after the {@code Sent email} line that they
 *     precede by one second
 * @param events the readable lines by event type
 * @param deliveries the deliveries by status
 * @param inbound messages received for local mailboxes
 * @param sessions pop3 and imap sessions
 */
public record GenerationSummary(
        long seed,
        LocalDate start,
        int days,
        int holdHours,
        List<HostSummary> hosts,
        long totalLines,
        long blankLines,
        long damagedLines,
        long swappedPairs,
        long lateErrorLines,
        Map<EventType, Long> events,
        Map<TruthStatus, Long> deliveries,
        long inbound,
        long sessions) {

    public GenerationSummary {
        // Copies keep the given order, so that the summary file is the same on every run.
        hosts = List.copyOf(hosts);
        events = Collections.unmodifiableMap(new LinkedHashMap<>(events));
        deliveries = Collections.unmodifiableMap(new LinkedHashMap<>(deliveries));
    }

    /** The deliveries of every status together. */
    public long deliveryCount() {
        return deliveries.values().stream().mapToLong(Long::longValue).sum();
    }
}
