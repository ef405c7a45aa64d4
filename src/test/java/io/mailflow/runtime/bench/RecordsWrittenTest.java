package io.mailflow.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;

class RecordsWrittenTest {
    private final Map<MetricName, Metric> metrics = new HashMap<>();

    @Test
    void countsEachTopicsSentRecords_namingChangelogsByTheirStore() {
        sent("app-1-producer", "app-deliveries-changelog", 40);
        sent("app-2-producer", "app-deliveries-changelog", 2);
        sent("app-1-producer", "bench.run.webx.delivery.outcomes", 30);
        sent("app-1-producer", "bench.run.webx.mail.inbound", 0);
        sent("app-1-producer", "elsewhere", 5);
        metrics.put(
                new MetricName(
                        RecordsWritten.NAME, "producer-metrics", "", Map.of("client-id", "x")),
                metric(99));
        metrics.put(
                new MetricName(
                        "byte-total",
                        RecordsWritten.GROUP,
                        "",
                        Map.of("client-id", "x", "topic", "elsewhere")),
                metric(1234));

        assertThat(RecordsWritten.byTopic(metrics, "app", "bench.run."))
                .containsExactly(
                        Map.entry("changelog deliveries", 42L),
                        Map.entry("elsewhere", 5L),
                        Map.entry("webx.delivery.outcomes", 30L));
    }

    private void sent(String client, String topic, double records) {
        metrics.put(
                new MetricName(
                        RecordsWritten.NAME,
                        RecordsWritten.GROUP,
                        "",
                        Map.of("client-id", client, "topic", topic)),
                metric(records));
    }

    private static Metric metric(double value) {
        return new Metric() {
            @Override
            public MetricName metricName() {
                return null;
            }

            @Override
            public Object metricValue() {
                return value;
            }
        };
    }
}
