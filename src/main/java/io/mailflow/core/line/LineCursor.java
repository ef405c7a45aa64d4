package io.mailflow.core.line;

/**
 * A position in one log line, with the scanning steps the parser is built from. A tab separates
 * words like a space; matching of keywords ignores case. Not thread-safe: one cursor per line.
 */
final class LineCursor {
    private static final int MAX_QUOTED = 24;

    private final String host;
    private final String line;
    private final int end;
    private int pos;
    private RejectReason stage = RejectReason.BAD_DATE;

    /**
     * @param host the server that wrote the line, for rejects
     * @param line the whole line, so that columns count from its first character
     * @param start the first character to read
     * @param end the index after the last non-blank character
     */
    LineCursor(String host, String line, int start, int end) {
        this.host = host;
        this.line = line;
        this.pos = start;
        this.end = end;
    }

    static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** Space, tab and the line terminators, all of which may trail a line. */
    static boolean isTrailingBlank(char c) {
        return isBlank(c) || c == '\r' || c == '\n' || c == '\f' || c == 0x0B;
    }

    /** Notes which part of the line is being read, for {@link #stage()}. */
    void enter(RejectReason part) {
        stage = part;
    }

    /** The reason that fits a failure at this point: the part being read. */
    RejectReason stage() {
        return stage;
    }

    String host() {
        return host;
    }

    String line() {
        return line;
    }

    int pos() {
        return pos;
    }

    int end() {
        return end;
    }

    void moveTo(int index) {
        pos = index;
    }

    char charAt(int index) {
        return line.charAt(index);
    }

    /** Moves past spaces and tabs. */
    void skipBlanks() {
        pos = firstNonBlank(pos, end);
    }

    /** The index after the word that starts at the cursor: the next blank, or the end. */
    int wordEnd() {
        return wordEnd(pos);
    }

    int wordEnd(int from) {
        int i = from;
        while (i < end && !isBlank(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Moves past {@code phrase} if the line continues with it, ignoring case; a space in the phrase
     * stands for one or more blanks.
     */
    boolean skipPhrase(String phrase) {
        int after = phraseEnd(pos, end, phrase);
        if (after < 0) {
            return false;
        }
        pos = after;
        return true;
    }

    /** Whether {@code [from, to)} holds exactly {@code phrase}, as {@link #skipPhrase} reads it. */
    boolean regionIsPhrase(int from, int to, String phrase) {
        return phraseEnd(from, to, phrase) == to;
    }

    /** Whether {@code [from, to)} starts with {@code phrase}, as {@link #skipPhrase} reads it. */
    boolean regionStartsWithPhrase(int from, int to, String phrase) {
        return phraseEnd(from, to, phrase) >= 0;
    }

    /** Whether the word {@code [from, to)} is {@code word}, ignoring case. */
    boolean regionIs(int from, int to, String word) {
        return to - from == word.length() && line.regionMatches(true, from, word, 0, word.length());
    }

    /** Whether the text just before {@code to} is {@code word}, ignoring case. */
    boolean endsWithAt(int to, String word, int notBefore) {
        int from = to - word.length();
        return from >= notBefore && line.regionMatches(true, from, word, 0, word.length());
    }

    /** The index of the first {@code c} in {@code [from, to)}, or -1. */
    int indexOf(char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (line.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the last {@code c} in {@code [from, to)}, or -1. */
    int lastIndexOf(char c, int from, int to) {
        for (int i = to - 1; i >= from; i--) {
            if (line.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    /** {@code [from, to)} without its leading and trailing blanks; never null. */
    String trimmed(int from, int to) {
        int start = firstNonBlank(from, to);
        return line.substring(start, afterLastNonBlank(start, to));
    }

    /**
     * A mail address in {@code [from, to)}: without blanks around it, and without one pair of
     * enclosing angle brackets unless nothing is inside them, so {@code <>} stays {@code <>}.
     */
    String address(int from, int to) {
        int start = firstNonBlank(from, to);
        int stop = afterLastNonBlank(start, to);
        if (stop - start > 2 && line.charAt(start) == '<' && line.charAt(stop - 1) == '>') {
            return trimmed(start + 1, stop - 1);
        }
        return line.substring(start, stop);
    }

    /** The index of the first non-blank in {@code [from, to)}, or {@code to}. */
    int firstNonBlank(int from, int to) {
        int i = from;
        while (i < to && isBlank(line.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The index after the last non-blank in {@code [from, to)}, or {@code from}. */
    int afterLastNonBlank(int from, int to) {
        int i = to;
        while (i > from && isBlank(line.charAt(i - 1))) {
            i--;
        }
        return i;
    }

    /** Whether {@code text} holds a space or tab. */
    static boolean hasBlank(String text) {
        return text.indexOf(' ') >= 0 || text.indexOf('\t') >= 0;
    }

    /**
     * A reject of this line, quoting the word found at {@code at}. Use it only where that word
     * cannot be a mail address.
     */
    LineRejected reject(RejectReason reason, String part, String expected, int at) {
        return rejectWith(reason, part, expected, at, ", found " + found(at));
    }

    /** A reject of this line that quotes nothing, for parts that may hold mail addresses. */
    LineRejected rejectQuietly(RejectReason reason, String part, String expected, int at) {
        return rejectWith(reason, part, expected, at, "");
    }

    private LineRejected rejectWith(
            RejectReason reason, String part, String expected, int at, String found) {
        int column = at + 1;
        String message = part + ": expected " + expected + " at column " + column + found;
        return new LineRejected(new LineReject(host, line, reason, column, expected, message));
    }

    private String found(int at) {
        if (at >= end) {
            return "end of line";
        }
        String word = line.substring(at, Math.min(wordEnd(at), at + MAX_QUOTED));
        if (word.indexOf('@') >= 0) {
            // Mail addresses are personal data and stay out of messages; the line has them.
            return "a word with '@'";
        }
        return "'" + word + "'";
    }

    /** The index after {@code phrase} read from {@code from}, or -1 if it is not there. */
    private int phraseEnd(int from, int to, String phrase) {
        int i = from;
        for (int k = 0; k < phrase.length(); k++) {
            char p = phrase.charAt(k);
            if (p == ' ') {
                if (i >= to || !isBlank(line.charAt(i))) {
                    return -1;
                }
                while (i < to && isBlank(line.charAt(i))) {
                    i++;
                }
            } else if (i < to && sameIgnoringCase(line.charAt(i), p)) {
                i++;
            } else {
                return -1;
            }
        }
        return i;
    }

    /** Whether {@code c} is {@code p}, or the same ASCII letter in the other case. */
    private static boolean sameIgnoringCase(char c, char p) {
        return c == p || isAsciiLetter(p) && (c | 0x20) == (p | 0x20);
    }

    static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
