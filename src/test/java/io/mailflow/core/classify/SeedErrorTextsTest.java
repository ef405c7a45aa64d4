package io.mailflow.core.classify;

import static io.mailflow.core.classify.ErrorCategory.CONNECTION_FAILED;
import static io.mailflow.core.classify.ErrorCategory.DELIVERY_EXPIRED;
import static io.mailflow.core.classify.ErrorCategory.HOST_UNKNOWN;
import static io.mailflow.core.classify.ErrorCategory.MAILBOX_FULL;
import static io.mailflow.core.classify.ErrorCategory.POLICY_REJECTED;
import static io.mailflow.core.classify.ErrorCategory.RECIPIENT_UNKNOWN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every smtp-out error text that Web Crossing's own documentation lists. */
class SeedErrorTextsTest {
    private final ErrorClassifier classifier = ErrorClassifier.builtIn();

    static Stream<Arguments> seedTexts() {
        return Stream.of(
                arguments(
                        "Could not deliver mail within 72 hour(s)",
                        DELIVERY_EXPIRED,
                        true,
                        "4.4.7"),
                arguments(
                        "Could not deliver mail within 480 hour(s)",
                        DELIVERY_EXPIRED,
                        true,
                        "4.4.7"),
                arguments("DNS lookup -- no host", HOST_UNKNOWN, true, "5.1.2"),
                arguments(
                        "This user doesn't have a domainName.com account",
                        RECIPIENT_UNKNOWN,
                        true,
                        "5.1.1"),
                arguments(
                        "No such user babies@diapers.smell.com", RECIPIENT_UNKNOWN, true, "5.1.1"),
                arguments("Internet address disconnected.", CONNECTION_FAILED, false, "4.4.1"),
                arguments(
                        "Mail delivery error ( <babies@diapers.smell.com> user unknown",
                        RECIPIENT_UNKNOWN,
                        true,
                        "5.1.1"),
                arguments(
                        "<babies@diapers.smell.com>... User unknown",
                        RECIPIENT_UNKNOWN,
                        true,
                        "5.1.1"),
                arguments(
                        "Fatal error from destination SMTP server ( not our customer)",
                        POLICY_REJECTED,
                        true,
                        "5.7.1"),
                arguments(
                        "Mail delivery error ( not our customer)", POLICY_REJECTED, true, "5.7.1"),
                arguments("Invalid recipient", RECIPIENT_UNKNOWN, true, "5.1.1"),
                arguments(
                        "Requested action not taken: mailbox unavailable",
                        RECIPIENT_UNKNOWN,
                        true,
                        "5.1.1"),
                arguments("Disconnected from: 0.1.2.3.4", CONNECTION_FAILED, false, "4.4.1"),
                arguments(
                        "Sorry, your message to babies@diapers.smell.com cannot be delivered. This"
                                + " account is over quota. \u2013 diapers.smell.com",
                        MAILBOX_FULL,
                        true,
                        "5.2.2"),
                arguments(
                        "VS10-RT Possible forgery or deactivated due to abuse (#5.1.1))",
                        POLICY_REJECTED,
                        true,
                        "5.1.1"),
                arguments(
                        "Connect error (Internet address disconnected.)",
                        CONNECTION_FAILED,
                        false,
                        "4.4.1"));
    }

    @ParameterizedTest
    @MethodSource("seedTexts")
    void seedText_getsItsCategoryPermanenceAndStatus(
            String text, ErrorCategory category, boolean permanent, String status) {
        Classification verdict = classifier.classify(text);

        assertThat(verdict.category()).as("category").isEqualTo(category);
        assertThat(verdict.permanent()).as("permanent").isEqualTo(permanent);
        assertThat(verdict.enhancedStatus()).as("enhanced status").isEqualTo(status);
        assertThat(verdict.replyCode()).as("reply code").isNull();
        assertThat(verdict.rule()).as("rule").isNotEqualTo(ErrorClassifier.NO_RULE);
    }
}
