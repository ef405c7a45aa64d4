package io.mailflow.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.core.classify.ErrorCategory;
import io.mailflow.generate.ErrorTexts.ErrorText;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ErrorTextsTest {
    private static final Pattern REPLY_CODE = Pattern.compile("\\((?:[^()]*? )?([245]\\d\\d)[ -]");

    @Test
    void everyCategoryButExpiredAndUnclassified_hasTexts() {
        Set<ErrorCategory> covered =
                ErrorTexts.all().stream().map(ErrorText::category).collect(Collectors.toSet());
        Set<ErrorCategory> expected = EnumSet.allOf(ErrorCategory.class);
        expected.removeAll(Set.of(ErrorCategory.DELIVERY_EXPIRED, ErrorCategory.UNCLASSIFIED));

        assertThat(covered).isEqualTo(expected);
    }

    @Test
    void everyCategoryThatIsPermanentByDefault_hasBounceTexts() {
        for (ErrorCategory category : ErrorCategory.values()) {
            if (category.permanentByDefault() && category != ErrorCategory.DELIVERY_EXPIRED) {
                assertThat(ErrorTexts.of(category, true)).as(category.name()).hasSizeGreaterThan(1);
            }
        }
    }

    @Test
    void transientTexts_existForDeferrals() {
        assertThat(ErrorTexts.of(ErrorCategory.CONNECTION_FAILED, false)).hasSizeGreaterThan(2);
        assertThat(ErrorTexts.of(ErrorCategory.RATE_LIMITED, false)).hasSizeGreaterThan(2);
        assertThat(ErrorTexts.of(ErrorCategory.REMOTE_SERVER_ERROR, false)).hasSizeGreaterThan(2);
        assertThat(ErrorTexts.all())
                .filteredOn(t -> !t.permanent())
                .allMatch(t -> !t.category().permanentByDefault() || hasReplyCode(t, '4'));
    }

    @Test
    void replyCodes_agreeWithPermanence() {
        for (ErrorText text : ErrorTexts.all()) {
            Matcher code = REPLY_CODE.matcher(text.template());
            if (code.find()) {
                char expected = text.permanent() ? '5' : '4';
                assertThat(code.group(1).charAt(0)).as(text.template()).isEqualTo(expected);
            }
        }
    }

    @Test
    void renderedTexts_areAsciiWithoutAddressMarkers() {
        for (ErrorText text : ErrorTexts.all()) {
            String rendered = text.render("Mary.Jones@example.com", "192.0.2.7");
            assertThat(rendered)
                    .as(text.template())
                    .doesNotContain("{", "}", " To: ", " From: ", "\n")
                    .matches("\\p{ASCII}+");
        }
    }

    @Test
    void render_fillsThePlaceholders() {
        ErrorText text =
                new ErrorText(
                        ErrorCategory.RECIPIENT_UNKNOWN,
                        true,
                        "{user} at {domain}: {rcpt} via {ip}");

        assertThat(text.render("jo@example.org", "192.0.2.1"))
                .isEqualTo("jo at example.org: jo@example.org via 192.0.2.1");
    }

    @Test
    void expiry_namesTheHoldWindow() {
        assertThat(ErrorTexts.expiry(48)).isEqualTo("Could not deliver mail within 48 hour(s)");
    }

    @Test
    void texts_areDistinct() {
        assertThat(ErrorTexts.all()).extracting(ErrorText::template).doesNotHaveDuplicates();
    }

    private static boolean hasReplyCode(ErrorText text, char first) {
        Matcher code = REPLY_CODE.matcher(text.template());
        return code.find() && code.group(1).charAt(0) == first;
    }
}
