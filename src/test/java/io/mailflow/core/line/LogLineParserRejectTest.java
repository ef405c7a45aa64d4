package io.mailflow.core.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Damaged lines: each becomes a reject naming the reason and the column where reading failed. */
class LogLineParserRejectTest {
    private static final String HOST = "mail01";
    private static final String T = "20-Jun-03 08:11:02 ";
    private static final String OUT = T + "smtp-out OK ID=2549 Send email. ";
    private static final String ERR = T + "smtp-out error ID=2549 Send email. ";
    private static final String IN = T + "smtp-in OK (Received mail ";

    private final LogLineParser parser = new LogLineParser(HostZones.utc());

    static Stream<Arguments> damagedLines() {
        return Stream.of(
                damaged("2003-06-20 08:11:02 pop3 connect 1.2.3.4", RejectReason.BAD_DATE, 1),
                damaged("20-Jux-03 08:11:02 pop3 connect 1.2.3.4", RejectReason.BAD_DATE, 1),
                damaged("31-Jun-03 08:11:02 pop3 connect 1.2.3.4", RejectReason.BAD_DATE, 1),
                damaged("29-Feb-03 08:11:02 pop3 connect 1.2.3.4", RejectReason.BAD_DATE, 1),
                damaged("00-Jun-03 08:11:02 pop3 connect 1.2.3.4", RejectReason.BAD_DATE, 1),
                damaged("20-Jun-2003 08:11:02 pop3 connect 1.2.3.4", RejectReason.BAD_DATE, 1),
                damaged("20-Jun-0x 08:11:02 pop3 connect 1.2.3.4", RejectReason.BAD_DATE, 1),
                damaged("  x20-Jun-03 08:11:02 pop3 connect", RejectReason.BAD_DATE, 3),
                damaged("pop3 connect 1.2.3.4", RejectReason.BAD_DATE, 1),
                damaged("20-Jun-03 8:2x pop3 connect 1.2.3.4", RejectReason.BAD_TIME, 11),
                damaged("20-Jun-03 24:00:00 pop3 connect 1.2.3.4", RejectReason.BAD_TIME, 11),
                damaged("20-Jun-03 08:60:00 pop3 connect 1.2.3.4", RejectReason.BAD_TIME, 11),
                damaged("20-Jun-03 08:11:02pop3 connect 1.2.3.4", RejectReason.BAD_TIME, 11),
                damaged("20-Jun-03 08.11.02 pop3 connect 1.2.3.4", RejectReason.BAD_TIME, 11),
                damaged("20-Jun-03", RejectReason.BAD_TIME, 10),
                damaged("20-Jun-03 08:11:02", RejectReason.MISSING_SERVICE, 19),
                damaged("20-Jun-03 08:11:02   ", RejectReason.MISSING_SERVICE, 19),
                damaged(T + "(smtp) OK", RejectReason.MISSING_SERVICE, 20),
                damaged(T + "4pop connect 1.2.3.4", RejectReason.MISSING_SERVICE, 20),
                damaged(T + "smtp-in", RejectReason.MISSING_SERVICE, 27),
                damaged(IN + "to: r@x.org client-IP:1.2.3.4)", RejectReason.BAD_SMTP_IN, 45),
                damaged(IN + "from: s@y.org client-IP:1.2.3.4)", RejectReason.BAD_SMTP_IN, 51),
                damaged(IN + "from: s@y.org to: r@x.org)", RejectReason.BAD_SMTP_IN, 63),
                damaged(IN + "from: s@y.org to: client-IP:1.2.3.4)", RejectReason.BAD_SMTP_IN, 63),
                damaged(
                        IN + "from: s@y.org to: r@x.org client-IP:1.2.3.4",
                        RejectReason.BAD_SMTP_IN,
                        89),
                damaged(IN + "from: s@y.org to: r@x.org client-IP:)", RejectReason.BAD_SMTP_IN, 82),
                damaged(
                        IN + "from: s@y.org to: r@x.org client-IP:1.2 3.4)",
                        RejectReason.BAD_SMTP_IN,
                        82),
                damaged(
                        T + "smtp-out OK ID=25x9 Send email. Sent email",
                        RejectReason.BAD_SMTP_OUT,
                        35),
                damaged(
                        T + "smtp-out OK ID= Send email. Sent email",
                        RejectReason.BAD_SMTP_OUT,
                        35),
                damaged(T + "smtp-out OK ID=1234567890123456789 x", RejectReason.BAD_SMTP_OUT, 35),
                damaged(OUT + "Sent email", RejectReason.BAD_SMTP_OUT, 52),
                damaged(OUT + "Sent email To: r@x.org", RejectReason.BAD_SMTP_OUT, 52),
                damaged(
                        OUT + "Outgoing message queued From: s@y.org",
                        RejectReason.BAD_SMTP_OUT,
                        52),
                damaged(OUT + "Sent email To: From: s@y.org", RejectReason.BAD_SMTP_OUT, 66),
                damaged(
                        ERR + "Connect error (Internet address disconnected.)",
                        RejectReason.BAD_SMTP_OUT,
                        55),
                damaged(T + "pop3 connect", RejectReason.BAD_SESSION, 32),
                damaged(T + "pop3 connect    ", RejectReason.BAD_SESSION, 32),
                damaged(T + "imap disconnect 1.2.3.4 again", RejectReason.BAD_SESSION, 44),
                damaged(T + "pop3 OK LOGIN support from 1.2.3.4", RejectReason.BAD_SESSION, 34),
                damaged(T + "pop3 OK LOGIN by support 1.2.3.4", RejectReason.BAD_SESSION, 37),
                damaged(T + "pop3 OK LOGIN by from 1.2.3.4", RejectReason.BAD_SESSION, 37),
                damaged(T + "pop3 OK LOGIN by 1.2.3.4", RejectReason.BAD_SESSION, 37),
                damaged(T + "imap OK LOGIN", RejectReason.BAD_SESSION, 33));
    }

    @ParameterizedTest
    @MethodSource("damagedLines")
    void damagedLine_isRejectedWithReasonAndColumn(String line, RejectReason reason, int column) {
        LineReject reject = rejectOf(line);

        assertThat(reject.reason()).isEqualTo(reason);
        assertThat(reject.column()).isEqualTo(column);
        assertThat(reject.host()).isEqualTo(HOST);
        assertThat(reject.line()).isEqualTo(line);
        assertThat(reject.message())
                .contains("at column " + column)
                .contains("expected " + reject.expected())
                .doesNotContain("@");
    }

    @Test
    void badTime_saysPartColumnExpectationAndWhatWasFound() {
        LineReject reject = rejectOf("20-Jun-03 8:2x pop3 connect 1.2.3.4");

        assertThat(reject.message())
                .isEqualTo("time: expected HH:MM:SS at column 11, found '8:2x'");
        assertThat(reject.expected()).isEqualTo("HH:MM:SS");
    }

    @Test
    void dayOutsideItsMonth_namesTheMonth() {
        LineReject reject = rejectOf("29-Feb-03 08:11:02 pop3 connect 1.2.3.4");

        assertThat(reject.message())
                .isEqualTo("date: expected a day of Feb 2003 at column 1, found '29-Feb-03'");
    }

    @Test
    void lineEndingEarly_saysEndOfLine() {
        LineReject reject = rejectOf("20-Jun-03 08:11:02 pop3 connect\r\n");

        assertThat(reject.message())
                .isEqualTo("address: expected the client address at column 32, found end of line");
        assertThat(reject.line()).isEqualTo("20-Jun-03 08:11:02 pop3 connect");
    }

    @Test
    void wordWithAtSign_isNotQuoted() {
        LineReject reject = rejectOf("20-Jun-03 08:11:02 <someone@example.org> said hello");

        assertThat(reject.reason()).isEqualTo(RejectReason.MISSING_SERVICE);
        assertThat(reject.message()).doesNotContain("someone").endsWith("found a word with '@'");
        assertThat(reject.line()).contains("someone@example.org");
    }

    @Test
    void badMessageId_quotesTheId() {
        LineReject reject = rejectOf(T + "smtp-out OK ID=25x9 Send email. Sent email");

        assertThat(reject.message())
                .isEqualTo("ID: expected a number of at most 18 digits at column 35, found '25x9'");
    }

    private LineReject rejectOf(String line) {
        ParseResult result = parser.parse(HOST, line);
        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        return ((ParseResult.Rejected) result).reject();
    }

    private static Arguments damaged(String line, RejectReason reason, int column) {
        return Arguments.of(line, reason, column);
    }
}
