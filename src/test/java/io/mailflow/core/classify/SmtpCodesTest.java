package io.mailflow.core.classify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Finding reply and enhanced status codes in text without mistaking numbers for them. */
class SmtpCodesTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "-",
            textBlock =
                    """
                    550 5.1.1 <a@b.example>: User unknown               | 550 | 5.1.1
                    550-5.1.1 The email account                         | 550 | 5.1.1
                    Fatal error from destination SMTP server (550  5.1.1 x) | 550 | 5.1.1
                    host said 452   4.2.2 mailbox full                  | 452 | 4.2.2
                    Sorry, no mailbox here by that name. (#5.1.1)       |   0 | 5.1.1
                    RCPT TO:<a@b.example>: 550 No Such User Here        | 550 | -
                    Mail delivery error ( 421 closing channel)          | 421 | -
                    (421)                                               | 421 | -
                    550                                                 | 550 | -
                    <<< 554 5.7.1 refused                               | 554 | 5.7.1
                    Could not deliver mail within 480 hour(s)           |   0 | -
                    Disconnected from: 0.1.2.3.4                        |   0 | -
                    host mx.example.org[5.1.1.4] said nothing           |   0 | -
                    from 10.4.4.1 port 25                               |   0 | -
                    deferred - 4.16.55.1; see the page                  |   0 | -
                    running Exim 4.96 here                              |   0 | -
                    status 5.12.1 is no status                          |   0 | -
                    detail 5.1.1000 is too long                         |   0 | -
                    250 2.0.0 Ok: queued                                |   0 | -
                    blocked. 5.7.1.                                     |   0 | 5.7.1
                    550 5.7.1 then 4.2.2 later                          | 550 | 5.7.1
                    queued as 550 for later                             |   0 | -
                    x5.1.1 and 5.1.1x are glued                         |   0 | -
                    ends with 5.                                        |   0 | -
                    ends with 5.1.                                      |   0 | -
                    550 5.1.10 RESOLVER.ADR.RecipientNotFound           | 550 | 5.1.10
                    """)
    void text_yieldsReplyAndStatus(String text, int reply, String status) {
        SmtpCodes codes = SmtpCodes.find(text);

        assertThat(codes.reply()).as("reply").isEqualTo(reply);
        assertThat(codes.status()).as("status").isEqualTo(status);
    }

    @ParameterizedTest
    @CsvSource({"5.1.10, 5, 1, 10", "4.7.650, 4, 7, 650", "5.0.0, 5, 0, 0"})
    void status_isSplitIntoItsParts(String status, int statusClass, int subject, int detail) {
        SmtpCodes codes = SmtpCodes.find("(" + status + ")");

        assertThat(codes).isEqualTo(new SmtpCodes(0, status, statusClass, subject, detail));
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "-",
            value = {
                "550 5.1.1 gone, true",
                "452 4.2.2 full, false",
                "(#5.1.1), true",
                "(#4.4.1), false",
                "550 4.7.1 mixed, true",
                "no codes, -"
            })
    void permanence_followsReplyThenStatus(String text, Boolean permanent) {
        assertThat(SmtpCodes.find(text).permanent()).isEqualTo(permanent);
    }
}
