package io.mailflow.runtime.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.mailflow.core.classify.Classification;
import io.mailflow.core.classify.ErrorCategory;
import io.mailflow.core.classify.ErrorClassifier;
import io.mailflow.core.classify.RuleFileException;
import io.mailflow.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mailflow classify}: puts delivery error texts in categories, to try the rules or an
 * operator's rule file by hand. Each text argument, or each line of standard input when there are
 * none, gives one JSON object on its own line of standard output, in input order.
 */
@Command(
        name = "classify",
        mixinStandardHelpOptions = true,
        description = {
            "Classifies delivery error texts, one JSON object per line on standard output:",
            "text, category, permanent, enhancedStatus, replyCode, rule."
        })
final class ClassifyCommand implements Callable<Integer> {
    private static final ObjectWriter WRITER = Json.mapper().writerFor(ClassifiedText.class);

    @Spec CommandSpec spec;

    @Option(
            names = "--rules",
            paramLabel = "FILE",
            description =
                    "Operator rule file on top of the built-in rules: a rule with a built-in id"
                            + " replaces it, any other is tried first.")
    Path rules;

    @Parameters(
            paramLabel = "TEXT",
            arity = "0..*",
            description = "Error texts; without any, each line of standard input is one.")
    List<String> texts = List.of();

    @Override
    public Integer call() {
        ErrorClassifier classifier = classifier();
        PrintWriter out = spec.commandLine().getOut();
        if (texts.isEmpty()) {
            classifyStandardInput(classifier, out);
        } else {
            texts.forEach(text -> print(out, classifier, text));
        }
        out.flush();
        return 0;
    }

    private ErrorClassifier classifier() {
        if (rules == null) {
            return ErrorClassifier.builtIn();
        }
        try {
            return ErrorClassifier.withRules(rules);
        } catch (RuleFileException e) {
            throw new UserException("rule file " + e.getMessage(), e);
        }
    }

    private static void classifyStandardInput(ErrorClassifier classifier, PrintWriter out) {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                print(out, classifier, line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }

    private static void print(PrintWriter out, ErrorClassifier classifier, String text) {
        try {
            out.println(
                    WRITER.writeValueAsString(ClassifiedText.of(text, classifier.classify(text))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a classification as JSON", e);
        }
    }

    /** One output line: the text as given and the classifier's verdict on it. */
    record ClassifiedText(
            String text,
            ErrorCategory category,
            boolean permanent,
            String enhancedStatus,
            Integer replyCode,
            String rule) {

        static ClassifiedText of(String text, Classification verdict) {
            return new ClassifiedText(
                    text,
                    verdict.category(),
                    verdict.permanent(),
                    verdict.enhancedStatus(),
                    verdict.replyCode(),
                    verdict.rule());
        }
    }
}
