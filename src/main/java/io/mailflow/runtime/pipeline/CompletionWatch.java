package io.mailflow.runtime.pipeline;

import io.mailflow.topology.CountingPipelineMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until a replay's pipeline has processed every line it was sent. The line counter says when
 * every line was read; the committed offsets of the application's group then say when the
 * transaction holding the last outputs was committed, since exactly-once commits both together.
 */
final class CompletionWatch {
    private static final Duration POLL = Duration.ofMillis(100);
    private static final long REQUEST_SECONDS = 30;

    /** No line read for this long while lines remain means the pipeline is stuck. */
    private static final Duration STALL_LIMIT = Duration.ofMinutes(2);

    private final Map<String, Object> clientConfig;
    private final String groupId;
    private final String topic;

    CompletionWatch(Map<String, Object> clientConfig, String groupId, String topic) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.groupId = groupId;
        this.topic = topic;
    }

    /**
     * Returns once {@code lines} lines are read and committed.
     *
     * @throws IllegalStateException if the pipeline stops or reads nothing for two minutes first
     */
    void await(
            StreamsRunner runner,
            CountingPipelineMetrics metrics,
            long lines,
            ReplayProgress progress) {
        try (Admin admin = Admin.create(clientConfig)) {
            long lastRead = -1;
            long lastChange = System.nanoTime();
            while (true) {
                checkRunning(runner);
                long read = metrics.linesRead();
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
            throw new IllegalStateException("interrupted while waiting for the replay", e);
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

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the replay", e);
        }
    }
}
