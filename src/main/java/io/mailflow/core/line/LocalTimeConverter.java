package io.mailflow.core.line;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a host's local time into an instant, the way {@link ZonedDateTime#of} does: in a gap the
 * time is read with the offset before the gap, in an overlap the earlier offset wins. Offsets are
 * cached per zone and local hour, because looking them up in the zone rules costs more than the
 * rest of a line. Thread-safe.
 */
final class LocalTimeConverter {
    private final HostZones zones;
    private final ConcurrentHashMap<ZoneId, HourlyOffsets> byZone = new ConcurrentHashMap<>();

    LocalTimeConverter(HostZones zones) {
        this.zones = zones;
    }

    /** The instant at which {@code host}'s clock showed {@code localSecond} (since 1970). */
    Instant toInstant(String host, long localSecond) {
        ZoneId zone = zones.zoneOf(host);
        if (zone instanceof ZoneOffset offset) {
            return Instant.ofEpochSecond(localSecond - offset.getTotalSeconds());
        }
        HourlyOffsets offsets = byZone.get(zone);
        if (offsets == null) {
            offsets = byZone.computeIfAbsent(zone, HourlyOffsets::new);
        }
        return offsets.toInstant(localSecond);
    }

    /**
     * The offset of recent local hours of one zone, in a small table indexed by the hour. Entries
     * are immutable and written without locks: a reader sees either an old entry, which it rejects
     * by its hour, or a whole new one, which final fields guarantee.
     */
    private static final class HourlyOffsets {
        private static final int SLOTS = 64;
        // No zone's offset moves by more than 36 hours: with no transition this close to an hour,
        // every local time in it has exactly one offset, whatever the offsets around it.
        private static final Duration MARGIN = Duration.ofHours(37);

        private final ZoneId zone;
        private final ZoneRules rules;
        private final Hour[] slots = new Hour[SLOTS];

        HourlyOffsets(ZoneId zone) {
            this.zone = zone;
            this.rules = zone.getRules();
        }

        Instant toInstant(long localSecond) {
            long localHour = Math.floorDiv(localSecond, 3600);
            int slot = (int) (localHour & (SLOTS - 1));
            Hour hour = slots[slot];
            if (hour == null || hour.localHour != localHour) {
                hour = steadyHour(localHour);
                if (hour == null) {
                    return exactly(localSecond);
                }
                slots[slot] = hour;
            }
            return Instant.ofEpochSecond(localSecond - hour.offsetSeconds);
        }

        /** The hour with its offset if no transition is near it, else null. */
        private Hour steadyHour(long localHour) {
            LocalDateTime start = LocalDateTime.ofEpochSecond(localHour * 3600, 0, ZoneOffset.UTC);
            ZoneOffset offset = rules.getOffset(start);
            Instant startInstant = start.toInstant(offset);
            ZoneOffsetTransition next = rules.nextTransition(startInstant.minus(MARGIN));
            Instant safeUntil = startInstant.plus(MARGIN).plusSeconds(3600);
            if (next != null && !next.getInstant().isAfter(safeUntil)) {
                return null;
            }
            return new Hour(localHour, offset.getTotalSeconds());
        }

        private Instant exactly(long localSecond) {
            LocalDateTime local = LocalDateTime.ofEpochSecond(localSecond, 0, ZoneOffset.UTC);
            return ZonedDateTime.of(local, zone).toInstant();
        }
    }

    private record Hour(long localHour, int offsetSeconds) {}
}
