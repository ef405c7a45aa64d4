package io.mailflow.it;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Sends lines to the lines topic from a thread of its own at a steady rate, as a shipper following
 * live logs would, so that the pipeline is still busy when a test disturbs it.
 */
final class PacedSender implements AutoCloseable {
    private static final int CHUNK = 250;

    /** While held back: a line for each of a few hosts ten times a second, so none goes quiet. */
    private static final int TRICKLE_CHUNK = 5;

    private static final long TRICKLE_PAUSE_NANOS = 100_000_000L;

    private final List<GeneratedTraffic.HostLine> lines;
    private final String topic;
    private final Map<String, Object> config;
    private final long nanosPerChunk;
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile int holdBackFrom = Integer.MAX_VALUE;

    /**
     * @param linesPerSecond the rate; the whole input takes its size divided by this
     */
    PacedSender(
            String bootstrapServers,
            String topic,
            List<GeneratedTraffic.HostLine> lines,
            int linesPerSecond) {
        this.lines = lines;
        this.topic = topic;
        this.nanosPerChunk = 1_000_000_000L * CHUNK / linesPerSecond;
        this.config = producerConfig(bootstrapServers);
        this.thread = new Thread(this::sendAll, "paced-sender-" + topic);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /**
     * Slows down to a trickle once {@code lines} lines are sent, until {@link #release()}: the
     * pipeline then cannot finish the input while a test is still disturbing it.
     */
    PacedSender holdBackFrom(int lines) {
        holdBackFrom = lines;
        return this;
    }

    /** Goes back to the full rate. */
    void release() {
        holdBackFrom = Integer.MAX_VALUE;
    }

    /** How many lines were handed to the producer so far. */
    int sent() {
        return sent.get();
    }

    /** Waits until every line is on the broker. */
    void awaitDone(Duration timeout) throws InterruptedException {
        thread.join(timeout.toMillis());
        if (failure.get() != null) {
            throw new AssertionError("sending lines to " + topic + " failed", failure.get());
        }
        if (thread.isAlive()) {
            throw new AssertionError(
                    "sent " + sent() + " of " + lines.size() + " lines within " + timeout);
        }
    }

    private void sendAll() {
        try (KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer())) {
            long next = System.nanoTime();
            int from = 0;
            while (from < lines.size()) {
                boolean heldBack = from >= holdBackFrom;
                int to = Math.min(lines.size(), from + (heldBack ? TRICKLE_CHUNK : CHUNK));
                sendChunk(producer, from, to);
                from = to;
                next = heldBack ? System.nanoTime() + TRICKLE_PAUSE_NANOS : next + nanosPerChunk;
                sleepUntil(next);
            }
            producer.flush();
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
    }

    private void sendChunk(KafkaProducer<byte[], byte[]> producer, int from, int to) {
        for (GeneratedTraffic.HostLine line : lines.subList(from, to)) {
            producer.send(
                    new ProducerRecord<>(topic, line.key(), line.line()),
                    (metadata, e) -> {
                        if (e != null) {
                            failure.compareAndSet(null, e);
                        }
                    });
        }
        sent.addAndGet(to - from);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    private static Map<String, Object> producerConfig(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return config;
    }

    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
