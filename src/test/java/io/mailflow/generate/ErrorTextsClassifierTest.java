package io.mailflow.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.core.classify.Classification;
import io.mailflow.core.classify.ErrorCategory;
import io.mailflow.core.classify.ErrorClassifier;
import io.mailflow.generate.ErrorTexts.ErrorText;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The built-in classifier finds in every catalogue text the category and permanence it claims. */
class ErrorTextsClassifierTest {
    private static final ErrorClassifier CLASSIFIER = ErrorClassifier.builtIn();

    static Stream<ErrorText> catalogue() {
        return ErrorTexts.all().stream();
    }

    @ParameterizedTest
    @MethodSource("catalogue")
    void catalogueText_classifiesToItsCategoryAndPermanence(ErrorText text) {
        for (String recipient : new String[] {"mary.jones@example.com", "Bob_S@Mail.Example.org"}) {
            Classification verdict = CLASSIFIER.classify(text.render(recipient, "192.0.2.44"));

            assertThat(verdict.category()).as(text.template()).isEqualTo(text.category());
            assertThat(verdict.permanent()).as(text.template()).isEqualTo(text.permanent());
        }
    }

    @Test
    void expiryText_classifiesAsExpiredAndPermanent() {
        for (int hours : new int[] {1, 48, 72}) {
            Classification verdict = CLASSIFIER.classify(ErrorTexts.expiry(hours));

            assertThat(verdict.category()).isEqualTo(ErrorCategory.DELIVERY_EXPIRED);
            assertThat(verdict.permanent()).isTrue();
        }
    }
}
