package io.mailflow.core.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Every line of Web Crossing's own description of its log reads into the event it describes. */
class LogLineParserSeedTest {
    private static final String HOST = "mail01";
    private static final String CUSTOMER = "babies@diapers.smell.com";
    private static final String SUPPORT = "support@support.webcrossing.com";

    private final LogLineParser parser = new LogLineParser(HostZones.utc());

    @Test
    void smtpInReceivedLine_isReceived() {
        String line =
                "20-Jun-03 08:27:18 smtp-in OK (Received mail from: babies@diapers.smell.com"
                        + " to: support@support.webcrossing.com client-IP:1.2.3.4)";

        assertThat(eventOf(line))
                .isEqualTo(
                        LogEvent.received(
                                HOST, at("2003-06-20T08:27:18Z"), CUSTOMER, SUPPORT, "1.2.3.4"));
    }

    @Test
    void smtpInLineWithoutSpaceBeforeTo_isReceivedWithBothAddresses() {
        String line =
                "20-Jun-03 00:52:00 smtp-in OK (Received mail from: babies@diapers.smell.comto:"
                        + " support@support.webcrossing.com client-IP:1.2.3.4)";

        assertThat(eventOf(line))
                .isEqualTo(
                        LogEvent.received(
                                HOST, at("2003-06-20T00:52:00Z"), CUSTOMER, SUPPORT, "1.2.3.4"));
    }

    @Test
    void outgoingMessageQueuedLine_isQueued() {
        String line =
                "20-Jun-03 08:09:46 smtp-out OK ID=2549 Send email. Outgoing message queued To:"
                        + " support@support.webcrossing.com From: babies@diapers.smell.com";

        assertThat(eventOf(line))
                .isEqualTo(
                        LogEvent.queued(HOST, at("2003-06-20T08:09:46Z"), 2549, CUSTOMER, SUPPORT));
    }

    @Test
    void sentEmailLine_isSent() {
        String line =
                "20-Jun-03 08:11:04 smtp-out OK ID=2549 Send email. Sent email To:"
                        + " support@support.webcrossing.com From: babies@diapers.smell.com";

        assertThat(eventOf(line))
                .isEqualTo(
                        LogEvent.sent(HOST, at("2003-06-20T08:11:04Z"), 2549, CUSTOMER, SUPPORT));
    }

    @Test
    void smtpOutErrorLine_isDeliveryErrorWithTheWholeErrorText() {
        String line =
                "20-Jun-03 08:11:02 smtp-out error ID=2549 Send email. Connect error (Internet"
                        + " address disconnected.) To: support@support.webcrossing.com From:"
                        + " babies@diapers.smell.com";

        assertThat(eventOf(line))
                .isEqualTo(
                        LogEvent.deliveryError(
                                HOST,
                                at("2003-06-20T08:11:02Z"),
                                2549,
                                CUSTOMER,
                                SUPPORT,
                                "Connect error (Internet address disconnected.)"));
    }

    @Test
    void pop3ConnectLine_isSessionConnect() {
        assertThat(eventOf("20-Jun-03 03:43:31 pop3 connect 1.2.3.4"))
                .isEqualTo(session(EventType.SESSION_CONNECT, "03:43:31", Protocol.POP3, null));
    }

    @Test
    void pop3LoginLine_isSessionLoginWithTheUser() {
        assertThat(eventOf("20-Jun-03 03:43:31 pop3 OK LOGIN by support from 1.2.3.4"))
                .isEqualTo(session(EventType.SESSION_LOGIN, "03:43:31", Protocol.POP3, "support"));
    }

    @Test
    void pop3DisconnectLine_isSessionDisconnect() {
        assertThat(eventOf("20-Jun-03 03:43:40 pop3 disconnect 1.2.3.4"))
                .isEqualTo(session(EventType.SESSION_DISCONNECT, "03:43:40", Protocol.POP3, null));
    }

    @Test
    void imapConnectLine_isSessionConnectWithItsAddress() {
        assertThat(eventOf("26-Jun-03 09:05:39 imap connect 24.48.178.240"))
                .isEqualTo(
                        LogEvent.session(
                                EventType.SESSION_CONNECT,
                                HOST,
                                at("2003-06-26T09:05:39Z"),
                                Protocol.IMAP,
                                "24.48.178.240",
                                null));
    }

    @Test
    void imapLoginLine_keepsTheUserNameAsWritten() {
        assertThat(eventOf("26-Jun-03 09:05:39 imap OK LOGIN by Support from 1.2.3.4"))
                .isEqualTo(
                        LogEvent.session(
                                EventType.SESSION_LOGIN,
                                HOST,
                                at("2003-06-26T09:05:39Z"),
                                Protocol.IMAP,
                                "1.2.3.4",
                                "Support"));
    }

    @Test
    void imapDisconnectLine_isSessionDisconnect() {
        assertThat(eventOf("26-Jun-03 09:05:39 imap disconnect 1.2.3.4"))
                .isEqualTo(
                        LogEvent.session(
                                EventType.SESSION_DISCONNECT,
                                HOST,
                                at("2003-06-26T09:05:39Z"),
                                Protocol.IMAP,
                                "1.2.3.4",
                                null));
    }

    private LogEvent eventOf(String line) {
        ParseResult result = parser.parse(HOST, line);
        assertThat(result).isInstanceOf(ParseResult.Parsed.class);
        return ((ParseResult.Parsed) result).event();
    }

    private static LogEvent session(EventType type, String time, Protocol protocol, String user) {
        Instant instant = at("2003-06-20T" + time + "Z");
        return LogEvent.session(type, HOST, instant, protocol, "1.2.3.4", user);
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
