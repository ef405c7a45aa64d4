package io.mailflow.core.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads the rule file format: a rule starts with {@code rule <id>} and is followed by its {@code
 * category}, any number of {@code phrase}, {@code status} and {@code reply} lines, and at least one
 * {@code example}. Lines starting with {@code #} are comments. The first word of a line is its
 * keyword, the rest of the line its value, so phrases need no quoting and may hold {@code #}.
 * Indentation is for the reader only.
 */
final class RuleFileParser {
    private final String file;
    private final List<Rule> rules = new ArrayList<>();
    private final Map<String, Integer> firstLineOfId = new HashMap<>();
    private Draft draft;

    private RuleFileParser(String file) {
        this.file = file;
    }

    /**
     * The rules of a file, in file order.
     *
     * @param file the file's name for error messages
     * @param lines its lines
     * @throws RuleFileException naming the line and the problem when the file is malformed
     */
    static List<Rule> parse(String file, List<String> lines) {
        RuleFileParser parser = new RuleFileParser(file);
        for (int i = 0; i < lines.size(); i++) {
            parser.line(i + 1, lines.get(i).strip());
        }
        parser.finishRule();
        return List.copyOf(parser.rules);
    }

    private void line(int number, String text) {
        if (text.isEmpty() || text.startsWith("#")) {
            return;
        }
        int space = firstSpace(text);
        String word = text.substring(0, space);
        String value = text.substring(space).strip();
        Keyword keyword = Keyword.named(word).orElseThrow(() -> unknownKeyword(number, word));
        if (value.isEmpty()) {
            throw problem(number, "'" + word + "' needs a value after it");
        }
        if (keyword == Keyword.RULE) {
            startRule(number, value);
        } else if (draft == null) {
            throw problem(number, "'" + word + "' before any 'rule <id>' line");
        } else {
            addToRule(number, keyword, value);
        }
    }

    private void startRule(int number, String id) {
        finishRule();
        if (!isValidId(id)) {
            throw problem(
                    number,
                    "rule id '" + id + "' is not valid; expected letters, digits, '.', '-' or '_'");
        }
        Integer first = firstLineOfId.putIfAbsent(id, number);
        if (first != null) {
            throw problem(number, "duplicate rule id '" + id + "'; first defined on line " + first);
        }
        draft = new Draft(id, number);
    }

    private void addToRule(int number, Keyword keyword, String value) {
        switch (keyword) {
            case CATEGORY -> setCategory(number, value);
            case PHRASE -> addPhrase(number, value);
            case STATUS -> addStatuses(number, value);
            case REPLY -> addReplies(number, value);
            case EXAMPLE -> draft.examples.add(new Rule.Example(value, number));
            case RULE -> throw new IllegalStateException("a rule line is handled by startRule");
        }
    }

    private void setCategory(int number, String value) {
        if (draft.category != null) {
            throw problem(number, "rule '" + draft.id + "' has a second category");
        }
        draft.category =
                Arrays.stream(ErrorCategory.values())
                        .filter(c -> c.name().equals(value.toUpperCase(Locale.ROOT)))
                        .findFirst()
                        .orElseThrow(() -> unknownCategory(number, value));
    }

    private void addPhrase(int number, String value) {
        String phrase = TextFold.normalise(value);
        if (phrase.isEmpty()) {
            throw problem(number, "phrase is empty");
        }
        draft.phrases.add(phrase);
    }

    private void addStatuses(int number, String value) {
        for (String token : value.split("\\s+")) {
            Optional<StatusPattern> pattern = StatusPattern.parse(token);
            if (pattern.isEmpty()) {
                throw problem(
                        number,
                        "status '"
                                + token
                                + "' is not valid; expected class.subject.detail such as 5.1.1"
                                + " (class 4 or 5, subject 0-7, * for any part)");
            }
            draft.statuses.add(pattern.get());
        }
    }

    private void addReplies(int number, String value) {
        for (String token : value.split("\\s+")) {
            int reply = parseReply(token);
            if (reply < 400 || reply > 599) {
                throw problem(
                        number,
                        "reply '"
                                + token
                                + "' is not valid; expected an SMTP code from 400 to 599");
            }
            draft.replies.add(reply);
        }
    }

    private static int parseReply(String token) {
        if (token.length() != 3 || !token.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Integer.parseInt(token);
    }

    private void finishRule() {
        if (draft == null) {
            return;
        }
        if (draft.category == null) {
            throw problem(draft.line, "rule '" + draft.id + "' has no category");
        }
        if (draft.phrases.isEmpty() && draft.statuses.isEmpty() && draft.replies.isEmpty()) {
            throw problem(
                    draft.line, "rule '" + draft.id + "' has no phrase, status or reply to match");
        }
        if (draft.examples.isEmpty()) {
            throw problem(draft.line, "rule '" + draft.id + "' has no example");
        }
        rules.add(draft.toRule(file));
        draft = null;
    }

    private RuleFileException unknownKeyword(int number, String word) {
        return problem(
                number, "unknown keyword '" + word + "'; expected one of " + Keyword.listed());
    }

    private RuleFileException unknownCategory(int number, String value) {
        String known =
                Arrays.stream(ErrorCategory.values())
                        .map(Enum::name)
                        .collect(Collectors.joining(", "));
        return problem(number, "unknown category '" + value + "'; expected one of " + known);
    }

    private RuleFileException problem(int number, String problem) {
        return new RuleFileException(file, number, problem);
    }

    private static int firstSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return text.length();
    }

    private static boolean isValidId(String id) {
        return id.chars()
                .allMatch(c -> c < 128 && (Character.isLetterOrDigit(c) || "._-".indexOf(c) >= 0));
    }

    /** The words a line may start with. */
    private enum Keyword {
        RULE,
        CATEGORY,
        PHRASE,
        STATUS,
        REPLY,
        EXAMPLE;

        static Optional<Keyword> named(String word) {
            return Arrays.stream(values()).filter(k -> k.word().equals(word)).findFirst();
        }

        static String listed() {
            return Arrays.stream(values()).map(Keyword::word).collect(Collectors.joining(", "));
        }

        String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A rule while its lines are read. */
    private static final class Draft {
        final String id;
        final int line;
        final List<String> phrases = new ArrayList<>();
        final List<StatusPattern> statuses = new ArrayList<>();
        final List<Integer> replies = new ArrayList<>();
        final List<Rule.Example> examples = new ArrayList<>();
        ErrorCategory category;

        Draft(String id, int line) {
            this.id = id;
            this.line = line;
        }

        Rule toRule(String file) {
            return new Rule(id, category, phrases, statuses, replies, examples, file, line);
        }
    }
}
