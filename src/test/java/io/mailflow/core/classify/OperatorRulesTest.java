package io.mailflow.core.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** An operator's rule file on top of the built-in one, and the ways it can be broken. */
class OperatorRulesTest {
    @TempDir Path dir;

    @Test
    void ruleWithBuiltInId_replacesThatRuleInPlace() throws IOException {
        Path file =
                write(
                        "# This site reads a bare disconnect as a dead address.",
                        "rule webcrossing.disconnected",
                        "  category RECIPIENT_UNKNOWN",
                        "  phrase   disconnected from:",
                        "  example  Disconnected from: 192.0.2.7");

        ErrorClassifier classifier = ErrorClassifier.withRules(file);

        assertThat(classifier.classify("Disconnected from: 192.0.2.9"))
                .isEqualTo(
                        new Classification(
                                ErrorCategory.RECIPIENT_UNKNOWN,
                                true,
                                "5.1.1",
                                null,
                                "webcrossing.disconnected"));
        assertThat(classifier.classify("Internet address disconnected.").rule())
                .as("the replaced rule's other phrase is gone")
                .isEqualTo(ErrorClassifier.NO_RULE);
        assertThat(classifier.classify("Connect error (Internet address disconnected.)").rule())
                .as("an earlier built-in rule still comes first")
                .isEqualTo("webcrossing.connect-error");
        assertThat(ids(classifier)).isEqualTo(ids(ErrorClassifier.builtIn()));
    }

    @Test
    void newRule_isTriedBeforeBuiltInRules() throws IOException {
        Path file =
                write(
                        "rule acme.closed-accounts",
                        "  category MAILBOX_DISABLED",
                        "  phrase   user unknown",
                        "  status   5.1.1",
                        "  example  550 5.1.1 <old@acme.example>... User unknown");

        ErrorClassifier classifier = ErrorClassifier.withRules(file);

        Classification withStatus =
                classifier.classify(
                        "Mail delivery error (550 5.1.1 <x@acme.example>... User unknown)");
        assertThat(withStatus.category()).isEqualTo(ErrorCategory.MAILBOX_DISABLED);
        assertThat(withStatus.rule()).isEqualTo("acme.closed-accounts");
        assertThat(classifier.classify("<x@acme.example>... User unknown").rule())
                .as("without the status the built-in rule decides")
                .isEqualTo("recipient.unknown");
        assertThat(ids(classifier).get(0)).isEqualTo("acme.closed-accounts");
        assertThat(ids(classifier)).hasSize(ids(ErrorClassifier.builtIn()).size() + 1);
    }

    @Test
    void operatorFile_leavesBuiltInClassifierAlone() throws IOException {
        Path file =
                write(
                        "rule recipient.unknown",
                        "  category SPAM_REJECTED",
                        "  phrase   user unknown",
                        "  example  User unknown");

        ErrorClassifier.withRules(file);

        assertThat(ErrorClassifier.builtIn().classify("User unknown").category())
                .isEqualTo(ErrorCategory.RECIPIENT_UNKNOWN);
    }

    @Test
    void fileWithByteOrderMarkCommentsAndNoIndentation_isRead() throws IOException {
        Path file = dir.resolve("bom.rules");
        Files.writeString(
                file,
                "\uFEFF# saved by a Windows editor\r\n\r\nrule acme.vacation\r\ncategory"
                        + " MAILBOX_DISABLED\r\nphrase on vacation until\r\nexample I am on"
                        + " vacation until Monday\r\n",
                StandardCharsets.UTF_8);

        assertThat(ErrorClassifier.withRules(file).classify("On  VACATION until May").rule())
                .isEqualTo("acme.vacation");
    }

    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                arguments(
                        List.of("rule a", "  category NOT_A_THING", "  phrase x", "  example x"),
                        2,
                        "unknown category 'NOT_A_THING'; expected one of RECIPIENT_UNKNOWN,"),
                arguments(
                        List.of("rule a", "  category SPAM_REJECTED", "  phrases x", "  example x"),
                        3,
                        "unknown keyword 'phrases'; expected one of rule, category, phrase,"),
                arguments(
                        List.of("", "rule a", "  category SPAM_REJECTED", "  example x"),
                        2,
                        "rule 'a' has no phrase, status or reply to match"),
                arguments(
                        List.of(
                                "rule a",
                                "  category SPAM_REJECTED",
                                "  phrase x",
                                "  example x",
                                "rule a",
                                "  category SPAM_REJECTED",
                                "  phrase y",
                                "  example y"),
                        5,
                        "duplicate rule id 'a'; first defined on line 1"),
                arguments(
                        List.of(
                                "rule a",
                                "  category SPAM_REJECTED",
                                "  phrase zebra",
                                "  example zebra",
                                "  example No such user"),
                        5,
                        "example is classified RECIPIENT_UNKNOWN by rule 'recipient.unknown';"
                                + " expected SPAM_REJECTED by rule 'a'"),
                arguments(
                        List.of(
                                "rule connection.failed",
                                "  category CONNECTION_FAILED",
                                "  phrase timed out",
                                "  example Could not deliver mail within 4 hour(s), timed out"),
                        4,
                        "example is classified DELIVERY_EXPIRED by rule 'webcrossing.expired'"),
                arguments(
                        List.of("category SPAM_REJECTED"),
                        1,
                        "'category' before any 'rule <id>' line"),
                arguments(
                        List.of("rule a", "  phrase x", "  example x"),
                        1,
                        "rule 'a' has no category"),
                arguments(
                        List.of("rule a", "  category SPAM_REJECTED", "  phrase x"),
                        1,
                        "rule 'a' has no example"),
                arguments(
                        List.of("rule a", "  category SPAM_REJECTED", "  category POLICY_REJECTED"),
                        3,
                        "rule 'a' has a second category"),
                arguments(
                        List.of("rule a", "  category SPAM_REJECTED", "  status 5.1.1 5.1"),
                        3,
                        "status '5.1' is not valid; expected class.subject.detail"),
                arguments(
                        List.of("rule a", "  category SPAM_REJECTED", "  reply 250"),
                        3,
                        "reply '250' is not valid; expected an SMTP code from 400 to 599"),
                arguments(
                        List.of("rule a b", "  category SPAM_REJECTED"),
                        1,
                        "rule id 'a b' is not valid"),
                arguments(
                        List.of("rule a", "  category SPAM_REJECTED", "  phrase"),
                        3,
                        "'phrase' needs a value after it"));
    }

    @ParameterizedTest
    @MethodSource("brokenFiles")
    void brokenFile_failsNamingFileLineAndProblem(List<String> lines, int line, String problem)
            throws IOException {
        Path file = write(lines.toArray(String[]::new));

        RuleFileException e = loadExpectingFailure(file);

        assertThat(e.file()).isEqualTo(file.toString());
        assertThat(e.line()).isEqualTo(line);
        assertThat(e.problem()).contains(problem);
        assertThat(e.getMessage()).startsWith(file + ":" + line + ": ").contains(problem);
    }

    @Test
    void missingFile_failsNamingTheFile() {
        Path file = dir.resolve("absent.rules");

        RuleFileException e = loadExpectingFailure(file);

        assertThat(e.getMessage()).isEqualTo(file + ": no such file");
        assertThat(e.line()).isZero();
        assertThat(e.getCause()).isNotNull();
    }

    @Test
    void fileThatIsNotUtf8_failsNamingTheFile() throws IOException {
        Path file = dir.resolve("latin1.rules");
        Files.write(file, new byte[] {'r', 'u', 'l', 'e', ' ', (byte) 0xe9, '\n'});

        assertThat(loadExpectingFailure(file).getMessage()).isEqualTo(file + ": not UTF-8 text");
    }

    private RuleFileException loadExpectingFailure(Path file) {
        RuleFileException e =
                catchThrowableOfType(
                        RuleFileException.class, () -> ErrorClassifier.withRules(file));
        assertThat(e).as("failure for %s", file).isNotNull();
        return e;
    }

    private Path write(String... lines) throws IOException {
        return Files.write(dir.resolve("operator.rules"), List.of(lines), StandardCharsets.UTF_8);
    }

    private static List<String> ids(ErrorClassifier classifier) {
        return classifier.rules().stream().map(Rule::id).toList();
    }
}
