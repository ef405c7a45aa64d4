package io.mailflow.core.line;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

/**
 * The time zone each host writes its log in. Web Crossing writes local times with no zone, so the
 * zone is configuration: one per host, with a default (UTC unless set) for the rest.
 */
public final class HostZones {
    private final ZoneId defaultZone;
    private final Map<String, ZoneId> byHost;

    private HostZones(ZoneId defaultZone, Map<String, ZoneId> byHost) {
        this.defaultZone = Objects.requireNonNull(defaultZone, "defaultZone can't be null");
        this.byHost = Map.copyOf(byHost);
    }

    /** Every host writes UTC. */
    public static HostZones utc() {
        return new HostZones(ZoneOffset.UTC, Map.of());
    }

    /** Every host writes in {@code zone}. */
    public static HostZones all(ZoneId zone) {
        return new HostZones(zone, Map.of());
    }

    /** The hosts in {@code byHost} write in their zone, all others in {@code defaultZone}. */
    public static HostZones of(ZoneId defaultZone, Map<String, ZoneId> byHost) {
        return new HostZones(defaultZone, byHost);
    }

    public ZoneId zoneOf(String host) {
        return byHost.getOrDefault(host, defaultZone);
    }
}
