package io.mailflow.runtime.ship;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link Shipper} ships where.
 *
 * @param bootstrapServers the Kafka brokers to contact first
 * @param topic the lines topic
 * @param files the files to follow, each with its host
 * @param fromStart whether a file without a checkpoint is read from its start rather than its end
 * @param kafkaConfigs further Kafka client configs, such as security settings; see {@link
 *     ShipClients#problemWith}
 * @param pollInterval how long to wait before looking at a file again once all of it was read
 * @param linesPerTransaction the most lines one transaction carries
 */
public record ShipSettings(
        String bootstrapServers,
        String topic,
        List<FollowedFile> files,
        boolean fromStart,
        Map<String, String> kafkaConfigs,
        Duration pollInterval,
        int linesPerTransaction) {

    /** Often enough to look live, rarely enough to cost nothing. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(200);

    /**
     * Large enough that committing is a small part of a backfill, small enough that a transaction
     * stays well inside the producer's buffer and the broker's transaction timeout.
     */
    public static final int DEFAULT_LINES_PER_TRANSACTION = 50_000;

    public ShipSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers can't be null");
        Objects.requireNonNull(topic, "topic can't be null");
        files = List.copyOf(files);
        kafkaConfigs = Map.copyOf(kafkaConfigs);
        Objects.requireNonNull(pollInterval, "pollInterval can't be null");
        if (linesPerTransaction < 1) {
            throw new IllegalArgumentException(
                    "linesPerTransaction must be at least 1, but was " + linesPerTransaction);
        }
    }

    /** The settings with the defaults for polling and transaction size. */
    public static ShipSettings of(
            String bootstrapServers,
            String topic,
            List<FollowedFile> files,
            boolean fromStart,
            Map<String, String> kafkaConfigs) {
        return new ShipSettings(
                bootstrapServers,
                topic,
                files,
                fromStart,
                kafkaConfigs,
                DEFAULT_POLL_INTERVAL,
                DEFAULT_LINES_PER_TRANSACTION);
    }
}
