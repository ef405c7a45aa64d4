package io.mailflow.runtime.pipeline;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until a pipeline has processed every line it was sent. The line counter says when every
 * line was read; the committed offsets of the application's group then say when the transaction
 * holding the last outputs was committed, since exactly-once commits both together.
 */
public final class CompletionWatch {
    /** Told how far the pipeline has come, at every look. */
    @FunctionalInterface
    public interface Progress {
        void processed(long read, long of);
    }

    private static final Duration DEFAULT_POLL = Duration.ofMillis(100);
    private static final long REQUEST_SECONDS = 30;

    /** No line read for this long while lines remain means the pipeline is stuck. */
    private static final Duration STALL_LIMIT = Duration.ofMinutes(2);

    private final Map<String, Object> clientConfig;
    private final String groupId;
    private final String topic;
    private final Duration poll;

    /** A watch that looks every 100 ms. */
    public CompletionWatch(Map<String, Object> clientConfig, String groupId, String topic) {
        this(clientConfig, groupId, topic, DEFAULT_POLL);
    }

    /**
     * @param clientConfig the admin client's configuration
     * @param groupId the application id of the pipeline
     * @param topic the topic of the lines it reads
     * @param poll how long to wait between two looks
     */
    public CompletionWatch(
            Map<String, Object> clientConfig, String groupId, String topic, Duration poll) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.groupId = groupId;
        this.topic = topic;
        this.poll = poll;
    }

    /**
     * Returns once {@code lines} lines are read and committed.
     *
     * @param linesRead the pipeline's count of lines read
     * @throws IllegalStateException if the pipeline stops or reads nothing for two minutes first
     */
    public void await(StreamsRunner runner, LongSupplier linesRead, long lines, Progress progress) {
        try (Admin admin = Admin.create(clientConfig)) {
            long lastRead = -1;
            long lastChange = System.nanoTime();
            while (true) {
                checkRunning(runner);
                long read = linesRead.getAsLong();
                progress.processed(read, lines);
                if (read >= lines && committedToEnd(admin)) {
                    return;
                }
                if (read != lastRead) {
                    lastRead = read;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > STALL_LIMIT.toNanos()) {
                    throw new IllegalStateException(
                            "the pipeline read no line for "
                                    + STALL_LIMIT.toMinutes()
                                    + " minutes, at "
                                    + read
                                    + " of "
                                    + lines);
                }
                sleep();
            }
        }
    }

    private static void checkRunning(StreamsRunner runner) {
        if (runner.hasStopped()) {
            throw new IllegalStateException(
                    "the pipeline stopped before processing every line", runner.failure());
        }
    }

    private boolean committedToEnd(Admin admin) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(groupId)
                            .partitionsToOffsetAndMetadata()
                            .get(REQUEST_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResultInfo> ends = endOffsets(admin);
            return ends.entrySet().stream()
                    .allMatch(end -> reached(committed.get(end.getKey()), end.getValue().offset()));
        } catch (ExecutionException | TimeoutException e) {
            // Coordinator moves and slow answers happen; the next round asks again.
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the pipeline", e);
        }
    }

    private Map<TopicPartition, ListOffsetsResultInfo> endOffsets(Admin admin)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<TopicPartition> partitions =
                admin
                        .describeTopics(List.of(topic))
                        .allTopicNames()
                        .get(REQUEST_SECONDS, TimeUnit.SECONDS)
                        .get(topic)
                        .partitions()
                        .stream()
                        .map(p -> new TopicPartition(topic, p.partition()))
                        .toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        return admin.listOffsets(latest).all().get(REQUEST_SECONDS, TimeUnit.SECONDS);
    }

    private static boolean reached(OffsetAndMetadata committed, long end) {
        return end == 0 || (committed != null && committed.offset() >= end);
    }

    private void sleep() {
        try {
            Thread.sleep(poll.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the pipeline", e);
        }
    }
}
