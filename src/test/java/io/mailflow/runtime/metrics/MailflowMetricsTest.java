package io.mailflow.runtime.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.core.classify.ErrorCategory;
import io.mailflow.core.delivery.DeliveryStatus;
import io.mailflow.core.delivery.Origin;
import io.mailflow.core.line.EventType;
import io.mailflow.topology.OutcomeRecord;
import io.mailflow.topology.RejectRecord;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MailflowMetricsTest {
    private final RecentRejects recent = new RecentRejects();
    private final MailflowMetrics metrics = new MailflowMetrics(recent);

    @Test
    void counts_appearInThePrometheusText() {
        metrics.lineRead();
        metrics.lineRead();
        metrics.blankLine();
        metrics.eventParsed(EventType.SENT);

        String text = metrics.scrape();

        assertThat(text).contains("mailflow_lines_read_total 2.0");
        assertThat(text).contains("mailflow_lines_blank_total 1.0");
        assertThat(text).contains("mailflow_events_total{type=\"SENT\"} 1.0");
        assertThat(text).contains("jvm_memory_used_bytes");
    }

    @Test
    void reject_isCountedByReasonAndListedWithoutTheLine() {
        metrics.lineRejected(reject("BAD_DATE"));
        metrics.lineRejected(reject("BAD_DATE"));

        assertThat(metrics.scrape()).contains("mailflow_rejects_total{reason=\"BAD_DATE\"} 2.0");
        assertThat(recent.latest())
                .hasSize(2)
                .allSatisfy(
                        e -> {
                            assertThat(e.topic()).isEqualTo("webx.log.lines");
                            assertThat(e.offset()).isEqualTo(42);
                            assertThat(e.toString()).doesNotContain("someone@example.com");
                        });
    }

    @Test
    void outcome_isCountedByStatusAndCategoryWithItsLag() {
        metrics.outcomeEmitted(outcome(DeliveryStatus.BOUNCED, ErrorCategory.RECIPIENT_UNKNOWN));
        metrics.outcomeEmitted(outcome(DeliveryStatus.DELIVERED, null));

        String text = metrics.scrape();

        assertThat(text)
                .contains(
                        "mailflow_outcomes_total{category=\"RECIPIENT_UNKNOWN\",status=\"BOUNCED\"}"
                                + " 1.0");
        assertThat(text)
                .contains("mailflow_outcomes_total{category=\"NONE\",status=\"DELIVERED\"} 1.0");
        assertThat(text).contains("mailflow_outcome_lag_seconds_count 2");
    }

    @Test
    void recentRejects_keepTheNewestUpToTheirCapacity() {
        for (int i = 0; i < RecentRejects.CAPACITY + 5; i++) {
            metrics.lineRejected(reject("R" + i));
        }

        assertThat(recent.latest()).hasSize(RecentRejects.CAPACITY);
        assertThat(recent.latest().get(0).reason()).isEqualTo("R" + (RecentRejects.CAPACITY + 4));
    }

    private static RejectRecord reject(String reason) {
        return new RejectRecord(
                1,
                "mail01",
                "x someone@example.com",
                reason,
                "date: expected DD-Mon-YY",
                1,
                "DD-Mon-YY",
                "webx.log.lines",
                0,
                42,
                null,
                null);
    }

    private static OutcomeRecord outcome(DeliveryStatus status, ErrorCategory category) {
        Instant t = Instant.parse("2003-06-20T08:11:04Z");
        return new OutcomeRecord(
                1,
                "mail01",
                2549,
                "r@d.example",
                "d.example",
                "s@e.example",
                "e.example",
                Origin.INTERNAL,
                null,
                status,
                category,
                category != null,
                null,
                null,
                1,
                t,
                t,
                0L,
                t);
    }
}
