package io.mailflow.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;

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

    private final ErrorClassifier classifier = ErrorClassifier.builtIn();

    @Property
    void anyText_isClassifiedWithoutException(@ForAll @StringLength(max = 300) String text) {
        assertWellFormed(classifier.classify(text));
    }

    @Property
    void textOfErrorFragments_isClassifiedWithoutException(@ForAll("fragmentTexts") String text) {
        assertWellFormed(classifier.classify(text));
    }

    @Property
    void upperCasing_changesNothing(@ForAll("fragmentTexts") String text) {
        assertThat(classifier.classify(text.toUpperCase(Locale.ROOT)))
                .isEqualTo(classifier.classify(text));
    }

    @Property
    void doublingSpaces_changesNothing(@ForAll("fragmentTexts") String text) {
        Classification once = classifier.classify(text);
        Classification twice = classifier.classify(text.replace(" ", "  "));

        assertThat(twice.category()).isEqualTo(once.category());
        assertThat(twice.rule()).isEqualTo(once.rule());
        assertThat(twice.replyCode()).isEqualTo(once.replyCode());
        assertThat(twice.enhancedStatus()).isEqualTo(once.enhancedStatus());
    }

    @Provide
    Arbitrary<String> fragmentTexts() {
        return Arbitraries.of(FRAGMENTS).list().ofMaxSize(12).map(parts -> String.join("", parts));
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
