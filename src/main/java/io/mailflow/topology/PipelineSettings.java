package io.mailflow.topology;

import io.mailflow.core.line.HostZones;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything that shapes the topology, with the defaults an operator gets when they set nothing.
 *
 * @param topics the topic names
 * @param zones the time zone each host writes its log in
 * @param defaultHost the host of a line whose record names none (no key, header or envelope)
 * @param inputKeyedByHost whether the shipper keys input records by host; when false the topology
 *     repartitions once by host
 * @param stallAfter how long a delivery may wait for a final line before it is {@code STALLED}
 * @param retention how long a finished delivery stays queryable
 * @param errorTopicPerCategory whether errors also go to one topic per category
 */
public record PipelineSettings(
        TopicNames topics,
        HostZones zones,
        String defaultHost,
        boolean inputKeyedByHost,
        Duration stallAfter,
        Duration retention,
        boolean errorTopicPerCategory) {

    /** Web Crossing's usual hold window before it gives up on undeliverable mail. */
    public static final Duration USUAL_HOLD_WINDOW = Duration.ofHours(48);

    public static final PipelineSettings DEFAULT =
            new PipelineSettings(
                    TopicNames.DEFAULT,
                    HostZones.utc(),
                    "unknown-host",
                    true,
                    USUAL_HOLD_WINDOW.plusHours(1),
                    Duration.ofDays(7),
                    false);

    public PipelineSettings {
        Objects.requireNonNull(topics, "topics can't be null");
        Objects.requireNonNull(zones, "zones can't be null");
        Objects.requireNonNull(defaultHost, "defaultHost can't be null");
        Objects.requireNonNull(stallAfter, "stallAfter can't be null");
        Objects.requireNonNull(retention, "retention can't be null");
    }
}
