package io.mailflow.generate;

import java.time.LocalDate;

/**
 * Appends {@code DD-Mon-YY HH:MM:SS} for an epoch second in UTC. The text is kept between calls: a
 * host's lines come in time order, so the date is worked out again only when the day changes.
 */
final class TimestampWriter {
    private static final int TIME_AT = 10;

    private final char[] text = "01-Jan-00 00:00:00".toCharArray();
    private long cachedDay = Long.MIN_VALUE;

    void append(StringBuilder out, long epochSecond) {
        long day = Math.floorDiv(epochSecond, 86_400L);
        if (day != cachedDay) {
            cachedDay = day;
            StringBuilder date = new StringBuilder(9);
            WebCrossingFormat.appendDate(date, LocalDate.ofEpochDay(day));
            date.getChars(0, date.length(), text, 0);
        }
        int ofDay = (int) (epochSecond - day * 86_400L);
        putTwoDigits(TIME_AT, ofDay / 3600);
        putTwoDigits(TIME_AT + 3, ofDay / 60 % 60);
        putTwoDigits(TIME_AT + 6, ofDay % 60);
        out.append(text);
    }

    private void putTwoDigits(int at, int value) {
        text[at] = (char) ('0' + value / 10);
        text[at + 1] = (char) ('0' + value % 10);
    }
}
