package io.mailflow.runtime.bench;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A consumer of bytes polled on a thread of its own until {@link #close()}, which wakes it up. An
 * error ends the thread and is kept for {@link #failure()}.
 */
final class ConsumerThread implements AutoCloseable {
    /** What the thread does with its consumer, again and again. */
    @FunctionalInterface
    interface Step {
        void run(KafkaConsumer<byte[], byte[]> consumer);
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running = true;

    /**
     * @param config the consumer's configuration
     * @param before done once on the thread before the first step, e.g. to subscribe
     */
    ConsumerThread(String name, Map<String, Object> config, Step before, Step step) {
        this.consumer =
                new KafkaConsumer<>(
                        config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.thread = new Thread(() -> loop(before, step), name);
    }

    void start() {
        thread.start();
    }

    /** The error that ended the thread, or null while it runs or after a clean stop. */
    Throwable failure() {
        return failure.get();
    }

    /** Records an error from outside the thread, such as a failed send of what it read. */
    void fail(Throwable e) {
        failure.compareAndSet(null, e);
    }

    private void loop(Step before, Step step) {
        try {
            before.run(consumer);
            while (running) {
                step.run(consumer);
            }
        } catch (WakeupException e) {
            // close() woke the consumer up to stop
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    /** Stops the thread, waiting up to 30 seconds, and closes the consumer. */
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
