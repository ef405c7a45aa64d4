package io.mailflow.core.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.mailflow.testing.Gens;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** What holds for every text: no exception, and no dependence on case or spacing. */
class ErrorClassifierPropertiesTest {
    private static final List<String> FRAGMENTS =
            List.of(
                    "550",
                    "452",
                    "421",
                    "5.1.1",
                    "4.2.2",
                    "5.7.",
                    "4.",
                    ".",
                    "-",
                    " ",
                    "  ",
                    "(",
                    ")",
                    "#",
                    ":",
                    "\t",
                    "user unknown",
                    "quota",
                    "spamhaus",
                    "connect error",
                    "could not deliver mail within",
                    "12",
                    "0",
                    "\u2019",
                    "\u00e9",
                    "\ud83d");

    private static final int EXAMPLES = 1000;

    private final ErrorClassifier classifier = ErrorClassifier.builtIn();

    @Test
    void anyText_isClassifiedWithoutException() {
        qt().withExamples(EXAMPLES)
                .forAll(Gens.anyStrings(300))
                .checkAssert(text -> assertWellFormed(classifier.classify(text)));
    }

    @Test
    void textOfErrorFragments_isClassifiedWithoutException() {
        qt().withExamples(EXAMPLES)
                .forAll(fragmentTexts())
                .checkAssert(text -> assertWellFormed(classifier.classify(text)));
    }

    @Test
    void upperCasing_changesNothing() {
        qt().withExamples(EXAMPLES)
                .forAll(fragmentTexts())
                .checkAssert(
                        text ->
                                assertThat(classifier.classify(text.toUpperCase(Locale.ROOT)))
                                        .isEqualTo(classifier.classify(text)));
    }

    @Test
    void doublingSpaces_changesNothing() {
        qt().withExamples(EXAMPLES).forAll(fragmentTexts()).checkAssert(this::assertSpacingIgnored);
    }

    private void assertSpacingIgnored(String text) {
        Classification once = classifier.classify(text);
        Classification twice = classifier.classify(text.replace(" ", "  "));

        assertThat(twice.category()).isEqualTo(once.category());
        assertThat(twice.rule()).isEqualTo(once.rule());
        assertThat(twice.replyCode()).isEqualTo(once.replyCode());
        assertThat(twice.enhancedStatus()).isEqualTo(once.enhancedStatus());
    }

    private static Gen<String> fragmentTexts() {
        return Gens.concatenations(FRAGMENTS, 12);
    }

    private static void assertWellFormed(Classification verdict) {
        assertThat(verdict.category()).isNotNull();
        assertThat(verdict.rule()).isNotBlank();
        if (verdict.replyCode() != null) {
            assertThat(verdict.permanent())
                    .isEqualTo(verdict.replyCode() >= 500 || verdict.category().endsDelivery());
        }
    }
}
