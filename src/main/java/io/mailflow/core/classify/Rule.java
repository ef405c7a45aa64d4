package io.mailflow.core.classify;

import java.util.List;

/**
 * One entry of a rule file: a text is put in {@code category} when it contains one of the phrases
 * (or when the rule has none), its enhanced status fits one of the status patterns (when the rule
 * has some) and its reply code is one of the reply codes (when the rule has some).
 *
 * @param id the name that a {@link Classification} reports and that an operator file overrides
 * @param category the category given to matching texts
 * @param phrases folded phrases, any one of which must occur in the folded text
 * @param statuses enhanced status patterns, one of which must fit
 * @param replies SMTP reply codes, one of which must be the text's
 * @param examples texts this rule must decide, checked when the file is loaded
 * @param file the rule file, as named in error messages
 * @param line the line of the file that starts the rule
 */
record Rule(
        String id,
        ErrorCategory category,
        List<String> phrases,
        List<StatusPattern> statuses,
        List<Integer> replies,
        List<Example> examples,
        String file,
        int line) {

    Rule {
        phrases = List.copyOf(phrases);
        statuses = List.copyOf(statuses);
        replies = List.copyOf(replies);
        examples = List.copyOf(examples);
    }

    /** Whether the codes found in a text satisfy this rule's status and reply conditions. */
    boolean acceptsCodes(SmtpCodes codes) {
        return acceptsStatus(codes) && acceptsReply(codes);
    }

    /** Whether this rule asks for nothing but codes. */
    boolean codesOnly() {
        return phrases.isEmpty();
    }

    private boolean acceptsStatus(SmtpCodes codes) {
        if (statuses.isEmpty()) {
            return true;
        }
        for (StatusPattern pattern : statuses) {
            if (pattern.matches(codes)) {
                return true;
            }
        }
        return false;
    }

    private boolean acceptsReply(SmtpCodes codes) {
        if (replies.isEmpty()) {
            return true;
        }
        for (int reply : replies) {
            if (reply == codes.reply()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A text the rule must decide, with where it was written.
     *
     * @param text the example error text
     * @param line its line in the rule file
     */
    record Example(String text, int line) {}
}
