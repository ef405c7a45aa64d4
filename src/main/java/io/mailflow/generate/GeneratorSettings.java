package io.mailflow.generate;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * What to generate. Logs are written in UTC, so their local times and the truth's instants agree.
 *
 * @param hosts how many hosts, at least 1
 * @param messages outgoing messages of all hosts together, at least 0; recipients, inbound mail and
 *     sessions scale with it
 * @param seed the seed; the same settings always give byte-identical files
 * @param start the first day of the logs; Web Crossing writes two-digit years, which mailflow reads
 *     as 1970-2069, so the logs must lie in those years
 * @param days how many days the logs span, 1 to {@value #MAX_DAYS}; deliveries expire or stall only
 *     in logs longer than the hold window plus one hour
 * @param holdHours Web Crossing's "Maximum number of hours to hold undeliverable email", at least 1
 * @param damagedShare damaged noise lines per real line, 0 to {@value #MAX_DAMAGED_SHARE}
 */
public record GeneratorSettings(
        int hosts,
        int messages,
        long seed,
        LocalDate start,
        int days,
        int holdHours,
        double damagedShare) {

    public static final long DEFAULT_SEED = 1;
    public static final LocalDate DEFAULT_START = LocalDate.of(2003, 6, 20);
    public static final int DEFAULT_DAYS = 4;
    public static final int DEFAULT_HOLD_HOURS = 48;
    public static final double DEFAULT_DAMAGED_SHARE = 0.002;
    public static final int MAX_DAYS = 366;
    public static final double MAX_DAMAGED_SHARE = 0.5;

    /** The earliest first day: two-digit years are read as 1970-2069. */
    public static final LocalDate EARLIEST_START = LocalDate.of(1970, 1, 1);

    /** The first day after the last one a two-digit year can name. */
    public static final LocalDate END_OF_TWO_DIGIT_YEARS = LocalDate.of(2070, 1, 1);

    public GeneratorSettings {
        Objects.requireNonNull(start, "start can't be null");
        require(hosts >= 1, "hosts", hosts, "at least 1");
        require(messages >= 0, "messages", messages, "at least 0");
        require(days >= 1 && days <= MAX_DAYS, "days", days, "from 1 to " + MAX_DAYS);
        require(holdHours >= 1, "holdHours", holdHours, "at least 1");
        require(
                damagedShare >= 0 && damagedShare <= MAX_DAMAGED_SHARE,
                "damagedShare",
                damagedShare,
                "from 0 to " + MAX_DAMAGED_SHARE);
        require(
                !start.isBefore(EARLIEST_START)
                        && !start.plusDays(days).isAfter(END_OF_TWO_DIGIT_YEARS),
                "start",
                start,
                "a first day from 1970-01-01 whose last day is in 2069 at the latest");
    }

    /** The defaults for everything but the number of hosts and messages. */
    public static GeneratorSettings of(int hosts, int messages) {
        return new GeneratorSettings(
                hosts,
                messages,
                DEFAULT_SEED,
                DEFAULT_START,
                DEFAULT_DAYS,
                DEFAULT_HOLD_HOURS,
                DEFAULT_DAMAGED_SHARE);
    }

    public GeneratorSettings withSeed(long newSeed) {
        return new GeneratorSettings(
                hosts, messages, newSeed, start, days, holdHours, damagedShare);
    }

    public GeneratorSettings withDays(int newDays) {
        return new GeneratorSettings(
                hosts, messages, seed, start, newDays, holdHours, damagedShare);
    }

    public GeneratorSettings withHoldHours(int newHoldHours) {
        return new GeneratorSettings(
                hosts, messages, seed, start, days, newHoldHours, damagedShare);
    }

    public GeneratorSettings withDamagedShare(double newShare) {
        return new GeneratorSettings(hosts, messages, seed, start, days, holdHours, newShare);
    }

    /** The first second of the logs, in epoch seconds. */
    long startSecond() {
        return start.atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    }

    /** The first second after the logs, in epoch seconds: nothing is written at or after it. */
    long endSecond() {
        return startSecond() + days * 86_400L;
    }

    long holdSeconds() {
        return holdHours * 3_600L;
    }

    private static void require(boolean valid, String field, Object value, String expected) {
        if (!valid) {
            throw new IllegalArgumentException(
                    field + " must be " + expected + ", but was " + value);
        }
    }
}
