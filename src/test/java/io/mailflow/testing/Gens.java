package io.mailflow.testing;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Generators QuickTheories does not offer ready-made: strings over a chosen alphabet, strings of
 * any character, byte arrays of any content and texts glued from given fragments.
 */
public final class Gens {
    /** The ASCII letters and digits. */
    public static final String ALPHANUMERIC =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /**
     * The UTF-16 units that stand for a character by themselves, as inclusive ranges: everything
     * but surrogate halves, private use and the noncharacters. A half surrogate would not survive a
     * round trip through UTF-8, so a test comparing a line with its bytes would fail on the
     * generator, not on the code under test.
     */
    private static final char[][] WHOLE_CHARS = {
        {'\u0000', '\ud7ff'}, {'\uf900', '\ufdcf'}, {'\ufdf0', '\ufffd'}
    };

    private static final int WHOLE_CHAR_COUNT = wholeCharCount();

    private Gens() {}

    /** Characters taken evenly from {@code alphabet}. */
    public static Gen<Character> charsOf(String alphabet) {
        if (alphabet.isEmpty()) {
            throw new IllegalArgumentException("alphabet is empty; expected at least one char");
        }
        return arbitrary().pick(alphabet.chars().mapToObj(c -> (char) c).toList());
    }

    /**
     * Strings of {@code minLength} to {@code maxLength} chars, each taken from {@code alphabet}.
     */
    public static Gen<String> stringsOf(String alphabet, int minLength, int maxLength) {
        return strings(charsOf(alphabet), minLength, maxLength);
    }

    /** Strings of {@code minLength} to {@code maxLength} chars, each drawn from {@code chars}. */
    public static Gen<String> strings(Gen<Character> chars, int minLength, int maxLength) {
        return lists().of(chars).ofSizeBetween(minLength, maxLength).map(Gens::join);
    }

    /** Any char that is a whole character: no surrogate half, noncharacter or private use. */
    public static Gen<Character> anyChars() {
        return integers().between(0, WHOLE_CHAR_COUNT - 1).map(Gens::wholeChar);
    }

    /** Strings of up to {@code maxLength} chars of any kind {@link #anyChars()} gives. */
    public static Gen<String> anyStrings(int maxLength) {
        return strings(anyChars(), 0, maxLength);
    }

    /** Byte arrays of up to {@code maxLength} bytes of any value. */
    public static Gen<byte[]> anyBytes(int maxLength) {
        return Generate.byteArrays(
                integers().between(0, maxLength),
                Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
    }

    /** Texts of up to {@code maxParts} fragments, each taken evenly from {@code fragments}. */
    public static Gen<String> concatenations(List<String> fragments, int maxParts) {
        return lists().of(arbitrary().pick(fragments))
                .ofSizeBetween(0, maxParts)
                .map(parts -> String.join("", parts));
    }

    private static String join(List<Character> chars) {
        StringBuilder text = new StringBuilder(chars.size());
        chars.forEach(text::append);
        return text.toString();
    }

    private static char wholeChar(int index) {
        int rest = index;
        for (char[] range : WHOLE_CHARS) {
            int size = range[1] - range[0] + 1;
            if (rest < size) {
                return (char) (range[0] + rest);
            }
            rest -= size;
        }
        throw new IllegalArgumentException(
                "char index "
                        + index
                        + " is past the last whole char; expected < "
                        + WHOLE_CHAR_COUNT);
    }

    private static int wholeCharCount() {
        int count = 0;
        for (char[] range : WHOLE_CHARS) {
            count += range[1] - range[0] + 1;
        }
        return count;
    }
}
