package io.mailflow.runtime.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads an output topic from its start with {@code read_committed}, as a downstream consumer would,
 * and for every record it can trace to the line that caused it, records the time from that line's
 * send to the moment the record was read.
 */
final class OutputProbe implements AutoCloseable {
    /** Finds the index of the line that caused an output record. */
    @FunctionalInterface
    interface Tracer {
        /** The line's index, or -1 when the record cannot be traced to one line. */
        int lineOf(ConsumerRecord<byte[], byte[]> record);
    }

    private static final Duration POLL = Duration.ofMillis(20);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;
    private final Tracer tracer;
    private final AtomicLongArray sentAt;
    private final Thread thread;
    private final Histogram micros = new Histogram(3);
    private final AtomicLongArray positions;
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong traced = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;

    /**
     * @param sentAt {@link System#nanoTime()} when each line was sent, by index
     */
    OutputProbe(
            String bootstrapServers,
            String topic,
            int partitionCount,
            Tracer tracer,
            AtomicLongArray sentAt) {
        this.consumer =
                new KafkaConsumer<>(
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed",
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false,
                                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                                20),
                        new ByteArrayDeserializer(),
                        new ByteArrayDeserializer());
        this.partitions =
                IntStream.range(0, partitionCount)
                        .mapToObj(p -> new TopicPartition(topic, p))
                        .toList();
        this.positions = new AtomicLongArray(partitionCount);
        this.tracer = tracer;
        this.sentAt = sentAt;
        this.thread = new Thread(this::loop, "mailflow-bench-probe-" + topic);
    }

    /** Starts reading; records are looked at from the first offset on. */
    void start() {
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread.start();
    }

    long read() {
        return read.get();
    }

    long traced() {
        return traced.get();
    }

    /**
     * Waits until the reader's position has reached {@code ends} in every partition.
     *
     * @param ends the offset to reach in each partition, by partition number
     * @throws IllegalStateException if that takes longer than {@code timeout}
     */
    void awaitPositions(long[] ends, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!reached(ends)) {
            checkFailure();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "the output reader did not reach the end of "
                                + partitions.get(0).topic()
                                + " within "
                                + timeout);
            }
            Thread.sleep(10);
        }
    }

    private boolean reached(long[] ends) {
        for (int p = 0; p < ends.length; p++) {
            if (positions.get(p) < ends[p]) {
                return false;
            }
        }
        return true;
    }

    /** Stops reading and returns the latencies of the traced records. */
    Latency stop() {
        close();
        checkFailure();
        return Latency.of(read.get(), micros);
    }

    private void checkFailure() {
        if (failure.get() != null) {
            throw new IllegalStateException("the output reader failed", failure.get());
        }
    }

    private void loop() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    long now = System.nanoTime();
                    read.incrementAndGet();
                    int line = tracer.lineOf(r);
                    if (line >= 0) {
                        long sent = sentAt.get(line);
                        micros.recordValue(Math.max(0, now - sent) / 1000);
                        traced.incrementAndGet();
                    }
                }
                for (TopicPartition tp : partitions) {
                    positions.set(tp.partition(), consumer.position(tp));
                }
            }
        } catch (WakeupException e) {
            // close() woke the consumer up to stop reading
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
        consumer.close();
    }
}
