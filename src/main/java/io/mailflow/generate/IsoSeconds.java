package io.mailflow.generate;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes whole-second instants as ISO-8601 in UTC ({@code 2003-06-20T08:09:46Z}), the form the
 * shared JSON mapper gives them, working the date out once per day.
 */
final class IsoSeconds {
    private final char[] text = "0000-00-00T00:00:00Z".toCharArray();
    private long cachedDay = Long.MIN_VALUE;

    /** The instant's text; years must have four digits. */
    String format(Instant instant) {
        long second = instant.getEpochSecond();
        long day = Math.floorDiv(second, 86_400L);
        if (day != cachedDay) {
            cachedDay = day;
            LocalDate date = LocalDate.ofEpochDay(day);
            putDigits(0, date.getYear(), 4);
            putDigits(5, date.getMonthValue(), 2);
            putDigits(8, date.getDayOfMonth(), 2);
        }
        int ofDay = (int) (second - day * 86_400L);
        putDigits(11, ofDay / 3600, 2);
        putDigits(14, ofDay / 60 % 60, 2);
        putDigits(17, ofDay % 60, 2);
        return new String(text);
    }

    private void putDigits(int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
