package io.mailflow.runtime.bench;

import io.mailflow.topology.StreamsSettings;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The least any pipeline pays: one consumer and one producer copying every record of a topic to
 * another, to the same partition, with its key, value, timestamp and headers, and nothing else. The
 * producer batches and compresses as the pipeline's do ({@link StreamsSettings#producerDefaults()},
 * acks=all, idempotent) but lingers 10 ms; offsets are committed every 100 ms, as often as Kafka
 * Streams commits under exactly-once, but without transactions.
 */
final class CopyLoop implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long COMMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final ConsumerThread consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final String to;
    private final AtomicLong copied = new AtomicLong();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private volatile Moment firstRead;
    private long lastCommit = System.nanoTime();

    CopyLoop(String bootstrapServers, String groupId, String from, String to) {
        this.to = to;
        this.producer =
                new KafkaProducer<>(
                        producerConfig(bootstrapServers),
                        new ByteArraySerializer(),
                        new ByteArraySerializer());
        this.consumer =
                new ConsumerThread(
                        "mailflow-bench-copy-loop",
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ConsumerConfig.GROUP_ID_CONFIG,
                                groupId,
                                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                                "earliest",
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false,
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed"),
                        c -> c.subscribe(List.of(from), new OnAssigned()),
                        this::copy);
    }

    /**
     * The batches of the pipeline's producers, without transactions. Without them a copy is
     * readable once the broker has it, so the loop lingers only briefly, as a producer tuned for
     * latency would, where the pipeline's producers wait for their commit.
     */
    static Map<String, Object> producerConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>(StreamsSettings.producerDefaults());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    void start() {
        consumer.start();
    }

    /** Records the broker has acknowledged as copied. */
    long copied() {
        return copied.get();
    }

    /** When the first records were read, or null before. */
    Moment firstRead() {
        return firstRead;
    }

    /**
     * Waits until the loop's consumer has its partitions, so that lines sent from then on are read
     * at once.
     *
     * @throws IllegalStateException if that takes longer than {@code timeout}
     */
    void awaitAssigned(Duration timeout) throws InterruptedException {
        if (!assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the copy loop got no partitions within " + timeout);
        }
    }

    /** The error that stopped the loop, or null while it runs or after a clean stop. */
    Throwable failure() {
        return consumer.failure();
    }

    private void copy(KafkaConsumer<byte[], byte[]> c) {
        var records = c.poll(POLL);
        if (!records.isEmpty() && firstRead == null) {
            firstRead = Moment.now();
        }
        for (ConsumerRecord<byte[], byte[]> r : records) {
            producer.send(
                    new ProducerRecord<>(
                            to, r.partition(), r.timestamp(), r.key(), r.value(), r.headers()),
                    (metadata, e) -> {
                        if (e == null) {
                            copied.incrementAndGet();
                        } else {
                            consumer.fail(e);
                        }
                    });
        }
        if (System.nanoTime() - lastCommit >= COMMIT_NANOS) {
            c.commitAsync();
            lastCommit = System.nanoTime();
        }
    }

    @Override
    public void close() {
        consumer.close();
        producer.close();
    }

    private final class OnAssigned implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            assigned.countDown();
        }
    }
}
