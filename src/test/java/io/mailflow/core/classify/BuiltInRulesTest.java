package io.mailflow.core.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The built-in rule file: every example checks out and every category can be reached. */
class BuiltInRulesTest {
    private final ErrorClassifier classifier = ErrorClassifier.builtIn();

    @TestFactory
    Stream<DynamicTest> everyExample_isDecidedByItsOwnRule() {
        return classifier.rules().stream()
                .flatMap(
                        rule ->
                                rule.examples().stream()
                                        .map(
                                                example ->
                                                        dynamicTest(
                                                                rule.id()
                                                                        + " line "
                                                                        + example.line(),
                                                                () ->
                                                                        assertDecides(
                                                                                rule, example))));
    }

    @Test
    void everyRule_hasAnExample() {
        assertThat(classifier.rules()).allSatisfy(rule -> assertThat(rule.examples()).isNotEmpty());
    }

    @Test
    void everyCategoryButUnclassified_hasARule() {
        Set<ErrorCategory> covered =
                classifier.rules().stream().map(Rule::category).collect(Collectors.toSet());
        Set<ErrorCategory> expected = EnumSet.allOf(ErrorCategory.class);
        expected.remove(ErrorCategory.UNCLASSIFIED);

        assertThat(covered).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void ruleIds_areUnique() {
        assertThat(classifier.rules().stream().map(Rule::id)).doesNotHaveDuplicates();
    }

    @Test
    void rules_keepFileOrder() {
        assertThat(classifier.rules().stream().mapToInt(Rule::line).toArray())
                .isSorted()
                .satisfies(
                        lines ->
                                assertThat(Arrays.stream(lines).distinct().count())
                                        .isEqualTo(lines.length));
    }

    private void assertDecides(Rule rule, Rule.Example example) {
        Classification verdict = classifier.classify(example.text());

        assertThat(verdict.rule()).as("rule deciding %s", example.text()).isEqualTo(rule.id());
        assertThat(verdict.category()).as("category").isEqualTo(rule.category());
    }
}
