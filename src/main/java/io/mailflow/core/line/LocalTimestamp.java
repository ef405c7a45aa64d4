package io.mailflow.core.line;

/**
 * Reads the {@code DD-Mon-YY HH:MM:SS} that starts every line into seconds since 1970-01-01T00:00
 * of the host's local clock. Web Crossing writes two-digit years: 70-99 are 1970-1999 and 00-69 are
 * 2000-2069, so every year read lies in 1970-2069.
 */
final class LocalTimestamp {
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    private static final int[] DAYS_BEFORE_MONTH = {
        0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334
    };
    private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    private static final String DATE_FORMAT = "DD-Mon-YY";
    private static final String TIME_FORMAT = "HH:MM:SS";

    private LocalTimestamp() {}

    /** Reads date, blanks and time, leaving the cursor after the time. */
    static long read(LineCursor c) {
        long epochDay = readDate(c);
        c.skipBlanks();
        return epochDay * 86_400 + readTime(c);
    }

    /** Days from 1970-01-01 to the date that starts at the cursor. */
    private static long readDate(LineCursor c) {
        int start = c.pos();
        int stop = c.wordEnd();
        int dash = c.indexOf('-', start, stop);
        if (dash < start + 1 || dash > start + 2 || stop - dash != 7 || c.charAt(dash + 4) != '-') {
            throw badDate(c, start, DATE_FORMAT);
        }
        int day = digits(c, start, dash);
        int month = month(c, dash + 1);
        int year = digits(c, dash + 5, stop);
        if (day < 0 || year < 0) {
            throw badDate(c, start, DATE_FORMAT);
        }
        if (month < 0) {
            throw badDate(c, start, "a month name (Jan to Dec) in " + DATE_FORMAT);
        }
        year += year >= 70 ? 1900 : 2000;
        if (day < 1 || day > daysInMonth(month, year)) {
            throw badDate(c, start, "a day of " + MONTHS[month] + " " + year);
        }
        c.moveTo(stop);
        return epochDay(year, month, day);
    }

    /** Seconds from midnight to the time that starts at the cursor. */
    private static int readTime(LineCursor c) {
        int start = c.pos();
        int stop = c.wordEnd();
        if (stop - start != TIME_FORMAT.length()
                || c.charAt(start + 2) != ':'
                || c.charAt(start + 5) != ':') {
            throw c.reject(RejectReason.BAD_TIME, "time", TIME_FORMAT, start);
        }
        int hour = digits(c, start, start + 2);
        int minute = digits(c, start + 3, start + 5);
        int second = digits(c, start + 6, stop);
        if (hour < 0 || minute < 0 || second < 0) {
            throw c.reject(RejectReason.BAD_TIME, "time", TIME_FORMAT, start);
        }
        if (hour > 23 || minute > 59 || second > 59) {
            throw c.reject(
                    RejectReason.BAD_TIME, "time", "a time of day 00:00:00 to 23:59:59", start);
        }
        c.moveTo(stop);
        return hour * 3600 + minute * 60 + second;
    }

    /** Days from 1970-01-01 to the given date of 1970-2069. */
    static long epochDay(int year, int month, int day) {
        // Within 1901-2099 every fourth year is a leap year, 2000 included.
        int leapYearsBefore = (year - 1) / 4 - 1969 / 4;
        int leapDay = month > 1 && isLeap(year) ? 1 : 0;
        return 365L * (year - 1970)
                + leapYearsBefore
                + DAYS_BEFORE_MONTH[month]
                + leapDay
                + day
                - 1;
    }

    private static int daysInMonth(int month, int year) {
        return month == 1 && isLeap(year) ? 29 : DAYS_IN_MONTH[month];
    }

    private static boolean isLeap(int year) {
        return year % 4 == 0;
    }

    /** The 0-based month whose name starts at {@code at}, ignoring case, or -1. */
    private static int month(LineCursor c, int at) {
        for (int m = 0; m < MONTHS.length; m++) {
            if (c.line().regionMatches(true, at, MONTHS[m], 0, 3)) {
                return m;
            }
        }
        return -1;
    }

    /** The value of the ASCII digits in {@code [from, to)}, or -1 if any is not a digit. */
    private static int digits(LineCursor c, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char ch = c.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    private static LineRejected badDate(LineCursor c, int start, String expected) {
        return c.reject(RejectReason.BAD_DATE, "date", expected, start);
    }
}
