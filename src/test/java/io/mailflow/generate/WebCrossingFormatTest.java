package io.mailflow.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.core.line.EventType;
import io.mailflow.core.line.LogEvent;
import io.mailflow.core.line.Protocol;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Events render exactly as the lines Web Crossing's documentation shows. */
class WebCrossingFormatTest {
    private static final String H = "mail01";
    private static final String BABIES = "babies@diapers.smell.com";
    private static final String SUPPORT = "support@support.webcrossing.com";

    static Stream<Arguments> documentedLines() {
        return Stream.of(
                Arguments.of(
                        LogEvent.received(
                                H, at("2003-06-20T08:27:18Z"), BABIES, SUPPORT, "1.2.3.4"),
                        "20-Jun-03 08:27:18 smtp-in OK (Received mail from:"
                                + " babies@diapers.smell.com to: support@support.webcrossing.com"
                                + " client-IP:1.2.3.4)"),
                Arguments.of(
                        LogEvent.queued(H, at("2003-06-20T08:09:46Z"), 2549, BABIES, SUPPORT),
                        "20-Jun-03 08:09:46 smtp-out OK ID=2549 Send email. Outgoing message queued"
                                + " To: support@support.webcrossing.com From:"
                                + " babies@diapers.smell.com"),
                Arguments.of(
                        LogEvent.sent(H, at("2003-06-20T08:11:04Z"), 2549, BABIES, SUPPORT),
                        "20-Jun-03 08:11:04 smtp-out OK ID=2549 Send email. Sent email To:"
                            + " support@support.webcrossing.com From: babies@diapers.smell.com"),
                Arguments.of(
                        LogEvent.deliveryError(
                                H,
                                at("2003-06-20T08:11:02Z"),
                                2549,
                                BABIES,
                                SUPPORT,
                                "Connect error (Internet address disconnected.)"),
                        "20-Jun-03 08:11:02 smtp-out error ID=2549 Send email. Connect error"
                            + " (Internet address disconnected.) To:"
                            + " support@support.webcrossing.com From: babies@diapers.smell.com"),
                Arguments.of(
                        LogEvent.session(
                                EventType.SESSION_CONNECT,
                                H,
                                at("2003-06-20T03:43:31Z"),
                                Protocol.POP3,
                                "1.2.3.4",
                                null),
                        "20-Jun-03 03:43:31 pop3 connect 1.2.3.4"),
                Arguments.of(
                        LogEvent.session(
                                EventType.SESSION_LOGIN,
                                H,
                                at("2003-06-20T03:43:31Z"),
                                Protocol.POP3,
                                "1.2.3.4",
                                "support"),
                        "20-Jun-03 03:43:31 pop3 OK LOGIN by support from 1.2.3.4"),
                Arguments.of(
                        LogEvent.session(
                                EventType.SESSION_DISCONNECT,
                                H,
                                at("2003-06-20T03:43:40Z"),
                                Protocol.POP3,
                                "1.2.3.4",
                                null),
                        "20-Jun-03 03:43:40 pop3 disconnect 1.2.3.4"),
                Arguments.of(
                        LogEvent.session(
                                EventType.SESSION_LOGIN,
                                H,
                                at("2003-06-26T09:05:39Z"),
                                Protocol.IMAP,
                                "1.2.3.4",
                                "Support"),
                        "26-Jun-03 09:05:39 imap OK LOGIN by Support from 1.2.3.4"),
                Arguments.of(
                        LogEvent.other(
                                H, at("2003-06-26T09:05:39Z"), "webx", "OK", "Server started"),
                        "26-Jun-03 09:05:39 webx OK Server started"));
    }

    @ParameterizedTest
    @MethodSource("documentedLines")
    void event_rendersAsDocumented(LogEvent event, String line) {
        assertThat(WebCrossingFormat.line(event)).isEqualTo(line);
    }

    @Test
    void gluedReceived_hasNoSpaceBeforeTo() {
        StringBuilder out = new StringBuilder();
        WebCrossingFormat.appendReceived(out, BABIES, SUPPORT, "1.2.3.4", true);

        assertThat(out)
                .hasToString(
                        "smtp-in OK (Received mail from: babies@diapers.smell.comto:"
                                + " support@support.webcrossing.com client-IP:1.2.3.4)");
    }

    @Test
    void time_isWrittenInTheGivenZone() {
        LogEvent event = LogEvent.other(H, at("2003-12-31T23:30:05Z"), "webx", "OK", null);

        assertThat(WebCrossingFormat.line(event, ZoneId.of("Europe/Berlin")))
                .isEqualTo("01-Jan-04 00:30:05 webx OK");
    }

    @Test
    void timestampWriter_padsAndFollowsDays() {
        TimestampWriter writer = new TimestampWriter();
        StringBuilder out = new StringBuilder();
        writer.append(out, at("2009-03-01T00:00:00Z").getEpochSecond() - 1);
        out.append('|');
        writer.append(out, at("2009-03-01T07:08:09Z").getEpochSecond());

        assertThat(out).hasToString("28-Feb-09 23:59:59|01-Mar-09 07:08:09");
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
