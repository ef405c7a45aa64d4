package io.mailflow.topology;

import io.mailflow.core.delivery.OriginWindow;
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
 * @param originWindow how close a received line must be to a queued line for the delivery to count
 *     as relayed mail; a received line matched by none within it is local mail
 * @param sessionTimeout how long a pop3 or imap session may stay open before it is closed without
 *     its disconnect line
 */
public record PipelineSettings(
        TopicNames topics,
        HostZones zones,
        String defaultHost,
        boolean inputKeyedByHost,
        Duration stallAfter,
        Duration retention,
        boolean errorTopicPerCategory,
        OriginWindow originWindow,
        Duration sessionTimeout) {

    /** Web Crossing's usual hold window before it gives up on undeliverable mail. */
    public static final Duration USUAL_HOLD_WINDOW = Duration.ofHours(48);

    /** Longer than any pop3 check; an idle imap client re-logs in well within it. */
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofHours(1);

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
        Objects.requireNonNull(originWindow, "originWindow can't be null");
        Objects.requireNonNull(sessionTimeout, "sessionTimeout can't be null");
        requirePositive("stallAfter", stallAfter);
        requirePositive("retention", retention);
        requirePositive("sessionTimeout", sessionTimeout);
    }

    /** Settings with the default origin window and session timeout. */
    public PipelineSettings(
            TopicNames topics,
            HostZones zones,
            String defaultHost,
            boolean inputKeyedByHost,
            Duration stallAfter,
            Duration retention,
            boolean errorTopicPerCategory) {
        this(
                topics,
                zones,
                defaultHost,
                inputKeyedByHost,
                stallAfter,
                retention,
                errorTopicPerCategory,
                OriginWindow.DEFAULT,
                DEFAULT_SESSION_TIMEOUT);
    }

    /** These settings with input keyed by host or not. */
    public PipelineSettings withInputKeyedByHost(boolean keyed) {
        return new PipelineSettings(
                topics,
                zones,
                defaultHost,
                keyed,
                stallAfter,
                retention,
                errorTopicPerCategory,
                originWindow,
                sessionTimeout);
    }

    /** These settings with or without one errors topic per category. */
    public PipelineSettings withErrorTopicPerCategory(boolean perCategory) {
        return new PipelineSettings(
                topics,
                zones,
                defaultHost,
                inputKeyedByHost,
                stallAfter,
                retention,
                perCategory,
                originWindow,
                sessionTimeout);
    }

    private static void requirePositive(String name, Duration value) {
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }
}
