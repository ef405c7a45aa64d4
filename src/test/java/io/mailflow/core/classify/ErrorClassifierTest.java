package io.mailflow.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** How codes and rules combine into a verdict. */
class ErrorClassifierTest {
    private final ErrorClassifier classifier = ErrorClassifier.builtIn();

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t", "nothing any rule knows"})
    void textWithoutRuleOrCode_isUnclassifiedByNoRule(String text) {
        assertThat(classifier.classify(text))
                .isEqualTo(
                        new Classification(
                                ErrorCategory.UNCLASSIFIED,
                                false,
                                null,
                                null,
                                ErrorClassifier.NO_RULE));
    }

    @Test
    void unclassifiedTextWith5xxReply_isPermanent() {
        assertThat(classifier.classify("554 Transaction failed"))
                .isEqualTo(
                        new Classification(
                                ErrorCategory.UNCLASSIFIED,
                                true,
                                null,
                                554,
                                ErrorClassifier.NO_RULE));
    }

    @Test
    void unclassifiedTextWithStatus_reportsTheStatus() {
        assertThat(classifier.classify("(#5.6.9) strange").enhancedStatus()).isEqualTo("5.6.9");
    }

    @Test
    void permanentCategoryWith4xxReply_isTransient() {
        Classification verdict = classifier.classify("452 4.2.2 mailbox full");

        assertThat(verdict.category()).isEqualTo(ErrorCategory.MAILBOX_FULL);
        assertThat(verdict.permanent()).isFalse();
        assertThat(verdict.replyCode()).isEqualTo(452);
    }

    @Test
    void transientCategoryWith5xxReply_isPermanent() {
        Classification verdict = classifier.classify("554 5.4.2 Connection dropped by remote host");

        assertThat(verdict.category()).isEqualTo(ErrorCategory.CONNECTION_FAILED);
        assertThat(verdict.permanent()).isTrue();
    }

    @Test
    void statusOnly_decidesPermanenceWithoutReply() {
        assertThat(classifier.classify("Mailbox full (#4.2.2)").permanent()).isFalse();
        assertThat(classifier.classify("Connection died (#5.4.2)").permanent()).isTrue();
    }

    @Test
    void expiredDelivery_isFinalEvenWith4xxReply() {
        Classification verdict =
                classifier.classify(
                        "Could not deliver mail within 4 hour(s) (last: 451 4.3.0 try later)");

        assertThat(verdict.category()).isEqualTo(ErrorCategory.DELIVERY_EXPIRED);
        assertThat(verdict.permanent()).isTrue();
        assertThat(verdict.enhancedStatus()).isEqualTo("4.3.0");
    }

    @Test
    void usualStatus_takesTheClassOfTheReply() {
        assertThat(classifier.classify("452 mailbox full").enhancedStatus()).isEqualTo("4.2.2");
        assertThat(classifier.classify("552 mailbox full").enhancedStatus()).isEqualTo("5.2.2");
        assertThat(classifier.classify("mailbox full").enhancedStatus()).isEqualTo("5.2.2");
    }

    @Test
    void specificPhrase_outranksTheStatus() {
        Classification verdict =
                classifier.classify(
                        "Fatal error from destination SMTP server (550 5.1.1 VS10-RT Possible"
                                + " forgery or deactivated due to abuse (#5.1.1)))");

        assertThat(verdict.category()).isEqualTo(ErrorCategory.POLICY_REJECTED);
        assertThat(verdict.enhancedStatus()).isEqualTo("5.1.1");
    }

    @Test
    void status_outranksAVaguePhrase() {
        assertThat(classifier.classify("550 5.7.1 mailbox unavailable").category())
                .isEqualTo(ErrorCategory.POLICY_REJECTED);
        assertThat(classifier.classify("550 mailbox unavailable").category())
                .isEqualTo(ErrorCategory.RECIPIENT_UNKNOWN);
    }

    @Test
    void phrases_ignoreCaseSpacingAndCurlyQuotes() {
        assertThat(
                        classifier
                                .classify("THIS USER DOESN\u2019T   HAVE A example.com ACCOUNT")
                                .rule())
                .isEqualTo("recipient.unknown");
    }
}
