package io.mailflow.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailflow.core.classify.Classification;
import io.mailflow.core.classify.ErrorCategory;
import io.mailflow.core.line.EventType;
import io.mailflow.core.line.LogEvent;
import io.mailflow.core.line.Protocol;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryStateMachineTest {
    private static final String HOST = "mx1";
    private static final long ID = 2549;
    private static final String FROM = "babies@Diapers.Smell.com";
    private static final String TO = "support@Support.WebCrossing.com";
    private static final Instant T0 = Instant.parse("2003-06-20T08:09:46Z");
    private static final Duration STALL_AFTER = Duration.ofHours(49);

    private static final Classification CONNECT =
            new Classification(ErrorCategory.CONNECTION_FAILED, false, "4.4.1", null, "connect");
    private static final Classification UNKNOWN_USER =
            new Classification(ErrorCategory.RECIPIENT_UNKNOWN, true, "5.1.1", 550, "user");
    private static final Classification GAVE_UP =
            new Classification(ErrorCategory.DELIVERY_EXPIRED, true, "4.4.7", null, "expired");

    private static Instant at(int minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    private static LogEvent queued(int minutes) {
        return LogEvent.queued(HOST, at(minutes), ID, FROM, TO);
    }

    private static LogEvent sent(int minutes) {
        return LogEvent.sent(HOST, at(minutes), ID, FROM, TO);
    }

    private static LogEvent error(int minutes, String text) {
        return LogEvent.deliveryError(HOST, at(minutes), ID, FROM, TO, text);
    }

    private static Transition apply(Delivery current, LogEvent event) {
        return DeliveryStateMachine.apply(current, event, null);
    }

    private static Transition apply(Delivery current, LogEvent event, Classification c) {
        return DeliveryStateMachine.apply(current, event, c);
    }

    private static Delivery queuedDelivery() {
        return apply(null, queued(0)).delivery();
    }

    @Test
    void queued_startsQueuedInternalDelivery() {
        Transition t = apply(null, queued(0));

        Delivery d = t.delivery();
        assertThat(t.change()).isEqualTo(Transition.Change.STARTED);
        assertThat(t.statusChanged()).isTrue();
        assertThat(t.queuedLineApplied()).isTrue();
        assertThat(d.key()).isEqualTo(new DeliveryKey(HOST, ID, TO));
        assertThat(d.status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(d.origin()).isEqualTo(Origin.INTERNAL);
        assertThat(d.queuedAt()).isEqualTo(T0);
        assertThat(d.sender()).isEqualTo(FROM);
        assertThat(d.attempts()).isZero();
        assertThat(d.completedAt()).isNull();
        assertThat(d.lastError()).isNull();
    }

    @Test
    void domains_areLowerCase() {
        Delivery d = queuedDelivery();

        assertThat(d.senderDomain()).isEqualTo("diapers.smell.com");
        assertThat(d.recipientDomain()).isEqualTo("support.webcrossing.com");
        assertThat(Delivery.domainOf("no-at-sign")).isNull();
        assertThat(Delivery.domainOf("trailing@")).isNull();
    }

    @Test
    void queuedThenSent_isDeliveredAfterOneAttempt() {
        Transition t = apply(queuedDelivery(), sent(2));

        Delivery d = t.delivery();
        assertThat(t.change()).isEqualTo(Transition.Change.STATUS_CHANGED);
        assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(d.sentAt()).isEqualTo(at(2));
        assertThat(d.completedAt()).isEqualTo(at(2));
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.deliveryTime()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void transientError_isDeferred() {
        Transition t = apply(queuedDelivery(), error(1, "Connect error"), CONNECT);

        assertThat(t.change()).isEqualTo(Transition.Change.STATUS_CHANGED);
        assertThat(t.delivery().status()).isEqualTo(DeliveryStatus.DEFERRED);
        assertThat(t.delivery().lastError().category()).isEqualTo(ErrorCategory.CONNECTION_FAILED);
        assertThat(t.delivery().completedAt()).isNull();
    }

    @Test
    void secondTransientError_staysDeferredWithoutStatusChange() {
        Delivery deferred = apply(queuedDelivery(), error(1, "Connect error"), CONNECT).delivery();

        Transition t = apply(deferred, error(5, "Connect error"), CONNECT);

        assertThat(t.change()).isEqualTo(Transition.Change.UPDATED);
        assertThat(t.delivery().status()).isEqualTo(DeliveryStatus.DEFERRED);
        assertThat(t.delivery().attempts()).isEqualTo(2);
        assertThat(t.delivery().lastError().time()).isEqualTo(at(5));
    }

    @Test
    void transientErrorThenSent_isDeliveredAfterTwoAttempts() {
        Delivery deferred = apply(queuedDelivery(), error(1, "Connect error"), CONNECT).delivery();

        Delivery d = apply(deferred, sent(2)).delivery();

        assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(d.attempts()).isEqualTo(2);
        assertThat(d.lastError().errorText()).isEqualTo("Connect error");
    }

    @Test
    void permanentError_isBounced() {
        Transition t = apply(queuedDelivery(), error(1, "User unknown"), UNKNOWN_USER);

        Delivery d = t.delivery();
        assertThat(t.change()).isEqualTo(Transition.Change.STATUS_CHANGED);
        assertThat(d.status()).isEqualTo(DeliveryStatus.BOUNCED);
        assertThat(d.completedAt()).isEqualTo(at(1));
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.lastError().enhancedStatus()).isEqualTo("5.1.1");
    }

    @Test
    void expiryError_isExpiredAndIsNoAttempt() {
        Delivery deferred = apply(queuedDelivery(), error(1, "Connect error"), CONNECT).delivery();

        Transition t =
                apply(deferred, error(2880, "Could not deliver mail within 48 hours"), GAVE_UP);

        Delivery d = t.delivery();
        assertThat(d.status()).isEqualTo(DeliveryStatus.EXPIRED);
        assertThat(d.completedAt()).isEqualTo(at(2880));
        assertThat(d.attempts()).isEqualTo(1);
        assertThat(d.lastError().category()).isEqualTo(ErrorCategory.DELIVERY_EXPIRED);
    }

    @Test
    void errorStampedBeforeSentButReadAfter_staysDeliveredAndCountsAsAttempt() {
        Delivery delivered = apply(queuedDelivery(), sent(2)).delivery();

        Transition t = apply(delivered, error(1, "Connect error"), CONNECT);

        assertThat(t.change()).isEqualTo(Transition.Change.UPDATED);
        assertThat(t.delivery().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(t.delivery().completedAt()).isEqualTo(at(2));
        assertThat(t.delivery().attempts()).isEqualTo(2);
    }

    @Test
    void permanentErrorStampedBeforeSent_staysDelivered() {
        Delivery delivered = apply(queuedDelivery(), sent(2)).delivery();

        Transition t = apply(delivered, error(1, "User unknown"), UNKNOWN_USER);

        assertThat(t.delivery().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void sentStampedBeforeBounceButReadAfter_staysBounced() {
        Delivery bounced =
                apply(queuedDelivery(), error(3, "User unknown"), UNKNOWN_USER).delivery();

        Transition t = apply(bounced, sent(2));

        assertThat(t.change()).isEqualTo(Transition.Change.UPDATED);
        assertThat(t.delivery().status()).isEqualTo(DeliveryStatus.BOUNCED);
        assertThat(t.delivery().sentAt()).isEqualTo(at(2));
    }

    @Test
    void sentStampedAfterBounce_isDelivered() {
        Delivery bounced =
                apply(queuedDelivery(), error(1, "User unknown"), UNKNOWN_USER).delivery();

        Transition t = apply(bounced, sent(9));

        assertThat(t.change()).isEqualTo(Transition.Change.STATUS_CHANGED);
        assertThat(t.delivery().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(t.delivery().completedAt()).isEqualTo(at(9));
    }

    @Test
    void permanentErrorStampedAfterSent_isBounced() {
        Delivery delivered = apply(queuedDelivery(), sent(2)).delivery();

        Transition t = apply(delivered, error(3, "User unknown"), UNKNOWN_USER);

        assertThat(t.change()).isEqualTo(Transition.Change.STATUS_CHANGED);
        assertThat(t.delivery().status()).isEqualTo(DeliveryStatus.BOUNCED);
        assertThat(t.delivery().completedAt()).isEqualTo(at(3));
    }

    @Test
    void transientErrorStampedAfterDelivered_isDeferredAgain() {
        Delivery delivered = apply(queuedDelivery(), sent(2)).delivery();

        Transition t = apply(delivered, error(3, "Connect error"), CONNECT);

        assertThat(t.delivery().status()).isEqualTo(DeliveryStatus.DEFERRED);
        assertThat(t.delivery().completedAt()).isNull();
    }

    @Test
    void lineStampedBeforeQueued_belongsToEarlierDeliveryAndIsIgnored() {
        Delivery current = queuedDelivery();

        assertThat(apply(current, error(-1, "Connect error"), CONNECT).change())
                .isEqualTo(Transition.Change.IGNORED);
        assertThat(apply(current, sent(-1)).change()).isEqualTo(Transition.Change.IGNORED);
        assertThat(apply(current, queued(-1)).change()).isEqualTo(Transition.Change.IGNORED);
    }

    @Test
    void queuedAfterFinal_startsNewDelivery() {
        Delivery delivered = apply(queuedDelivery(), sent(2)).delivery();

        Transition t = apply(delivered, queued(600));

        assertThat(t.change()).isEqualTo(Transition.Change.STARTED);
        assertThat(t.replacedPrevious()).isTrue();
        assertThat(t.previous()).isEqualTo(delivered);
        assertThat(t.delivery().status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(t.delivery().queuedAt()).isEqualTo(at(600));
        assertThat(t.delivery().attempts()).isZero();
        assertThat(t.delivery().sentAt()).isNull();
    }

    @Test
    void queuedAfterUnfinishedDelivery_startsNewDelivery() {
        Delivery deferred = apply(queuedDelivery(), error(1, "Connect error"), CONNECT).delivery();

        Transition t = apply(deferred, queued(600));

        assertThat(t.replacedPrevious()).isTrue();
        assertThat(t.delivery().status()).isEqualTo(DeliveryStatus.QUEUED);
    }

    @Test
    void repeatedQueuedLine_isIgnored() {
        assertThat(apply(queuedDelivery(), queued(0)).change())
                .isEqualTo(Transition.Change.IGNORED);
    }

    @Test
    void repeatedErrorLine_isIgnored() {
        Delivery deferred = apply(queuedDelivery(), error(1, "Connect error"), CONNECT).delivery();

        Transition t = apply(deferred, error(1, "Connect error"), CONNECT);

        assertThat(t.change()).isEqualTo(Transition.Change.IGNORED);
        assertThat(t.delivery().attempts()).isEqualTo(1);
    }

    @Test
    void repeatedSentLine_isIgnored() {
        Delivery delivered = apply(queuedDelivery(), sent(2)).delivery();

        assertThat(apply(delivered, sent(2)).change()).isEqualTo(Transition.Change.IGNORED);
    }

    @Test
    void sentForUnknownKey_isDeliveredWithoutQueuedAt() {
        Transition t = apply(null, sent(2));

        Delivery d = t.delivery();
        assertThat(t.change()).isEqualTo(Transition.Change.STARTED);
        assertThat(t.queuedLineApplied()).isFalse();
        assertThat(d.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(d.queuedAt()).isNull();
        assertThat(d.firstSeenAt()).isEqualTo(at(2));
        assertThat(d.deliveryTime()).isNull();
        assertThat(d.attempts()).isEqualTo(1);
    }

    @Test
    void transientErrorForUnknownKey_isDeferredWithoutQueuedAt() {
        Delivery d = apply(null, error(1, "Connect error"), CONNECT).delivery();

        assertThat(d.status()).isEqualTo(DeliveryStatus.DEFERRED);
        assertThat(d.queuedAt()).isNull();
        assertThat(d.attempts()).isEqualTo(1);
    }

    @Test
    void permanentErrorForUnknownKey_isBounced() {
        Delivery d = apply(null, error(1, "User unknown"), UNKNOWN_USER).delivery();

        assertThat(d.status()).isEqualTo(DeliveryStatus.BOUNCED);
        assertThat(d.completedAt()).isEqualTo(at(1));
    }

    @Test
    void queuedReadAfterItsSent_fillsQueuedAtAndKeepsStatus() {
        Delivery delivered = apply(null, sent(2)).delivery();

        Transition t = apply(delivered, queued(0));

        assertThat(t.change()).isEqualTo(Transition.Change.UPDATED);
        assertThat(t.queuedLineApplied()).isTrue();
        assertThat(t.delivery().status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(t.delivery().queuedAt()).isEqualTo(T0);
        assertThat(t.delivery().deliveryTime()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void queuedStampedAfterFirstLineOfDeliveryWithoutOne_startsNewDelivery() {
        Delivery delivered = apply(null, sent(2)).delivery();

        Transition t = apply(delivered, queued(3));

        assertThat(t.replacedPrevious()).isTrue();
        assertThat(t.delivery().status()).isEqualTo(DeliveryStatus.QUEUED);
    }

    @Test
    void stall_afterStallPeriod_isStalledAtItsDueTime() {
        Delivery deferred = apply(queuedDelivery(), error(1, "Connect error"), CONNECT).delivery();

        Transition t =
                DeliveryStateMachine.stall(
                        deferred, T0.plus(STALL_AFTER).plusSeconds(90), STALL_AFTER);

        assertThat(t.change()).isEqualTo(Transition.Change.STATUS_CHANGED);
        assertThat(t.delivery().status()).isEqualTo(DeliveryStatus.STALLED);
        assertThat(t.delivery().updatedAt()).isEqualTo(T0.plus(STALL_AFTER));
        assertThat(t.delivery().completedAt()).isNull();
    }

    @Test
    void stall_beforeDueTime_isIgnored() {
        Instant justBefore = T0.plus(STALL_AFTER).minusSeconds(1);

        assertThat(DeliveryStateMachine.stall(queuedDelivery(), justBefore, STALL_AFTER).change())
                .isEqualTo(Transition.Change.IGNORED);
    }

    @Test
    void stall_exactlyAtDueTime_isStalled() {
        Instant due = T0.plus(STALL_AFTER);

        assertThat(
                        DeliveryStateMachine.stall(queuedDelivery(), due, STALL_AFTER)
                                .delivery()
                                .status())
                .isEqualTo(DeliveryStatus.STALLED);
    }

    @Test
    void stall_ofFinalDelivery_isIgnored() {
        Delivery delivered = apply(queuedDelivery(), sent(2)).delivery();

        Transition t =
                DeliveryStateMachine.stall(delivered, T0.plus(Duration.ofDays(9)), STALL_AFTER);

        assertThat(t.change()).isEqualTo(Transition.Change.IGNORED);
    }

    @Test
    void stall_withoutQueuedLine_countsFromFirstLine() {
        Delivery deferred = apply(null, error(60, "Connect error"), CONNECT).delivery();

        assertThat(deferred.stallsAt(STALL_AFTER)).isEqualTo(at(60).plus(STALL_AFTER));
    }

    @Test
    void stalledThenTransientError_staysStalled() {
        Delivery stalled = stalled();

        Transition t = apply(stalled, error(49 * 60 + 5, "Connect error"), CONNECT);

        assertThat(t.change()).isEqualTo(Transition.Change.UPDATED);
        assertThat(t.delivery().status()).isEqualTo(DeliveryStatus.STALLED);
    }

    @Test
    void stalledThenSent_isDelivered() {
        Transition t = apply(stalled(), sent(49 * 60 + 5));

        assertThat(t.change()).isEqualTo(Transition.Change.STATUS_CHANGED);
        assertThat(t.delivery().status()).isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void stalledThenExpiry_isExpired() {
        Transition t = apply(stalled(), error(49 * 60 + 5, "Could not deliver"), GAVE_UP);

        assertThat(t.delivery().status()).isEqualTo(DeliveryStatus.EXPIRED);
    }

    @Test
    void receivedFrom_makesDeliveryRelayed() {
        Delivery d = queuedDelivery().receivedFrom("1.2.3.4");

        assertThat(d.origin()).isEqualTo(Origin.SMTP_IN);
        assertThat(d.clientIp()).isEqualTo("1.2.3.4");
    }

    @Test
    void eventOfAnotherKey_isRefused() {
        LogEvent other = LogEvent.sent(HOST, at(1), ID + 1, FROM, TO);

        assertThatThrownBy(() -> apply(queuedDelivery(), other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("applied to delivery");
    }

    @Test
    void sessionEvent_isRefused() {
        LogEvent login =
                LogEvent.session(EventType.SESSION_LOGIN, HOST, T0, Protocol.POP3, "1.2.3.4", "u");

        assertThatThrownBy(() -> apply(null, login))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SESSION_LOGIN");
    }

    @Test
    void errorWithoutClassification_isRefused() {
        assertThatThrownBy(() -> apply(queuedDelivery(), error(1, "x")))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("classification");
    }

    private static Delivery stalled() {
        Delivery deferred = apply(queuedDelivery(), error(1, "Connect error"), CONNECT).delivery();
        return DeliveryStateMachine.stall(deferred, T0.plus(Duration.ofDays(3)), STALL_AFTER)
                .delivery();
    }
}
