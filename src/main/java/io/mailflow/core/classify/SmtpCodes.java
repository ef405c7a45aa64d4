package io.mailflow.core.classify;

/**
 * The SMTP reply code and the RFC 3463 enhanced status code found in an error text. Web Crossing
 * quotes the remote server's reply inside its own words, and qmail writes the status alone in the
 * form {@code (#5.1.1)}, so both are looked for anywhere in the text, by hand rather than by
 * regular expression because this runs once per error line.
 *
 * @param reply the first reply code from 400 to 599, or 0 when the text has none
 * @param status the first enhanced status code of class 4 or 5, or null when the text has none
 * @param statusClass the class digit of {@code status}, or 0
 * @param statusSubject the subject number of {@code status}, or 0
 * @param statusDetail the detail number of {@code status}, or 0
 */
record SmtpCodes(int reply, String status, int statusClass, int statusSubject, int statusDetail) {
    /** What a text without any code yields. */
    static final SmtpCodes NONE = new SmtpCodes(0, null, 0, 0, 0);

    /** Subjects above 7 are not defined by RFC 3463; "4.16.55" is a version, not a status. */
    private static final int HIGHEST_SUBJECT = 7;

    /** Finds the first reply code and the first enhanced status code in the text. */
    static SmtpCodes find(String text) {
        int reply = findReply(text);
        int at = findStatus(text, 0);
        if (at < 0) {
            return reply == 0 ? NONE : new SmtpCodes(reply, null, 0, 0, 0);
        }
        return status(reply, text.substring(at, statusEnd(text, at)));
    }

    /** Whether retrying cannot help, judged from the codes alone; null when there are none. */
    Boolean permanent() {
        if (reply != 0) {
            return reply >= 500;
        }
        return statusClass == 0 ? null : statusClass == 5;
    }

    /** The class digit the codes put the failure in: the reply's first, else the status's. */
    int failureClass() {
        return reply != 0 ? reply / 100 : statusClass;
    }

    private static SmtpCodes status(int reply, String status) {
        int firstDot = status.indexOf('.');
        int secondDot = status.indexOf('.', firstDot + 1);
        return new SmtpCodes(
                reply,
                status,
                status.charAt(0) - '0',
                Integer.parseInt(status, firstDot + 1, secondDot, 10),
                Integer.parseInt(status, secondDot + 1, status.length(), 10));
    }

    private static int findStatus(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (statusEnd(text, i) > 0) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The end of an enhanced status code starting at {@code i}, or -1. The code must stand alone:
     * digits or dots around it mean an IP address or a version number.
     */
    private static int statusEnd(String text, int i) {
        char c = text.charAt(i);
        if ((c != '4' && c != '5') || !standsAloneBefore(text, i)) {
            return -1;
        }
        int subjectEnd = digitsEnd(text, i + 2);
        if (!charIs(text, i + 1, '.') || subjectEnd < 0 || !charIs(text, subjectEnd, '.')) {
            return -1;
        }
        if (Integer.parseInt(text, i + 2, subjectEnd, 10) > HIGHEST_SUBJECT) {
            return -1;
        }
        int detailEnd = digitsEnd(text, subjectEnd + 1);
        return detailEnd > 0 && standsAloneAfter(text, detailEnd) ? detailEnd : -1;
    }

    private static int findReply(String text) {
        int last = text.length() - 3;
        for (int i = 0; i <= last; i++) {
            if (isReplyAt(text, i)) {
                return (text.charAt(i) - '0') * 100
                        + (text.charAt(i + 1) - '0') * 10
                        + (text.charAt(i + 2) - '0');
            }
        }
        return 0;
    }

    /**
     * Whether a reply code starts at {@code i}. Three digits alone are not enough ("within 480
     * hour(s)"): the code must be followed by a status of its own class, as in "550 5.1.1" or
     * "550-5.1.1", or begin the remote's words, after an opening parenthesis or a colon.
     */
    private static boolean isReplyAt(String text, int i) {
        char c = text.charAt(i);
        if ((c != '4' && c != '5') || !isReplyShape(text, i) || !standsAloneBefore(text, i)) {
            return false;
        }
        int next = i + 3;
        if (next == text.length()) {
            return opensRemoteWords(text, i);
        }
        char after = text.charAt(next);
        if ((after == ' ' || after == '-')
                && statusOfClassAt(text, skipSpaces(text, next + 1), c)) {
            return true;
        }
        return (after == ' ' || after == '-' || after == ')') && opensRemoteWords(text, i);
    }

    private static boolean statusOfClassAt(String text, int i, char statusClass) {
        return i < text.length() && text.charAt(i) == statusClass && statusEnd(text, i) > 0;
    }

    private static int skipSpaces(String text, int from) {
        int i = from;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i;
    }

    private static boolean isReplyShape(String text, int i) {
        char second = text.charAt(i + 1);
        return second >= '0' && second <= '5' && isDigit(text.charAt(i + 2));
    }

    private static boolean opensRemoteWords(String text, int i) {
        int j = i - 1;
        while (j >= 0 && text.charAt(j) == ' ') {
            j--;
        }
        if (j < 0) {
            return true;
        }
        char before = text.charAt(j);
        return before == '(' || before == ':' || before == '"' || before == '\'' || before == '[';
    }

    private static boolean standsAloneBefore(String text, int i) {
        if (i == 0) {
            return true;
        }
        char before = text.charAt(i - 1);
        return before != '.' && !Character.isLetterOrDigit(before);
    }

    private static boolean standsAloneAfter(String text, int end) {
        if (end == text.length()) {
            return true;
        }
        char after = text.charAt(end);
        if (after == '.') {
            return end + 1 == text.length() || !isDigit(text.charAt(end + 1));
        }
        return !Character.isLetterOrDigit(after);
    }

    /** The end of one to three digits starting at {@code from}, or -1. */
    private static int digitsEnd(String text, int from) {
        int end = from;
        while (end < text.length() && end - from < 3 && isDigit(text.charAt(end))) {
            end++;
        }
        boolean tooLong = end < text.length() && isDigit(text.charAt(end));
        return end == from || tooLong ? -1 : end;
    }

    private static boolean charIs(String text, int i, char c) {
        return i < text.length() && text.charAt(i) == c;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
