package io.mailflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.core.classify.ErrorClassifier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The benchmark compares like with like: both classifiers agree on every text of the mix. */
class RegexClassifierTest {
    private final ErrorClassifier rules = ErrorClassifier.builtIn();
    private final RegexClassifier regex = new RegexClassifier();

    static Stream<String> mix() {
        return ErrorTextMix.TEXTS.stream();
    }

    @ParameterizedTest
    @MethodSource("mix")
    void mixText_getsTheSameVerdictFromBoth(String text) {
        assertThat(regex.classify(text)).isEqualTo(rules.classify(text));
    }
}
