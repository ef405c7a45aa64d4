package io.mailflow.topology;

import static io.mailflow.topology.WebxLines.connect;
import static io.mailflow.topology.WebxLines.disconnect;
import static io.mailflow.topology.WebxLines.error;
import static io.mailflow.topology.WebxLines.login;
import static io.mailflow.topology.WebxLines.queued;
import static io.mailflow.topology.WebxLines.received;
import static io.mailflow.topology.WebxLines.sent;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.core.classify.ErrorCategory;
import io.mailflow.core.delivery.Delivery;
import io.mailflow.core.delivery.DeliveryKey;
import io.mailflow.core.delivery.DeliveryStatus;
import io.mailflow.core.delivery.Origin;
import io.mailflow.core.line.Protocol;
import io.mailflow.core.session.SessionEnd;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Deliveries through the whole topology: ordering, reuse, deadlines, stores. */
class DeliveryScenariosTest {
    private static final String HOST = "mail01";
    private static final String FROM = "alice@example.org";
    private static final String TO = "bob@Remote.example.com";
    private static final Instant T = Instant.parse("2024-03-12T10:00:00Z");
    private static final Duration STALL = PipelineSettings.DEFAULT.stallAfter();
    private static final String EXPIRY = "Could not deliver mail within 48 hour(s)";
    private static final String CONNECT_ERROR = "Connect error (Internet address disconnected.)";

    private final TopologyFixture f = new TopologyFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static Instant at(long seconds) {
        return T.plusSeconds(seconds);
    }

    private void pipe(String... lines) {
        f.pipe(HOST, lines);
    }

    private KeyValueStore<String, Delivery> deliveries() {
        return f.driver.getKeyValueStore(DeliveryTopology.DELIVERIES_STORE);
    }

    private Delivery stored(long id, String recipient) {
        return deliveries().get(StoreKeys.delivery(new DeliveryKey(HOST, id, recipient)));
    }

    private static List<DeliveryStatus> statuses(List<OutcomeRecord> outcomes) {
        return outcomes.stream().map(OutcomeRecord::status).toList();
    }

    @Test
    void severalRecipientsOfOneMessage_areSeparateDeliveriesUnderOnePrefix() {
        pipe(
                queued(at(0), 42, "a@x.org", FROM),
                queued(at(0), 42, "b@y.org", FROM),
                queued(at(0), 42, "c@z.org", FROM),
                sent(at(3), 42, "a@x.org", FROM),
                error(at(4), 42, "550 5.1.1 <b@y.org>... User unknown", "b@y.org", FROM),
                queued(at(5), 43, "a@x.org", FROM));

        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, Delivery> it =
                deliveries()
                        .prefixScan(StoreKeys.messagePrefix(HOST, 42), new StringSerializer())) {
            it.forEachRemaining(kv -> keys.add(kv.value.recipient() + "=" + kv.value.status()));
        }
        assertThat(keys)
                .containsExactlyInAnyOrder(
                        "a@x.org=DELIVERED", "b@y.org=BOUNCED", "c@z.org=QUEUED");
        assertThat(f.outcomes.readKeyValuesToList())
                .extracting(kv -> kv.key)
                .containsExactly(
                        HOST + "/42/a@x.org",
                        HOST + "/42/b@y.org",
                        HOST + "/42/c@z.org",
                        HOST + "/42/a@x.org",
                        HOST + "/42/b@y.org",
                        HOST + "/43/a@x.org");
    }

    @Test
    void idReusedAfterDelivery_startsASecondDeliveryUnderTheSameKey() {
        pipe(
                queued(at(0), 7, TO, FROM),
                sent(at(2), 7, TO, FROM),
                queued(at(3600), 7, TO, "carol@example.org"),
                error(at(3700), 7, CONNECT_ERROR, TO, "carol@example.org"));

        List<OutcomeRecord> outcomes = f.outcomes();
        assertThat(statuses(outcomes))
                .containsExactly(
                        DeliveryStatus.QUEUED,
                        DeliveryStatus.DELIVERED,
                        DeliveryStatus.QUEUED,
                        DeliveryStatus.DEFERRED);
        assertThat(outcomes.get(2).queuedAt()).isEqualTo(at(3600));
        assertThat(outcomes.get(2).sender()).isEqualTo("carol@example.org");
        assertThat(outcomes.get(2).attempts()).isZero();
        assertThat(stored(7, TO).queuedAt()).isEqualTo(at(3600));
        assertThat(stored(7, TO).status()).isEqualTo(DeliveryStatus.DEFERRED);
    }

    @Test
    void errorStampedBeforeSentButReadAfterIt_leavesTheDeliveryDeliveredWithOneMoreAttempt() {
        pipe(
                queued(at(0), 7, TO, FROM),
                error(at(60), 7, CONNECT_ERROR, TO, FROM),
                sent(at(301), 7, TO, FROM),
                error(at(300), 7, CONNECT_ERROR, TO, FROM));

        List<OutcomeRecord> outcomes = f.outcomes();
        assertThat(statuses(outcomes))
                .containsExactly(
                        DeliveryStatus.QUEUED,
                        DeliveryStatus.DEFERRED,
                        DeliveryStatus.DELIVERED,
                        DeliveryStatus.DELIVERED);
        assertThat(outcomes).extracting(OutcomeRecord::attempts).containsExactly(0, 1, 2, 3);
        assertThat(outcomes.get(3).completedAt()).isEqualTo(at(301));
        assertThat(outcomes.get(3).updatedAt()).isEqualTo(at(301));
        Delivery d = stored(7, TO);
        assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(d.attempts()).isEqualTo(3);
        assertThat(d.completedAt()).isEqualTo(at(301));
        assertThat(f.errors.readValuesToList()).hasSize(2);
    }

    @Test
    void linesOfADeliveryBeforeItsQueuedLine_areReadIntoOneDelivery() {
        pipe(sent(at(5), 7, TO, FROM), queued(at(0), 7, TO, FROM));

        List<OutcomeRecord> outcomes = f.outcomes();
        assertThat(statuses(outcomes))
                .containsExactly(DeliveryStatus.DELIVERED, DeliveryStatus.DELIVERED);
        assertThat(outcomes.get(0).queuedAt()).isNull();
        assertThat(outcomes.get(0).deliverySeconds()).isNull();
        assertThat(outcomes.get(1).queuedAt()).isEqualTo(at(0));
        assertThat(outcomes.get(1).deliverySeconds()).isEqualTo(5);
        Delivery d = stored(7, TO);
        assertThat(d.queuedAt()).isEqualTo(at(0));
        assertThat(d.deliveryTime()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void holdWindowPassed_isExpiredWithTheRetriesCounted() {
        pipe(
                queued(at(0), 7, TO, FROM),
                error(at(60), 7, CONNECT_ERROR, TO, FROM),
                error(at(3600), 7, CONNECT_ERROR, TO, FROM),
                error(at(48 * 3600), 7, EXPIRY, TO, FROM));

        List<OutcomeRecord> outcomes = f.outcomes();
        assertThat(statuses(outcomes))
                .containsExactly(
                        DeliveryStatus.QUEUED,
                        DeliveryStatus.DEFERRED,
                        DeliveryStatus.DEFERRED,
                        DeliveryStatus.EXPIRED);
        OutcomeRecord last = outcomes.get(3);
        assertThat(last.errorCategory()).isEqualTo(ErrorCategory.DELIVERY_EXPIRED);
        assertThat(last.attempts()).isEqualTo(2);
        assertThat(last.completedAt()).isEqualTo(at(48 * 3600));
        assertThat(last.deliverySeconds()).isEqualTo(48 * 3600L);
    }

    @Test
    void hostLogReachesTheStallTime_stallsTheDeliveryAtItsDueTime() {
        pipe(
                queued(at(0), 7, TO, FROM),
                error(at(60), 7, CONNECT_ERROR, TO, FROM),
                connect(at(STALL.toSeconds() - 1), "pop3", "9.9.9.9"));
        assertThat(statuses(f.outcomes()))
                .containsExactly(DeliveryStatus.QUEUED, DeliveryStatus.DEFERRED);

        pipe(disconnect(at(STALL.toSeconds()), "pop3", "9.9.9.9"));

        List<OutcomeRecord> outcomes = f.outcomes();
        assertThat(statuses(outcomes)).containsExactly(DeliveryStatus.STALLED);
        assertThat(outcomes.get(0).updatedAt()).isEqualTo(at(STALL.toSeconds()));
        assertThat(outcomes.get(0).completedAt()).isNull();
        assertThat(outcomes.get(0).attempts()).isEqualTo(1);
        assertThat(f.metrics.outcomes(DeliveryStatus.STALLED)).isEqualTo(1);
    }

    @Test
    void anotherHostsLaterLines_doNotStallThisHostsDeliveries() {
        pipe(queued(at(0), 7, TO, FROM));

        f.pipe("mail02", connect(at(STALL.toSeconds() + 60), "pop3", "9.9.9.9"));

        assertThat(statuses(f.outcomes())).containsExactly(DeliveryStatus.QUEUED);
    }

    @Test
    void hostQuietForTheStallPeriod_stallsTheDeliveryByWallClock() {
        pipe(queued(at(0), 7, TO, FROM));
        f.outcomes();

        f.driver.advanceWallClockTime(STALL.minusMinutes(1));
        assertThat(f.outcomes.isEmpty()).isTrue();
        f.driver.advanceWallClockTime(Duration.ofMinutes(2));

        List<OutcomeRecord> outcomes = f.outcomes();
        assertThat(statuses(outcomes)).containsExactly(DeliveryStatus.STALLED);
        assertThat(outcomes.get(0).updatedAt()).isEqualTo(at(STALL.toSeconds()));
    }

    @Test
    void hostQuietWhileAnotherHostKeepsLogging_doesNotStallByWallClock() {
        PipelineSettings d = PipelineSettings.DEFAULT;
        Duration stall = Duration.ofMinutes(10);
        PipelineSettings shortStall =
                new PipelineSettings(
                        d.topics(),
                        d.zones(),
                        d.defaultHost(),
                        d.inputKeyedByHost(),
                        stall,
                        d.retention(),
                        d.errorTopicPerCategory(),
                        d.originWindow(),
                        d.sessionTimeout());
        try (TopologyFixture busy = new TopologyFixture(shortStall)) {
            busy.pipe(HOST, queued(at(0), 7, TO, FROM));
            busy.outcomes();

            Duration step = TrackMail.WALL_CLOCK_CHECK.minusSeconds(1);
            for (Duration waited = Duration.ZERO;
                    waited.compareTo(stall.multipliedBy(2)) < 0;
                    waited = waited.plus(step)) {
                busy.driver.advanceWallClockTime(step);
                busy.pipe("mail02", connect(at(waited.toSeconds()), "pop3", "9.9.9.9"));
            }

            assertThat(busy.outcomes.isEmpty()).isTrue();
            busy.driver.advanceWallClockTime(TrackMail.WALL_CLOCK_CHECK.plusSeconds(1));
            assertThat(statuses(busy.outcomes())).containsExactly(DeliveryStatus.STALLED);
        }
    }

    @Test
    void stalledDeliveryThenSent_isDelivered() {
        pipe(queued(at(0), 7, TO, FROM));
        f.driver.advanceWallClockTime(STALL.plusMinutes(1));

        pipe(sent(at(STALL.toSeconds() + 120), 7, TO, FROM));

        assertThat(statuses(f.outcomes()))
                .containsExactly(
                        DeliveryStatus.QUEUED, DeliveryStatus.STALLED, DeliveryStatus.DELIVERED);
    }

    @Test
    void finishedDelivery_leavesTheStoreAfterRetention() {
        Duration retention = PipelineSettings.DEFAULT.retention();
        pipe(queued(at(0), 7, TO, FROM), sent(at(2), 7, TO, FROM));

        pipe(connect(at(2 + retention.toSeconds() - 1), "pop3", "9.9.9.9"));
        assertThat(stored(7, TO)).isNotNull();

        pipe(connect(at(2 + retention.toSeconds()), "pop3", "9.9.9.8"));
        assertThat(stored(7, TO)).isNull();
        assertThat(statuses(f.outcomes()))
                .containsExactly(DeliveryStatus.QUEUED, DeliveryStatus.DELIVERED);
    }

    @Test
    void receivedLineStampedAfterQueuedAndReadAfterIt_makesTheDeliveryRelayed() {
        pipe(queued(at(0), 7, TO, FROM), received(at(3), FROM, TO, "1.2.3.4"));

        List<OutcomeRecord> outcomes = f.outcomes();
        assertThat(outcomes)
                .extracting(OutcomeRecord::origin)
                .containsExactly(Origin.INTERNAL, Origin.SMTP_IN);
        assertThat(outcomes.get(1).clientIp()).isEqualTo("1.2.3.4");
        assertThat(outcomes.get(1).status()).isEqualTo(DeliveryStatus.QUEUED);

        pipe(connect(at(3600), "pop3", "9.9.9.9"));
        assertThat(f.inbound.isEmpty()).isTrue();
    }

    @Test
    void receivedLineLongBeforeQueued_isLocalMailAndTheDeliveryInternal() {
        pipe(received(at(0), FROM, TO, "1.2.3.4"), queued(at(301), 7, TO, FROM));

        assertThat(f.outcomes()).extracting(OutcomeRecord::origin).containsExactly(Origin.INTERNAL);
        assertThat(f.inbound.readValuesToList())
                .extracting(InboundRecord::receivedAt)
                .containsExactly(at(0));
    }

    @Test
    void receivedLineWithinTheWindow_isMatchedOnce() {
        pipe(
                received(at(0), FROM, TO, "1.2.3.4"),
                queued(at(2), 7, TO, FROM),
                queued(at(4), 8, TO, FROM),
                connect(at(3600), "pop3", "9.9.9.9"));

        assertThat(f.outcomes())
                .extracting(OutcomeRecord::origin)
                .containsExactly(Origin.SMTP_IN, Origin.INTERNAL);
        assertThat(f.inbound.isEmpty()).isTrue();
    }

    @Test
    void aggregateStores_countDeliveriesByDomainAndErrorsByHour() {
        pipe(
                queued(at(0), 1, "a@x.org", FROM),
                queued(at(0), 2, "b@x.org", FROM),
                queued(at(0), 3, "c@Y.org", FROM),
                sent(at(5), 1, "a@x.org", FROM),
                error(at(6), 2, CONNECT_ERROR, "b@x.org", FROM),
                error(at(3600), 2, CONNECT_ERROR, "b@x.org", FROM),
                error(at(3601), 2, CONNECT_ERROR, "b@x.org", FROM));

        KeyValueStore<String, Long> counts =
                f.driver.getKeyValueStore(DeliveryTopology.DOMAIN_COUNTS_STORE);
        List<String> all = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = counts.all()) {
            it.forEachRemaining(kv -> all.add(kv.key.replace('\0', ' ') + "=" + kv.value));
        }
        assertThat(all)
                .containsExactlyInAnyOrder(
                        "x.org DELIVERED=1", "x.org DEFERRED=1", "y.org QUEUED=1");

        WindowStore<String, Long> hourly =
                f.driver.getWindowStore(DeliveryTopology.ERROR_COUNTS_STORE);
        String key = StoreKeys.hostCategory(HOST, f.errors.readValuesToList().get(0).category());
        assertThat(hourly.fetch(key, T.toEpochMilli())).isEqualTo(1L);
        assertThat(hourly.fetch(key, T.plusSeconds(3600).toEpochMilli())).isEqualTo(2L);
    }

    @Test
    void errorTopicPerCategory_writesEachErrorAlsoToItsCategorysTopic() {
        PipelineSettings perCategory = PipelineSettings.DEFAULT.withErrorTopicPerCategory(true);
        try (TopologyFixture g = new TopologyFixture(perCategory)) {
            g.pipe(HOST, error(at(0), 7, CONNECT_ERROR, TO, FROM));

            ErrorRecord error = g.errors.readValue();
            String topic = perCategory.topics().errorsOf(error.category().name());
            assertThat(g.output(topic, ErrorRecord.class).readValuesToList())
                    .containsExactly(error);
        }
    }

    @Test
    void sessionNeverDisconnected_isClosedAsTimedOut() {
        Duration timeout = PipelineSettings.DEFAULT.sessionTimeout();
        pipe(connect(at(0), "imap", "5.5.5.5"), login(at(1), "imap", "dave", "5.5.5.5"));

        pipe(connect(at(timeout.toSeconds()), "pop3", "6.6.6.6"));

        assertThat(f.sessions.readValuesToList())
                .containsExactly(
                        new SessionRecord(
                                1,
                                HOST,
                                Protocol.IMAP,
                                "dave",
                                "5.5.5.5",
                                "5.5.5.5",
                                at(0),
                                at(1),
                                null,
                                null,
                                SessionEnd.TIMEOUT));
    }

    @Test
    void quietHost_closesOpenSessionsByWallClock() {
        pipe(connect(at(0), "pop3", "5.5.5.5"));

        f.driver.advanceWallClockTime(PipelineSettings.DEFAULT.sessionTimeout().plusMinutes(1));

        assertThat(f.sessions.readValuesToList())
                .extracting(SessionRecord::endedBy)
                .containsExactly(SessionEnd.TIMEOUT);
    }

    @Test
    void disconnectWithoutConnect_isASessionSeenOnlyAtItsEnd() {
        pipe(disconnect(at(0), "pop3", "5.5.5.5"));

        SessionRecord s = f.sessions.readValue();
        assertThat(s.clientIp()).isEqualTo("5.5.5.5");
        assertThat(s.connectedAt()).isNull();
        assertThat(s.disconnectedAt()).isEqualTo(at(0));
        assertThat(s.durationSeconds()).isNull();
    }

    @Test
    void twoClientsOnOneAddress_areClosedOldestFirst() {
        pipe(
                connect(at(0), "pop3", "5.5.5.5"),
                connect(at(1), "pop3", "5.5.5.5"),
                login(at(1), "pop3", "erin", "5.5.5.5"),
                login(at(2), "pop3", "fred", "5.5.5.5"),
                disconnect(at(10), "pop3", "5.5.5.5"),
                disconnect(at(20), "pop3", "5.5.5.5"));

        assertThat(f.sessions.readValuesToList())
                .extracting(SessionRecord::user, SessionRecord::durationSeconds)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("erin", 10L),
                        org.assertj.core.groups.Tuple.tuple("fred", 19L));
    }

    @Test
    void deliveriesStore_isReadableByKey() {
        pipe(queued(at(0), 7, TO, FROM));

        KeyValue<String, Delivery> first;
        try (KeyValueIterator<String, Delivery> it = deliveries().all()) {
            first = it.next();
        }
        assertThat(StoreKeys.parseDelivery(first.key)).isEqualTo(new DeliveryKey(HOST, 7, TO));
        assertThat(first.value.recipientDomain()).isEqualTo("remote.example.com");
    }
}
