package io.mailflow.core.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The irregularities of real Web Crossing logs that the parser reads through. */
class LogLineParserQuirksTest {
    private static final String HOST = "mail01";
    private static final Instant SEED_TIME = Instant.parse("2003-06-20T08:11:02Z");

    private final LogLineParser parser = new LogLineParser(HostZones.utc());

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Connect error (Internet address disconnected.)",
                "Could not deliver mail within 48 hour(s)",
                "DNS lookup -- no host",
                "No such user babies@diapers.smell.com",
                "Mail delivery error ( <babies@diapers.smell.com> user unknown",
                "<babies@diapers.smell.com>... User unknown",
                "Fatal error from destination SMTP server ( not our customer)",
                "Disconnected from: 0.1.2.3.4",
                "Sorry, your message to babies@diapers.smell.com cannot be delivered. This account"
                        + " is over quota. – diapers.smell.com",
                "VS10-RT Possible forgery or deactivated due to abuse (#5.1.1))",
                "Remote said: 550 mail to <x@y.z> refused From: policy To: none",
                "To: x"
            })
    void errorTextWithAddressesWordsAndBrackets_isKeptWhole(String errorText) {
        String line =
                "20-Jun-03 08:11:02 smtp-out error ID=2549 Send email. "
                        + errorText
                        + " To: support@support.webcrossing.com From: babies@diapers.smell.com";

        assertThat(eventOf(line))
                .isEqualTo(
                        LogEvent.deliveryError(
                                HOST,
                                SEED_TIME,
                                2549,
                                "babies@diapers.smell.com",
                                "support@support.webcrossing.com",
                                errorText));
    }

    @Test
    void errorLineWithNoText_hasEmptyErrorText() {
        String line =
                "20-Jun-03 08:11:02 smtp-out error ID=7 Send email. To: r@x.org From: s@y.org";

        assertThat(eventOf(line).errorText()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "20-jun-03 08:11:02|2003-06-20T08:11:02Z",
                "20-JUN-03 08:11:02|2003-06-20T08:11:02Z",
                "5-Jun-03 08:11:02|2003-06-05T08:11:02Z",
                "05-Jun-03 08:11:02|2003-06-05T08:11:02Z",
                "31-Dec-99 23:59:59|1999-12-31T23:59:59Z",
                "01-Jan-70 00:00:00|1970-01-01T00:00:00Z",
                "01-Jan-00 00:00:00|2000-01-01T00:00:00Z",
                "29-Feb-00 12:00:00|2000-02-29T12:00:00Z",
                "29-Feb-04 12:00:00|2004-02-29T12:00:00Z",
                "31-Dec-69 23:59:59|2069-12-31T23:59:59Z"
            })
    void dateInAnyCaseOrDayWidthOrCentury_isReadAsThatDay(String stamp, String expected) {
        assertThat(eventOf(stamp + " pop3 connect 1.2.3.4").time())
                .isEqualTo(Instant.parse(expected));
    }

    @Test
    void lineInHostZone_isConvertedToUtc() {
        HostZones zones =
                HostZones.of(ZoneOffset.UTC, Map.of("berlin", ZoneId.of("Europe/Berlin")));
        LogLineParser zoned = new LogLineParser(zones);
        String line = "20-Jun-03 08:11:02 pop3 connect 1.2.3.4";

        assertThat(timeOf(zoned.parse("berlin", line))).isEqualTo("2003-06-20T06:11:02Z");
        assertThat(timeOf(zoned.parse("other", line))).isEqualTo("2003-06-20T08:11:02Z");
    }

    @Test
    void localTimeInDaylightSavingGap_isReadWithTheOffsetBeforeTheGap() {
        LogLineParser zoned = new LogLineParser(HostZones.all(ZoneId.of("Europe/Berlin")));

        ParseResult result = zoned.parse(HOST, "30-Mar-03 02:30:00 pop3 connect 1.2.3.4");

        assertThat(timeOf(result)).isEqualTo("2003-03-30T01:30:00Z");
    }

    @Test
    void localTimeInDaylightSavingOverlap_isReadWithTheEarlierOffset() {
        LogLineParser zoned = new LogLineParser(HostZones.all(ZoneId.of("Europe/Berlin")));

        ParseResult result = zoned.parse(HOST, "26-Oct-03 02:30:00 pop3 connect 1.2.3.4");

        assertThat(timeOf(result)).isEqualTo("2003-10-26T00:30:00Z");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "pop3 OK LOGIN by Support from 1.2.3.4",
                "pop3 OK login by Support from 1.2.3.4",
                "pop3 ok Login BY Support FROM 1.2.3.4",
                "pop3\tOK\tLOGIN\tby\tSupport\tfrom\t1.2.3.4",
                "pop3  OK  LOGIN  by  Support  from  1.2.3.4  "
            })
    void loginInAnyCaseOrSpacing_keepsTheUserAsWritten(String rest) {
        assertThat(eventOf("20-Jun-03 03:43:31 " + rest))
                .isEqualTo(
                        LogEvent.session(
                                EventType.SESSION_LOGIN,
                                HOST,
                                Instant.parse("2003-06-20T03:43:31Z"),
                                Protocol.POP3,
                                "1.2.3.4",
                                "Support"));
    }

    @Test
    void userNameWithBlanksAndFrom_isKeptWhole() {
        LogEvent event = eventOf("20-Jun-03 03:43:31 imap OK LOGIN by Mail from Home from ::1");

        assertThat(event.user()).isEqualTo("Mail from Home");
        assertThat(event.clientIp()).isEqualTo("::1");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "20-Jun-03 08:11:04 smtp-out OK ID=2549 Send email. Sent email To: r@x.org From:"
                        + " s@y.org",
                "20-Jun-03 08:11:04 smtp-out OK ID=2549 Send email. Sent email To: r@x.org From:"
                        + " s@y.org   \r\n",
                "  20-Jun-03 08:11:04 smtp-out OK ID=2549 Send email. Sent email To: r@x.org From:"
                        + " s@y.org",
                "20-Jun-03\t08:11:04\tsmtp-out\tOK\tID=2549\tSend email.\tSent\temail\tTo:\tr@x.org"
                        + "\tFrom:\ts@y.org\t",
                "20-Jun-03 08:11:04 smtp-out OK ID=2549 Send email. Sent email To: <r@x.org> From:"
                        + " <s@y.org>",
                "20-Jun-03 08:11:04 SMTP-OUT ok id=2549 send EMAIL. sent Email To:r@x.org"
                        + " From:s@y.org",
                "20-Jun-03 08:11:04 smtp-out OK ID=02549 Send email. Sent emailTo: r@x.org From:"
                        + " s@y.org"
            })
    void sentLineWithBlanksBracketsOrCaseVariants_isTheSameSentEvent(String line) {
        assertThat(eventOf(line))
                .isEqualTo(
                        LogEvent.sent(
                                HOST,
                                Instant.parse("2003-06-20T08:11:04Z"),
                                2549,
                                "s@y.org",
                                "r@x.org"));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "From: <>|<>",
                "From:|''",
                "From:   |''",
                "From: MAILER-DAEMON@Y.org|MAILER-DAEMON@Y.org"
            })
    void bounceNoticeSender_isKeptAsWritten(String from, String sender) {
        String line =
                "20-Jun-03 08:11:04 smtp-out OK ID=1 Send email. Sent email To: r@x.org " + from;

        assertThat(eventOf(line).sender()).isEqualTo(sender);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {"from: <>to: r@x.org|<>", "from: to: r@x.org|''", "from:to: r@x.org|''"})
    void smtpInBounceSender_isKeptAsWritten(String addresses, String sender) {
        String line =
                "20-Jun-03 08:27:18 smtp-in OK (Received mail " + addresses + " client-IP:1.2.3.4)";

        assertThat(eventOf(line))
                .isEqualTo(
                        LogEvent.received(
                                HOST,
                                Instant.parse("2003-06-20T08:27:18Z"),
                                sender,
                                "r@x.org",
                                "1.2.3.4"));
    }

    @Test
    void invalidUtf8InErrorText_becomesReplacementCharacter() {
        byte[] head =
                "20-Jun-03 08:11:02 smtp-out error ID=9 Send email. Bad "
                        .getBytes(StandardCharsets.UTF_8);
        byte[] tail = " reply To: r@x.org From: s@y.org\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, line, 0, head.length);
        line[head.length] = (byte) 0xC3;
        line[head.length + 1] = (byte) 0xFF;
        System.arraycopy(tail, 0, line, head.length + 2, tail.length);

        LogEvent event = eventOf(parser.parse(HOST, line));

        assertThat(event.errorText()).isEqualTo("Bad \uFFFD\uFFFD reply");
        assertThat(event.recipient()).isEqualTo("r@x.org");
    }

    @Test
    void invalidUtf8InDate_isRejectedNotThrown() {
        byte[] line = {(byte) 0xFF, (byte) 0xFE, '-', 'J', 'u', 'n'};

        ParseResult result = parser.parse(HOST, line);

        assertThat(result).isInstanceOf(ParseResult.Rejected.class);
        assertThat(((ParseResult.Rejected) result).reject().reason())
                .isEqualTo(RejectReason.BAD_DATE);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t", "\r\n", " \t \r\n", "\n"})
    void emptyOrBlankLine_isBlank(String line) {
        assertThat(parser.parse(HOST, line)).isSameAs(ParseResult.blank());
    }

    @Test
    void nullOrEmptyBytes_areBlank() {
        assertThat(parser.parse(HOST, (byte[]) null)).isSameAs(ParseResult.blank());
        assertThat(parser.parse(HOST, new byte[0])).isSameAs(ParseResult.blank());
    }

    @Test
    void nullHost_isReadAsEmptyHost() {
        ParseResult result = parser.parse(null, "20-Jun-03 03:43:31 pop3 connect 1.2.3.4");

        assertThat(eventOf(result).host()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "smtp-out OK Connection closed|smtp-out|OK|Connection closed",
                "smtp-out OK ID=12 Send email. Message deferred To: r@x From: s@y"
                        + "|smtp-out|OK|ID=12 Send email. Message deferred To: r@x From: s@y",
                "smtp-out OK ID=12 Closing connection|smtp-out|OK|ID=12 Closing connection",
                "smtp-out error Connect error To: r@x From: s@y"
                        + "|smtp-out|error|Connect error To: r@x From: s@y",
                "smtp-out warning ID=12 Send email. Slow To: r@x From: s@y"
                        + "|smtp-out|warning|ID=12 Send email. Slow To: r@x From: s@y",
                "smtp-in error (Relay denied)|smtp-in|error|(Relay denied)",
                "smtp-in OK Connection from 1.2.3.4|smtp-in|OK|Connection from 1.2.3.4",
                "pop3 error Bad password|pop3|error|Bad password",
                "imap OK CAPABILITY|imap|OK|CAPABILITY",
                "http OK GET  /index.html\t200|http|OK|GET  /index.html\t200",
                "webx started|webx|started|''",
                "Webx.Daemon_2 OK: (x)|Webx.Daemon_2|OK:|(x)"
            })
    void wellFormedLineOfUnknownKind_isOtherWithItsWords(
            String rest, String service, String status, String text) {
        assertThat(eventOf("20-Jun-03 08:00:00 " + rest + "  "))
                .isEqualTo(
                        LogEvent.other(
                                HOST,
                                Instant.parse("2003-06-20T08:00:00Z"),
                                service,
                                status,
                                text));
    }

    private LogEvent eventOf(String line) {
        return eventOf(parser.parse(HOST, line));
    }

    private static LogEvent eventOf(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).event();
    }

    private static String timeOf(ParseResult result) {
        return eventOf(result).time().toString();
    }
}
