package io.mailflow.core.classify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Puts a delivery error text in an {@link ErrorCategory} by an ordered list of rules, the first
 * matching rule deciding. The rules come from {@code rules.txt} beside this class, optionally with
 * an operator's file on top: an operator rule with a built-in rule's id replaces it in place, any
 * other operator rule is tried before all built-in ones.
 *
 * <p>Permanence comes from the codes in the text when it has any (a 4xx reply or 4.x.x status is
 * transient, a 5xx or 5.x.x permanent), else from the category; an expired delivery is always
 * final. Instances are immutable and thread-safe; {@link #classify} never throws.
 */
public final class ErrorClassifier {
    /** The rule id reported when no rule matched or there was no text. */
    public static final String NO_RULE = "none";

    static final String BUILT_IN_FILE = "io/mailflow/core/classify/rules.txt";

    private static final Classification NOTHING =
            new Classification(ErrorCategory.UNCLASSIFIED, false, null, null, NO_RULE);

    private static volatile ErrorClassifier builtIn;

    private final Rule[] rules;
    private final int[] codesOnlyRules;
    private final PhraseMatcher matcher;

    private ErrorClassifier(List<Rule> rules) {
        this.rules = rules.toArray(Rule[]::new);
        this.codesOnlyRules =
                IntStream.range(0, this.rules.length)
                        .filter(i -> this.rules[i].codesOnly())
                        .toArray();
        this.matcher = new PhraseMatcher(rules.stream().map(Rule::phrases).toList());
    }

    /**
     * The classifier with the built-in rules only, loaded and checked on first use.
     *
     * @throws RuleFileException if the built-in file is broken, which the build's tests prevent
     */
    public static ErrorClassifier builtIn() {
        ErrorClassifier loaded = builtIn;
        if (loaded == null) {
            synchronized (ErrorClassifier.class) {
                if (builtIn == null) {
                    builtIn = loadBuiltIn();
                }
                loaded = builtIn;
            }
        }
        return loaded;
    }

    /**
     * The built-in rules with an operator's file on top. Only the operator's examples are checked
     * against the result: an operator rule may take, on purpose, a text that a built-in rule's
     * example shows.
     *
     * @throws RuleFileException naming the file, the line and the problem when the file cannot be
     *     read, is malformed, or has an example its own rule does not decide
     */
    public static ErrorClassifier withRules(Path operatorFile) {
        String name = operatorFile.toString();
        List<Rule> operatorRules = RuleFileParser.parse(name, readLines(operatorFile, name));
        ErrorClassifier classifier = new ErrorClassifier(merge(builtIn().rules(), operatorRules));
        classifier.checkExamples(operatorRules);
        return classifier;
    }

    /** The verdict on one error text; UNCLASSIFIED for null, empty or unmatched text. */
    public Classification classify(String text) {
        if (text == null || text.isEmpty()) {
            return NOTHING;
        }
        SmtpCodes codes = SmtpCodes.find(text);
        int best = firstCodesOnlyRule(codes);
        best = matcher.lowestMatch(text, best, rule -> rules[rule].acceptsCodes(codes));
        return verdict(best < rules.length ? rules[best] : null, codes);
    }

    /** The rules in the order they are tried. */
    List<Rule> rules() {
        return List.of(rules);
    }

    private int firstCodesOnlyRule(SmtpCodes codes) {
        if (codes != SmtpCodes.NONE) {
            for (int rule : codesOnlyRules) {
                if (rules[rule].acceptsCodes(codes)) {
                    return rule;
                }
            }
        }
        return rules.length;
    }

    private static Classification verdict(Rule rule, SmtpCodes codes) {
        if (rule == null && codes == SmtpCodes.NONE) {
            return NOTHING;
        }
        ErrorCategory category = rule == null ? ErrorCategory.UNCLASSIFIED : rule.category();
        Boolean permanentByCodes = codes.permanent();
        boolean permanent =
                category.endsDelivery()
                        || (permanentByCodes != null
                                ? permanentByCodes
                                : category.permanentByDefault());
        return new Classification(
                category,
                permanent,
                codes.status() != null ? codes.status() : usualStatus(category, codes),
                codes.reply() != 0 ? codes.reply() : null,
                rule == null ? NO_RULE : rule.id());
    }

    /**
     * The category's usual status, in the class of the reply code when there is one, so that a "452
     * mailbox full" is reported as 4.2.2 rather than a contradictory 5.2.2.
     */
    private static String usualStatus(ErrorCategory category, SmtpCodes codes) {
        String usual = category.usualStatus();
        if (usual == null || codes.reply() == 0) {
            return usual;
        }
        return codes.failureClass() + usual.substring(1);
    }

    private void checkExamples(List<Rule> toCheck) {
        for (Rule rule : toCheck) {
            for (Rule.Example example : rule.examples()) {
                Classification got = classify(example.text());
                if (!got.rule().equals(rule.id())) {
                    throw new RuleFileException(
                            rule.file(),
                            example.line(),
                            "example is classified "
                                    + got.category()
                                    + " by rule '"
                                    + got.rule()
                                    + "'; expected "
                                    + rule.category()
                                    + " by rule '"
                                    + rule.id()
                                    + "'");
                }
            }
        }
    }

    private static List<Rule> merge(List<Rule> builtIn, List<Rule> operator) {
        Map<String, Rule> byId =
                operator.stream().collect(Collectors.toMap(Rule::id, Function.identity()));
        List<String> builtInIds = builtIn.stream().map(Rule::id).toList();
        List<Rule> merged = new ArrayList<>();
        operator.stream().filter(r -> !builtInIds.contains(r.id())).forEach(merged::add);
        builtIn.forEach(r -> merged.add(byId.getOrDefault(r.id(), r)));
        return merged;
    }

    private static List<String> readLines(Path file, String name) {
        try {
            return withoutByteOrderMark(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new RuleFileException(name, 0, "no such file", e);
        } catch (AccessDeniedException e) {
            throw new RuleFileException(name, 0, "not readable: permission denied", e);
        } catch (CharacterCodingException e) {
            throw new RuleFileException(name, 0, "not UTF-8 text", e);
        } catch (IOException e) {
            throw new RuleFileException(name, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** Editors on Windows often start a UTF-8 file with a byte order mark; it is no keyword. */
    private static List<String> withoutByteOrderMark(List<String> lines) {
        if (lines.isEmpty() || !lines.get(0).startsWith("\uFEFF")) {
            return lines;
        }
        List<String> copy = new ArrayList<>(lines);
        copy.set(0, copy.get(0).substring(1));
        return copy;
    }

    private static ErrorClassifier loadBuiltIn() {
        ErrorClassifier classifier =
                new ErrorClassifier(RuleFileParser.parse(BUILT_IN_FILE, readBuiltIn()));
        classifier.checkExamples(classifier.rules());
        return classifier;
    }

    private static List<String> readBuiltIn() {
        try (InputStream in = ErrorClassifier.class.getResourceAsStream("rules.txt")) {
            if (in == null) {
                throw new RuleFileException(BUILT_IN_FILE, 0, "missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUILT_IN_FILE, e);
        }
    }
}
