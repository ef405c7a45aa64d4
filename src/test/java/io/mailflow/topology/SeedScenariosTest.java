package io.mailflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.core.classify.Classification;
import io.mailflow.core.classify.ErrorClassifier;
import io.mailflow.core.delivery.DeliveryStatus;
import io.mailflow.core.delivery.Origin;
import io.mailflow.core.line.Protocol;
import io.mailflow.core.session.SessionEnd;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scenarios Web Crossing's own documentation of its log describes, end to end. */
class SeedScenariosTest {
    private static final String HOST = "webx1";
    private static final String FROM = "babies@diapers.smell.com";
    private static final String TO = "support@support.webcrossing.com";
    private static final String CONNECT_ERROR = "Connect error (Internet address disconnected.)";

    private final TopologyFixture f = new TopologyFixture();

    @AfterEach
    void close() {
        f.close();
    }

    /**
     * The documentation's example lines, with the received line moved to just before the queued
     * one: its excerpts come from different days, and relayed mail is queued right after it is
     * received.
     */
    @Test
    void relayedMailTransientErrorThenSent_isDeliveredFromSmtpInAfterTwoAttempts() {
        f.pipe(
                HOST,
                "20-Jun-03 08:09:40 smtp-in OK (Received mail from: "
                        + FROM
                        + " to: "
                        + TO
                        + " client-IP:1.2.3.4)",
                "20-Jun-03 08:09:46 smtp-out OK ID=2549 Send email. Outgoing message queued To: "
                        + TO
                        + " From: "
                        + FROM,
                "20-Jun-03 08:11:02 smtp-out error ID=2549 Send email. "
                        + CONNECT_ERROR
                        + " To: "
                        + TO
                        + " From: "
                        + FROM,
                "20-Jun-03 08:11:04 smtp-out OK ID=2549 Send email. Sent email To: "
                        + TO
                        + " From: "
                        + FROM);

        Classification c = ErrorClassifier.builtIn().classify(CONNECT_ERROR);
        List<OutcomeRecord> outcomes = f.outcomes();
        assertThat(outcomes)
                .extracting(OutcomeRecord::status)
                .containsExactly(
                        DeliveryStatus.QUEUED, DeliveryStatus.DEFERRED, DeliveryStatus.DELIVERED);
        assertThat(outcomes.get(2))
                .isEqualTo(
                        new OutcomeRecord(
                                1,
                                HOST,
                                2549,
                                TO,
                                "support.webcrossing.com",
                                FROM,
                                "diapers.smell.com",
                                Origin.SMTP_IN,
                                "1.2.3.4",
                                DeliveryStatus.DELIVERED,
                                c.category(),
                                c.permanent(),
                                c.enhancedStatus(),
                                CONNECT_ERROR,
                                2,
                                Instant.parse("2003-06-20T08:09:46Z"),
                                Instant.parse("2003-06-20T08:11:04Z"),
                                78L,
                                Instant.parse("2003-06-20T08:11:04Z")));
        assertThat(f.inbound.isEmpty()).isTrue();
        assertThat(f.errors.readKeyValuesToList())
                .singleElement()
                .satisfies(
                        kv -> {
                            assertThat(kv.key).isEqualTo(c.category().name());
                            assertThat(kv.value.errorText()).isEqualTo(CONNECT_ERROR);
                            assertThat(kv.value.messageId()).isEqualTo(2549);
                            assertThat(kv.value.rule()).isEqualTo(c.rule());
                            assertThat(kv.value.time())
                                    .isEqualTo(Instant.parse("2003-06-20T08:11:02Z"));
                        });
    }

    @Test
    void outcomeRecords_carryTheLineTimeAsTimestampAndHostPathKey() {
        f.pipe(
                HOST,
                "20-Jun-03 08:09:46 smtp-out OK ID=2549 Send email. Outgoing message queued To: "
                        + TO
                        + " From: "
                        + FROM);

        var record = f.outcomes.readRecord();
        assertThat(record.key()).isEqualTo(HOST + "/2549/" + TO);
        assertThat(record.timestamp())
                .isEqualTo(Instant.parse("2003-06-20T08:09:46Z").toEpochMilli());
    }

    @Test
    void mailMadeInsideWebCrossing_isDeliveredInternal() {
        f.pipe(
                HOST,
                "20-Jun-03 08:09:46 smtp-out OK ID=2549 Send email. Outgoing message queued To: "
                        + TO
                        + " From: "
                        + FROM,
                "20-Jun-03 08:11:04 smtp-out OK ID=2549 Send email. Sent email To: "
                        + TO
                        + " From: "
                        + FROM,
                "20-Jun-03 09:30:00 pop3 connect 9.9.9.9");

        List<OutcomeRecord> outcomes = f.outcomes();
        assertThat(outcomes).extracting(OutcomeRecord::origin).containsOnly(Origin.INTERNAL);
        assertThat(outcomes.get(1).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(outcomes.get(1).attempts()).isEqualTo(1);
        assertThat(outcomes.get(1).clientIp()).isNull();
        assertThat(outcomes.get(1).errorCategory()).isNull();
        assertThat(f.inbound.isEmpty()).isTrue();
    }

    /** The documentation's line, with its missing space before {@code to:}. */
    @Test
    void mailForLocalAccount_isInboundOnceItsWindowHasPassed() {
        f.pipe(
                HOST,
                "20-Jun-03 00:52:00 smtp-in OK (Received mail from: babies@diapers.smell.comto:"
                        + " support@support.webcrossing.com client-IP:1.2.3.4)",
                "20-Jun-03 00:56:00 pop3 connect 9.9.9.9");
        assertThat(f.inbound.isEmpty()).isTrue();

        f.pipe(HOST, "20-Jun-03 00:57:01 pop3 disconnect 9.9.9.9");

        assertThat(f.inbound.readKeyValuesToList())
                .singleElement()
                .satisfies(
                        kv -> {
                            assertThat(kv.key).isEqualTo(HOST);
                            assertThat(kv.value)
                                    .isEqualTo(
                                            new InboundRecord(
                                                    1,
                                                    HOST,
                                                    FROM,
                                                    "diapers.smell.com",
                                                    TO,
                                                    "support.webcrossing.com",
                                                    "1.2.3.4",
                                                    Instant.parse("2003-06-20T00:52:00Z")));
                        });
        assertThat(f.outcomes.isEmpty()).isTrue();
    }

    @Test
    void popCheck_isOneSessionWithItsDuration() {
        f.pipe(
                HOST,
                "20-Jun-03 03:43:31 pop3 connect 1.2.3.4",
                "20-Jun-03 03:43:31 pop3 OK LOGIN by support from 1.2.3.4",
                "20-Jun-03 03:43:40 pop3 disconnect 1.2.3.4");

        assertThat(f.sessions.readValuesToList())
                .containsExactly(
                        new SessionRecord(
                                1,
                                HOST,
                                Protocol.POP3,
                                "support",
                                "1.2.3.4",
                                "1.2.3.4",
                                Instant.parse("2003-06-20T03:43:31Z"),
                                Instant.parse("2003-06-20T03:43:31Z"),
                                Instant.parse("2003-06-20T03:43:40Z"),
                                9L,
                                SessionEnd.DISCONNECT));
    }

    /** The documentation's imap check connects from one address and logs in from another. */
    @Test
    void imapCheckLoggingInFromAnotherAddress_isOneSession() {
        f.pipe(
                HOST,
                "26-Jun-03 09:05:39 imap connect 24.48.178.240",
                "26-Jun-03 09:05:39 imap OK LOGIN by Support from 1.2.3.4",
                "26-Jun-03 09:05:39 imap disconnect 1.2.3.4");

        assertThat(f.sessions.readValuesToList())
                .containsExactly(
                        new SessionRecord(
                                1,
                                HOST,
                                Protocol.IMAP,
                                "Support",
                                "1.2.3.4",
                                "24.48.178.240",
                                Instant.parse("2003-06-26T09:05:39Z"),
                                Instant.parse("2003-06-26T09:05:39Z"),
                                Instant.parse("2003-06-26T09:05:39Z"),
                                0L,
                                SessionEnd.DISCONNECT));
    }

    /** Each error text of the documentation ends where its classification says. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Could not deliver mail within 48 hour(s)",
                "DNS lookup -- no host",
                "This user doesn't have a domainName.com account",
                "No such user babies@diapers.smell.com",
                "Internet address disconnected.",
                "Mail delivery error ( <babies@diapers.smell.com> user unknown",
                "<babies@diapers.smell.com>... User unknown",
                "Fatal error from destination SMTP server ( not our customer)",
                "Mail delivery error ( not our customer)",
                "Invalid recipient",
                "Requested action not taken: mailbox unavailable",
                "Disconnected from: 0.1.2.3.4",
                "Sorry, your message to babies@diapers.smell.com cannot be delivered. This account"
                        + " is over quota. - diapers.smell.com",
                "VS10-RT Possible forgery or deactivated due to abuse (#5.1.1))"
            })
    void seedErrorText_endsTheDeliveryAsItsClassificationSays(String text) {
        f.pipe(
                HOST,
                "20-Jun-03 08:09:46 smtp-out OK ID=7 Send email. Outgoing message queued To: "
                        + TO
                        + " From: "
                        + FROM,
                "20-Jun-03 08:11:02 smtp-out error ID=7 Send email. "
                        + text
                        + " To: "
                        + TO
                        + " From: "
                        + FROM);

        Classification c = ErrorClassifier.builtIn().classify(text);
        DeliveryStatus expected =
                c.category().endsDelivery()
                        ? DeliveryStatus.EXPIRED
                        : c.permanent() ? DeliveryStatus.BOUNCED : DeliveryStatus.DEFERRED;
        List<OutcomeRecord> outcomes = f.outcomes();
        OutcomeRecord last = outcomes.get(outcomes.size() - 1);
        assertThat(last.status()).isEqualTo(expected);
        assertThat(last.errorCategory()).isEqualTo(c.category());
        assertThat(last.lastError()).isEqualTo(text);
        assertThat(last.attempts()).isEqualTo(c.category().endsDelivery() ? 0 : 1);
        assertThat(f.errors.readKeyValuesToList())
                .singleElement()
                .satisfies(kv -> assertThat(kv.key).isEqualTo(c.category().name()));
    }
}
