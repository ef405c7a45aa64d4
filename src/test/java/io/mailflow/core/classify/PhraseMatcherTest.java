package io.mailflow.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The automaton behind phrase matching: lowest rule wins, overlaps and suffixes are found. */
class PhraseMatcherTest {
    private static final int NONE = 99;

    @Test
    void lowerRule_winsWhereverItsPhraseOccurs() {
        PhraseMatcher matcher = new PhraseMatcher(List.of(List.of("late"), List.of("early")));

        assertThat(matcher.lowestMatch("early then late", NONE, rule -> true)).isZero();
    }

    @Test
    void overlappingPhrases_areAllFound() {
        PhraseMatcher matcher =
                new PhraseMatcher(List.of(List.of("hers"), List.of("she"), List.of("he")));

        assertThat(matcher.lowestMatch("ushers", NONE, rule -> true)).isZero();
        assertThat(matcher.lowestMatch("ushe", NONE, rule -> true)).isEqualTo(1);
        assertThat(matcher.lowestMatch("uhe", NONE, rule -> true)).isEqualTo(2);
    }

    @Test
    void phraseInsideAFailedLongerOne_isFoundThroughTheFailureLink() {
        PhraseMatcher matcher = new PhraseMatcher(List.of(List.of("abcd"), List.of("bc")));

        assertThat(matcher.lowestMatch("xabce", NONE, rule -> true)).isEqualTo(1);
    }

    @Test
    void ruleRefusedByPredicate_isSkipped() {
        PhraseMatcher matcher = new PhraseMatcher(List.of(List.of("quota"), List.of("quota")));

        assertThat(matcher.lowestMatch("over quota", NONE, rule -> rule != 0)).isEqualTo(1);
    }

    @Test
    void noMatchBelowTheBound_returnsTheBound() {
        PhraseMatcher matcher = new PhraseMatcher(List.of(List.of("zebra"), List.of("quota")));

        assertThat(matcher.lowestMatch("over quota", 1, rule -> true)).isEqualTo(1);
        assertThat(matcher.lowestMatch("nothing here", NONE, rule -> true)).isEqualTo(NONE);
    }

    @Test
    void text_isFoldedLikeThePhrases() {
        PhraseMatcher matcher =
                new PhraseMatcher(
                        List.of(
                                List.of(TextFold.normalise("doesn't have a")),
                                List.of(TextFold.normalise("Grüße"))));

        assertThat(matcher.lowestMatch("This user DOESN\u2019T \t have a", NONE, r -> true))
                .isZero();
        assertThat(matcher.lowestMatch("viele GRÜSSE und grüße", NONE, r -> true)).isEqualTo(1);
        assertThat(matcher.lowestMatch("\u00e9\u4e2d\ud83d\ude00", NONE, r -> true))
                .isEqualTo(NONE);
    }

    @Test
    void sharedPrefixes_shareStates() {
        PhraseMatcher matcher =
                new PhraseMatcher(List.of(List.of("user unknown", "user not found")));

        assertThat(matcher.states())
                .isEqualTo(1 + "user ".length() + "unknown".length() + "not found".length());
    }
}
