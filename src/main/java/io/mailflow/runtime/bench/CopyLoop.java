package io.mailflow.runtime.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The least any pipeline pays: one consumer and one producer copying every record of a topic to
 * another, to the same partition, with its key, value, timestamp and headers, and nothing else. The
 * producer is configured as the pipeline's (acks=all, idempotent, lz4, 10 ms linger, 128 KiB
 * batches); offsets are committed every 100 ms, as often as Kafka Streams commits under
 * exactly-once, but without transactions.
 */
final class CopyLoop implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long COMMIT_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final String from;
    private final String to;
    private final Thread thread;
    private final AtomicLong copied = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private volatile long firstReadNanos;
    private volatile boolean running = true;

    CopyLoop(String bootstrapServers, String groupId, String from, String to) {
        this.from = from;
        this.to = to;
        this.consumer =
                new KafkaConsumer<>(
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
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
        this.producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ProducerConfig.ACKS_CONFIG,
                                "all",
                                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                                true,
                                ProducerConfig.COMPRESSION_TYPE_CONFIG,
                                "lz4",
                                ProducerConfig.LINGER_MS_CONFIG,
                                10,
                                ProducerConfig.BATCH_SIZE_CONFIG,
                                128 * 1024),
                        new ByteArraySerializer(),
                        new ByteArraySerializer());
        this.thread = new Thread(this::loop, "mailflow-bench-copy-loop");
    }

    void start() {
        thread.start();
    }

    /** Records the broker has acknowledged as copied. */
    long copied() {
        return copied.get();
    }

    /** {@link System#nanoTime()} when the first records were read, or 0 before. */
    long firstReadNanos() {
        return firstReadNanos;
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
        return failure.get();
    }

    private void loop() {
        try {
            consumer.subscribe(
                    List.of(from),
                    new ConsumerRebalanceListener() {
                        @Override
                        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}

                        @Override
                        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                            assigned.countDown();
                        }
                    });
            long lastCommit = System.nanoTime();
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                if (!records.isEmpty() && firstReadNanos == 0) {
                    firstReadNanos = System.nanoTime();
                }
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    producer.send(
                            new ProducerRecord<>(
                                    to,
                                    r.partition(),
                                    r.timestamp(),
                                    r.key(),
                                    r.value(),
                                    r.headers()),
                            (metadata, e) -> {
                                if (e == null) {
                                    copied.incrementAndGet();
                                } else {
                                    failure.compareAndSet(null, e);
                                }
                            });
                }
                if (System.nanoTime() - lastCommit >= COMMIT_NANOS) {
                    consumer.commitAsync();
                    lastCommit = System.nanoTime();
                }
            }
        } catch (WakeupException e) {
            // close() woke the consumer up to stop the loop
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close();
        consumer.close();
    }
}
