package io.mailflow.runtime.bench;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * How many records a Kafka Streams application wrote to each topic, its changelogs included, from
 * its producers' own count ({@code record-send-total} of {@code producer-topic-metrics}); records
 * of aborted transactions count too, as they cost as much to send.
 */
final class RecordsWritten {
    static final String GROUP = "producer-topic-metrics";
    static final String NAME = "record-send-total";

    private RecordsWritten() {}

    /**
     * The records sent per topic, named for the reader: a changelog {@code
     * <applicationId>-<store>-changelog} as {@code changelog <store>}, any other topic without
     * {@code topicPrefix}.
     */
    static Map<String, Long> byTopic(
            Map<MetricName, ? extends Metric> metrics, String applicationId, String topicPrefix) {
        Map<String, Long> written = new TreeMap<>();
        metrics.forEach(
                (name, metric) -> {
                    String topic = name.tags().get("topic");
                    if (name.group().equals(GROUP) && name.name().equals(NAME) && topic != null) {
                        long sent = ((Number) metric.metricValue()).longValue();
                        if (sent > 0) {
                            written.merge(
                                    label(topic, applicationId, topicPrefix), sent, Long::sum);
                        }
                    }
                });
        return written;
    }

    private static String label(String topic, String applicationId, String topicPrefix) {
        String changelogStart = applicationId + "-";
        String changelogEnd = "-changelog";
        if (topic.startsWith(changelogStart) && topic.endsWith(changelogEnd)) {
            return "changelog "
                    + topic.substring(
                            changelogStart.length(), topic.length() - changelogEnd.length());
        }
        return topic.startsWith(topicPrefix) ? topic.substring(topicPrefix.length()) : topic;
    }
}
