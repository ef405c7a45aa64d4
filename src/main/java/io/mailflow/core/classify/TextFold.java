package io.mailflow.core.classify;

/**
 * Folds error text and rule phrases the same way, so that matching ignores case, runs of whitespace
 * and typographic variants of apostrophes and dashes that mail servers and word processors put into
 * the same sentence.
 */
final class TextFold {
    /** What any whitespace or control character folds to. */
    static final char SPACE = ' ';

    private TextFold() {}

    /** The folded form of one character; whitespace and control characters become a space. */
    static char fold(char c) {
        if (c < 0x80) {
            if (c <= SPACE || c == 0x7f) {
                return SPACE;
            }
            return c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
        }
        return foldNonAscii(c);
    }

    private static char foldNonAscii(char c) {
        switch (c) {
            case '\u2018', '\u2019', '\u201b', '\u00b4' -> {
                return '\'';
            }
            case '\u201c', '\u201d' -> {
                return '"';
            }
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212' -> {
                return '-';
            }
            default -> {
                if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                    return SPACE;
                }
                return Character.toLowerCase(c);
            }
        }
    }

    /** The whole text folded, with runs of spaces collapsed and the ends trimmed. */
    static String normalise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean lastWasSpace = true;
        for (int i = 0; i < text.length(); i++) {
            char c = fold(text.charAt(i));
            if (c == SPACE && lastWasSpace) {
                continue;
            }
            out.append(c);
            lastWasSpace = c == SPACE;
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == SPACE) {
            out.setLength(end - 1);
        }
        return out.toString();
    }
}
