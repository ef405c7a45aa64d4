package io.mailflow.runtime.bench;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends {@link BenchLines} to a lines topic keyed by host, as fast as the broker takes them or at a
 * steady rate, and notes when each line was handed to the producer. Each record carries its line's
 * index in the header {@value #LINE_HEADER}, which the copy loop passes on.
 *
 * <p>All lines of a host go to one partition, as the pipeline needs, but the hosts are spread
 * evenly: host {@code i} to partition {@code i mod partitions}. Kafka's default partitioner would
 * put the twelve generated host names on four of six partitions, five on one of them, and a
 * benchmark would then measure that one partition's task rather than the pipeline.
 */
final class LineFeed {
    static final String LINE_HEADER = "bench-line";

    private final Map<String, Object> producerConfig;
    private final int partitions;

    LineFeed(String bootstrapServers, int partitions) {
        this.partitions = partitions;
        Map<String, Object> config = new HashMap<>(CopyLoop.producerConfig(bootstrapServers));
        // A shipper's producer lingers a little; longer would only add to every latency.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        this.producerConfig = Map.copyOf(config);
    }

    /**
     * Sends every line to {@code topic} and returns once the broker has them all.
     *
     * @param linesPerSecond the pace; 0 sends as fast as the producer takes them
     * @param sentAt receives, at each line's index, {@link System#nanoTime()} when it was sent
     * @throws IllegalStateException if the broker refuses a line
     */
    void send(BenchLines lines, String topic, int linesPerSecond, AtomicLongArray sentAt) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < lines.size() && failure.get() == null; i++) {
                if (linesPerSecond > 0) {
                    waitUntil(start + i * TimeUnit.SECONDS.toNanos(1) / linesPerSecond);
                }
                RecordHeaders headers = new RecordHeaders();
                headers.add(LINE_HEADER, ByteBuffer.allocate(4).putInt(i).array());
                sentAt.set(i, System.nanoTime());
                producer.send(
                        new ProducerRecord<>(
                                topic,
                                lines.hostIndex(i) % partitions,
                                lines.hostBytes(i),
                                lines.line(i),
                                headers),
                        (metadata, e) -> {
                            if (e != null) {
                                failure.compareAndSet(null, e);
                            }
                        });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException(
                    "the broker refused a line of topic " + topic, failure.get());
        }
    }

    /** The index in a record's {@value #LINE_HEADER} header, or -1 without one. */
    static int lineIndex(Headers headers) {
        Header header = headers.lastHeader(LINE_HEADER);
        return header == null || header.value().length != 4
                ? -1
                : ByteBuffer.wrap(header.value()).getInt();
    }

    private static void waitUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
