package io.mailflow.runtime.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.IntStream;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads an output topic from its start with {@code read_committed}, as a downstream consumer would,
 * and for every record it can trace to the line that caused it, records the time from that line's
 * send to the moment the record was read. Records of the first lines are read but not timed: the
 * loop or pipeline that wrote them had only just started.
 */
final class OutputProbe implements AutoCloseable {
    /** Finds the index of the line that caused an output record. */
    @FunctionalInterface
    interface Tracer {
        /** The line's index, or -1 when the record cannot be traced to one line. */
        int lineOf(ConsumerRecord<byte[], byte[]> record);
    }

    private static final Duration POLL = Duration.ofMillis(20);

    private final ConsumerThread consumer;
    private final List<TopicPartition> partitions;
    private final Tracer tracer;
    private final AtomicLongArray sentAt;
    private final int firstTimedLine;
    private final AtomicLongArray positions;
    private final Histogram micros = new Histogram(3);
    private final AtomicLong read = new AtomicLong();
    private final AtomicLong traced = new AtomicLong();

    /**
     * @param sentAt {@link System#nanoTime()} when each line was sent, by index
     * @param firstTimedLine the index of the first line whose records are timed
     */
    OutputProbe(
            String bootstrapServers,
            String topic,
            int partitionCount,
            Tracer tracer,
            AtomicLongArray sentAt,
            int firstTimedLine) {
        this.partitions =
                IntStream.range(0, partitionCount)
                        .mapToObj(p -> new TopicPartition(topic, p))
                        .toList();
        this.positions = new AtomicLongArray(partitionCount);
        this.tracer = tracer;
        this.sentAt = sentAt;
        this.firstTimedLine = firstTimedLine;
        this.consumer =
                new ConsumerThread(
                        "mailflow-bench-probe-" + topic,
                        Map.of(
                                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                                "read_committed",
                                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                                false,
                                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                                20),
                        c -> {
                            c.assign(partitions);
                            c.seekToBeginning(partitions);
                        },
                        this::readOnce);
    }

    /** Starts reading; records are looked at from the first offset on. */
    void start() {
        consumer.start();
    }

    /** Records traced to their line so far. */
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

    /** The error that stopped the reader, or null. */
    Throwable failure() {
        return consumer.failure();
    }

    /** Stops reading and returns the latencies of the timed records. */
    Latency stop() {
        close();
        checkFailure();
        return Latency.of(read.get(), micros);
    }

    private boolean reached(long[] ends) {
        for (int p = 0; p < ends.length; p++) {
            if (positions.get(p) < ends[p]) {
                return false;
            }
        }
        return true;
    }

    private void checkFailure() {
        if (consumer.failure() != null) {
            throw new IllegalStateException("the output reader failed", consumer.failure());
        }
    }

    private void readOnce(KafkaConsumer<byte[], byte[]> c) {
        for (ConsumerRecord<byte[], byte[]> r : c.poll(POLL)) {
            long now = System.nanoTime();
            read.incrementAndGet();
            int line = tracer.lineOf(r);
            if (line >= firstTimedLine) {
                micros.recordValue(Math.max(0, now - sentAt.get(line)) / 1000);
            }
            if (line >= 0) {
                traced.incrementAndGet();
            }
        }
        for (TopicPartition tp : partitions) {
            positions.set(tp.partition(), c.position(tp));
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
