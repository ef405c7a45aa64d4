package io.mailflow.core.classify;

import java.util.Optional;

/**
 * An enhanced status code a rule asks for, such as {@code 5.1.1}, where any part may be {@code *}
 * to accept every value: {@code *.2.2} is a full mailbox whether the server defers or refuses.
 *
 * @param statusClass 4 or 5, or {@link #ANY}
 * @param subject 0 to 7, or {@link #ANY}
 * @param detail 0 to 999, or {@link #ANY}
 */
record StatusPattern(int statusClass, int subject, int detail) {
    /** Stands for a {@code *} part. */
    static final int ANY = -1;

    /** The pattern written as {@code class.subject.detail}, or empty when it is not one. */
    static Optional<StatusPattern> parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        int statusClass = part(parts[0], 5);
        int subject = part(parts[1], 7);
        int detail = part(parts[2], 999);
        boolean valid =
                (statusClass == ANY || statusClass == 4 || statusClass == 5)
                        && subject >= ANY
                        && detail >= ANY;
        return valid
                ? Optional.of(new StatusPattern(statusClass, subject, detail))
                : Optional.empty();
    }

    /** Whether the status found in a text fits this pattern; false when the text has none. */
    boolean matches(SmtpCodes codes) {
        return codes.status() != null
                && fits(statusClass, codes.statusClass())
                && fits(subject, codes.statusSubject())
                && fits(detail, codes.statusDetail());
    }

    @Override
    public String toString() {
        return show(statusClass) + "." + show(subject) + "." + show(detail);
    }

    /** The part's value, {@link #ANY} for {@code *}, or -2 when it is not a number up to max. */
    private static int part(String text, int max) {
        if (text.equals("*")) {
            return ANY;
        }
        if (text.isEmpty() || text.length() > 3 || !text.chars().allMatch(Character::isDigit)) {
            return -2;
        }
        int value = Integer.parseInt(text);
        return value <= max ? value : -2;
    }

    private static boolean fits(int wanted, int found) {
        return wanted == ANY || wanted == found;
    }

    private static String show(int part) {
        return part == ANY ? "*" : Integer.toString(part);
    }
}
