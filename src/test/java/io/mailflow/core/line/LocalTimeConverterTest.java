package io.mailflow.core.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The cached zone conversion gives what {@link ZonedDateTime#of} gives, across DST changes. */
class LocalTimeConverterTest {
    private static final List<String> ZONES =
            List.of(
                    "Europe/Berlin",
                    "America/New_York",
                    "America/St_Johns",
                    "America/Sao_Paulo",
                    "Australia/Lord_Howe",
                    "Asia/Kolkata",
                    "Pacific/Apia",
                    "Europe/Moscow",
                    "UTC");
    private static final long FIRST_SECOND = 0;

    /** 2069-12-31T23:59:59, the last local time a two-digit year can name. */
    private static final long LAST_SECOND = 3_155_759_999L;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Europe/Berlin",
                "America/New_York",
                "America/St_Johns",
                "Australia/Lord_Howe",
                "Pacific/Apia",
                "Europe/Moscow"
            })
    void everySevenMinutesOfYearsWithZoneChanges_matchesZonedDateTime(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        LocalTimeConverter converter = new LocalTimeConverter(HostZones.all(zone));
        List<String> mismatches = new ArrayList<>();
        for (int year : new int[] {2003, 2011, 2014}) {
            long from = LocalDate.of(year, 1, 1).toEpochDay() * 86_400;
            long to = LocalDate.of(year + 1, 1, 1).toEpochDay() * 86_400;
            for (long second = from; second < to; second += 7 * 60 + 1) {
                Instant expected = zoned(second, zone);
                if (!converter.toInstant("h", second).equals(expected)) {
                    mismatches.add(local(second) + " expected " + expected);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void anyLocalTimeInAnyZone_matchesZonedDateTime() {
        qt().withExamples(2000)
                .forAll(longs().between(FIRST_SECOND, LAST_SECOND), arbitrary().pick(ZONES))
                .checkAssert(
                        (second, zoneName) -> {
                            ZoneId zone = ZoneId.of(zoneName);
                            LocalTimeConverter converter =
                                    new LocalTimeConverter(HostZones.all(zone));

                            assertThat(converter.toInstant("h", second))
                                    .isEqualTo(zoned(second, zone));
                        });
    }

    @Test
    void hostsSharingConverterAcrossThreads_eachGetTheirZone() {
        qt().withExamples(50)
                .forAll(longs().between(FIRST_SECOND, LAST_SECOND - 2_592_000))
                .checkAssert(start -> assertThat(wrongConversionsInParallel(start)).isZero());
    }

    /** Converts a month of local times from {@code start} for three hosts on many threads. */
    private static long wrongConversionsInParallel(long start) {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        ZoneId york = ZoneId.of("America/New_York");
        LocalTimeConverter converter =
                new LocalTimeConverter(
                        HostZones.of(ZoneOffset.UTC, Map.of("berlin", berlin, "york", york)));

        return LongStream.range(0, 30 * 24 * 6)
                .parallel()
                .map(i -> start + i * 599)
                .filter(
                        s ->
                                !converter.toInstant("berlin", s).equals(zoned(s, berlin))
                                        || !converter.toInstant("york", s).equals(zoned(s, york))
                                        || !converter
                                                .toInstant("x", s)
                                                .equals(Instant.ofEpochSecond(s)))
                .count();
    }

    private static Instant zoned(long localSecond, ZoneId zone) {
        return ZonedDateTime.of(local(localSecond), zone).toInstant();
    }

    private static LocalDateTime local(long localSecond) {
        return LocalDateTime.ofEpochSecond(localSecond, 0, ZoneOffset.UTC);
    }
}
