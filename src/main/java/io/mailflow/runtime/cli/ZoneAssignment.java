package io.mailflow.runtime.cli;

import io.mailflow.core.line.HostZones;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One {@code --zone} value: {@code ZONE} for every host not named otherwise, or {@code HOST=ZONE}
 * for one host.
 *
 * @param host the host, or null for the default zone
 * @param zone the zone that host writes its log in
 */
record ZoneAssignment(String host, ZoneId zone) {

    /** The zones of all hosts: UTC unless a default zone is assigned. */
    static HostZones toHostZones(List<ZoneAssignment> assignments) {
        ZoneId defaultZone = null;
        Map<String, ZoneId> byHost = new HashMap<>();
        for (ZoneAssignment a : assignments) {
            if (a.host() == null) {
                if (defaultZone != null) {
                    throw new IllegalArgumentException(
                            "--zone: the default zone is given twice ("
                                    + defaultZone
                                    + ", "
                                    + a.zone()
                                    + "); give one ZONE and HOST=ZONE for the others");
                }
                defaultZone = a.zone();
            } else if (byHost.putIfAbsent(a.host(), a.zone()) != null) {
                throw new IllegalArgumentException(
                        "--zone: host '" + a.host() + "' is given more than one zone");
            }
        }
        return HostZones.of(defaultZone == null ? ZoneOffset.UTC : defaultZone, byHost);
    }

    /** Reads {@code ZONE} or {@code HOST=ZONE}; a bad value is a usage error naming it. */
    static final class Converter implements ITypeConverter<ZoneAssignment> {
        @Override
        public ZoneAssignment convert(String value) {
            int equals = value.indexOf('=');
            if (equals == 0) {
                throw new TypeConversionException(
                        "'" + value + "' names no host before '=' (expected HOST=ZONE)");
            }
            String host = equals < 0 ? null : value.substring(0, equals);
            return new ZoneAssignment(host, zone(value.substring(equals + 1)));
        }

        private static ZoneId zone(String id) {
            try {
                return ZoneId.of(id);
            } catch (DateTimeException e) {
                throw new TypeConversionException(
                        "unknown time zone '"
                                + id
                                + "' (expected a region such as Europe/Berlin or an offset"
                                + " such as +02:00)");
            }
        }
    }
}
