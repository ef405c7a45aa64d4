package io.mailflow.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.KeyValue;

/**
 * Reads a whole topic as a downstream consumer would under exactly-once: {@code read_committed},
 * from the beginning, partition by partition in offset order.
 */
final class CommittedRecords {
    private static final Duration POLL = Duration.ofMillis(200);

    private CommittedRecords() {}

    /**
     * Every committed record of {@code topic}, once no transaction is open on it any more: an open
     * one would hide the records after it from a {@code read_committed} reader.
     */
    static List<KeyValue<String, byte[]>> readAll(
            KafkaCluster kafka, String topic, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = consumer(kafka)) {
            List<TopicPartition> partitions =
                    consumer.partitionsFor(topic, timeout).stream()
                            .map(p -> new TopicPartition(topic, p.partition()))
                            .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = awaitNoOpenTransaction(kafka, consumer, deadline);
            consumer.seekToBeginning(partitions);
            return readUntil(consumer, ends, deadline);
        }
    }

    /** The last stable offsets, once they equal the high watermarks. */
    private static Map<TopicPartition, Long> awaitNoOpenTransaction(
            KafkaCluster kafka, KafkaConsumer<String, byte[]> committed, long deadline)
            throws InterruptedException {
        try (KafkaConsumer<String, byte[]> uncommitted =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers(),
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_uncommitted"),
                        new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            while (true) {
                Map<TopicPartition, Long> stable = committed.endOffsets(committed.assignment());
                Map<TopicPartition, Long> high = uncommitted.endOffsets(committed.assignment());
                if (stable.equals(high)) {
                    return stable;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(
                            "a transaction stayed open: stable offsets "
                                    + stable
                                    + ", high watermarks "
                                    + high);
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    private static List<KeyValue<String, byte[]>> readUntil(
            KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends, long deadline) {
        List<KeyValue<String, byte[]>> records = new ArrayList<>();
        while (!reached(consumer, ends)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("cannot read to the end offsets " + ends + " in time");
            }
            for (ConsumerRecord<String, byte[]> r : consumer.poll(POLL)) {
                if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition()))) {
                    records.add(KeyValue.pair(r.key(), r.value()));
                }
            }
        }
        return records;
    }

    /** Transaction markers take offsets too, so the position may pass the last record. */
    private static boolean reached(
            KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream()
                .allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static KafkaConsumer<String, byte[]> consumer(KafkaCluster kafka) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
