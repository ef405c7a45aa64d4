package io.mailflow.it;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * How far a Kafka Streams application has got through its input topic, by the offsets its group
 * committed. Under exactly-once, a committed offset means the outputs of every record before it are
 * committed too.
 */
final class GroupProgress implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long REQUEST_SECONDS = 10;

    private final Admin admin;
    private final String groupId;
    private final String topic;

    GroupProgress(KafkaCluster kafka, String groupId, String topic) {
        this.admin = kafka.admin();
        this.groupId = groupId;
        this.topic = topic;
    }

    /** The records of the topic before the group's committed offsets, all partitions together. */
    long committed() {
        return sum(committedOffsets());
    }

    /** Waits until the committed count satisfies {@code condition}; returns that count. */
    long awaitCommitted(LongPredicate condition, Duration timeout, BooleanSupplier alive)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long now = committedOrMinusOne();
            if (now >= 0 && condition.test(now)) {
                return now;
            }
            check(deadline, alive, "committed " + now + " records of " + topic);
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Waits until the group has committed the topic up to its end in every partition. */
    void awaitCaughtUp(Duration timeout, BooleanSupplier alive) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String state;
            try {
                Map<TopicPartition, Long> ends = endOffsets();
                Map<TopicPartition, Long> committed = committedOffsets();
                if (ends.entrySet().stream()
                        .allMatch(e -> committed.getOrDefault(e.getKey(), 0L) >= e.getValue())) {
                    return;
                }
                state = "committed " + committed + " of " + topic + ", ends " + ends;
            } catch (IllegalStateException e) {
                state = e.getMessage() + ": " + e.getCause();
            }
            check(deadline, alive, state);
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Coordinator moves make the broker refuse now and then; the caller asks again. */
    private long committedOrMinusOne() {
        try {
            return committed();
        } catch (IllegalStateException e) {
            return -1;
        }
    }

    private static void check(long deadline, BooleanSupplier alive, String state) {
        if (!alive.getAsBoolean()) {
            throw new AssertionError("the pipeline stopped; " + state);
        }
        if (System.nanoTime() > deadline) {
            throw new AssertionError("timed out; " + state);
        }
    }

    private Map<TopicPartition, Long> committedOffsets() {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> committed =
                get(admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata());
        committed.forEach(
                (tp, offset) -> {
                    if (tp.topic().equals(topic) && offset != null) {
                        offsets.put(tp, offset.offset());
                    }
                });
        return offsets;
    }

    private Map<TopicPartition, Long> endOffsets() {
        int partitions =
                get(admin.describeTopics(List.of(topic)).allTopicNames())
                        .get(topic)
                        .partitions()
                        .size();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < partitions; p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(latest).all()).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(REQUEST_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not answer an admin request", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during an admin request", e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
