package io.mailflow.generate;

import io.mailflow.generate.ErrorTexts.ErrorText;
import java.util.List;
import java.util.regex.Pattern;

/** Finds which catalogue text an error line's text was made from. */
final class Catalogue {
    private static final List<Pattern> PATTERNS =
            ErrorTexts.all().stream().map(Catalogue::pattern).toList();

    private Catalogue() {}

    /** The one catalogue text that {@code text} was rendered from; fails if not exactly one. */
    static ErrorText textOf(String text) {
        ErrorText found = null;
        for (int i = 0; i < PATTERNS.size(); i++) {
            if (PATTERNS.get(i).matcher(text).matches()) {
                if (found != null) {
                    throw new AssertionError("two catalogue texts match: " + text);
                }
                found = ErrorTexts.all().get(i);
            }
        }
        if (found == null) {
            throw new AssertionError("no catalogue text matches: " + text);
        }
        return found;
    }

    private static Pattern pattern(ErrorText text) {
        String[] parts = text.template().split("\\{[a-z]+\\}", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("\\S+");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }
}
