package io.mailflow.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailflow.core.delivery.DeliveryStatus;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatestOutcomesTest {
    private static final String KEY = "mail01\u00002549\u0000support@support.webcrossing.com";
    private static final String QUEUED_AT = "2003-06-20T08:09:46Z";

    private final LatestOutcomes outcomes = new LatestOutcomes();

    @Test
    void queuedThenDeferredThenDelivered_keepsOnlyTheLast() {
        outcomes.accept(KEY, outcome("QUEUED", QUEUED_AT));
        outcomes.accept(KEY, outcome("DEFERRED", QUEUED_AT));
        outcomes.accept(KEY, outcome("DELIVERED", QUEUED_AT));

        assertThat(statuses()).containsExactly("DELIVERED");
    }

    @Test
    void reusedMessageIdWithANewQueuedTime_isASecondDelivery() {
        outcomes.accept(KEY, outcome("DELIVERED", QUEUED_AT));
        outcomes.accept(KEY, outcome("QUEUED", "2003-06-22T10:00:00Z"));
        outcomes.accept(KEY, outcome("BOUNCED", "2003-06-22T10:00:00Z"));

        assertThat(statuses()).containsExactly("DELIVERED", "BOUNCED");
        assertThat(outcomes.countByStatus())
                .containsEntry(DeliveryStatus.DELIVERED, 1L)
                .containsEntry(DeliveryStatus.BOUNCED, 1L)
                .containsEntry(DeliveryStatus.QUEUED, 0L)
                .hasSize(DeliveryStatus.values().length);
    }

    @Test
    void errorBeforeItsQueuedLine_isTheSameDeliveryOnceTheQueuedTimeIsKnown() {
        outcomes.accept(KEY, outcome("DEFERRED", null));
        outcomes.accept(KEY, outcome("DEFERRED", QUEUED_AT));

        assertThat(outcomes.latest())
                .singleElement()
                .satisfies(o -> assertThat(o.queuedAt()).isEqualTo(QUEUED_AT));
    }

    @Test
    void tombstone_forgetsTheKey() {
        outcomes.accept(KEY, outcome("DELIVERED", QUEUED_AT));
        outcomes.accept(KEY, null);

        assertThat(outcomes.latest()).isEmpty();
    }

    @Test
    void deliveriesOfDifferentKeys_keepTheOrderTheirKeysFirstAppeared() {
        outcomes.accept("b", outcome("QUEUED", QUEUED_AT));
        outcomes.accept("a", outcome("DELIVERED", QUEUED_AT));
        outcomes.accept("b", outcome("EXPIRED", QUEUED_AT));

        assertThat(statuses()).containsExactly("EXPIRED", "DELIVERED");
    }

    @Test
    void recordThatIsNotAnOutcome_isRefused() {
        byte[] notJson = "queued".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> outcomes.accept(KEY, notJson))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("outcome record");
    }

    private List<String> statuses() {
        return outcomes.latest().stream().map(o -> o.status().name()).toList();
    }

    private static byte[] outcome(String status, String queuedAt) {
        String queued = queuedAt == null ? "null" : "\"" + queuedAt + "\"";
        return ("{\"host\":\"mail01\",\"messageId\":2549,\"status\":\""
                        + status
                        + "\",\"queuedAt\":"
                        + queued
                        + "}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
