package io.mailflow.generate;

import java.time.LocalDate;

/**
 * Appends {@code DD-Mon-YY HH:MM:SS} for an epoch second in UTC, working the date out once per day:
 * a host's lines come in time order, so the day rarely changes.
 */
final class TimestampWriter {
    private long cachedDay = Long.MIN_VALUE;
    private final StringBuilder cachedDate = new StringBuilder(9);

    void append(StringBuilder out, long epochSecond) {
        long day = Math.floorDiv(epochSecond, 86_400L);
        if (day != cachedDay) {
            cachedDay = day;
            cachedDate.setLength(0);
            WebCrossingFormat.appendDate(cachedDate, LocalDate.ofEpochDay(day));
        }
        out.append(cachedDate).append(' ');
        WebCrossingFormat.appendTime(out, (int) (epochSecond - day * 86_400L));
    }
}
