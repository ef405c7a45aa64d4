package io.mailflow.runtime.demo;

import io.mailflow.core.line.LineSplitter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends log files to the lines topic at a steady rate, the hosts' lines interleaved, keyed by host
 * as mailflow's shipper keys them: so that the demo's dashboard shows mail flowing rather than one
 * burst.
 */
final class PacedFeed {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Map<String, Object> producerConfig;
    private final String topic;
    private final int linesPerSecond;

    /**
     * @param linesPerSecond the rate to send at; 0 sends as fast as the broker takes them
     */
    PacedFeed(String bootstrapServers, String topic, int linesPerSecond) {
        this.producerConfig =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ProducerConfig.ACKS_CONFIG,
                        "all",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                        true,
                        ProducerConfig.LINGER_MS_CONFIG,
                        5);
        this.topic = topic;
        this.linesPerSecond = linesPerSecond;
    }

    /** Sends every line of {@code sources}, one host after another in turn; returns the count. */
    long send(List<Demo.Log> sources) throws IOException {
        List<List<byte[]>> perSource = new ArrayList<>();
        for (Demo.Log source : sources) {
            perSource.add(readLines(source.file()));
        }
        long sent = 0;
        long start = System.nanoTime();
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(
                        producerConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; anyLeft(perSource, i); i++) {
                for (int s = 0; s < sources.size(); s++) {
                    if (i < perSource.get(s).size()) {
                        byte[] host = sources.get(s).host().getBytes(StandardCharsets.UTF_8);
                        producer.send(new ProducerRecord<>(topic, host, perSource.get(s).get(i)));
                        pace(++sent, start);
                    }
                }
            }
            producer.flush();
        }
        return sent;
    }

    private void pace(long sent, long start) {
        if (linesPerSecond <= 0) {
            return;
        }
        long due = start + sent * NANOS_PER_SECOND / linesPerSecond;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new IllegalStateException("the demo feed was interrupted");
        }
    }

    private static boolean anyLeft(List<List<byte[]>> perSource, int index) {
        return perSource.stream().anyMatch(lines -> index < lines.size());
    }

    private static List<byte[]> readLines(Path file) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            LineSplitter.split(in, lines::add);
        }
        return lines;
    }
}
