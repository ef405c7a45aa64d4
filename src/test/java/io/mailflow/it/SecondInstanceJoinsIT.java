package io.mailflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.core.classify.ErrorClassifier;
import io.mailflow.generate.GroundTruth;
import io.mailflow.runtime.config.MailflowConfig;
import io.mailflow.runtime.pipeline.PipelineInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.processor.TaskId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pipeline instance processes lines as they stream in; midway a second instance of the same
 * application, with its own state directory and HTTP port, joins and takes over some partitions,
 * restoring their state from the changelogs. The outcomes topic must show every status change of
 * every delivery exactly once, as if nothing had moved.
 */
@WithSharedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecondInstanceJoinsIT extends ExactlyOnceContract {
    private static final Logger LOG = LoggerFactory.getLogger(SecondInstanceJoinsIT.class);
    private static final int HOSTS = 5;
    private static final int MESSAGES = 1500;
    private static final int PARTITIONS = 4;
    private static final int LINES_PER_SECOND = 4000;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private GeneratedTraffic traffic;
    private OutcomeHistory actual;
    private OutcomeHistory reference;
    private long committedWhenJoined;
    private Set<TaskId> tasksOfSecond;
    private double linesReadByFirst;
    private double linesReadBySecond;

    @BeforeAll
    void secondInstanceJoinsMidStream(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        traffic = GeneratedTraffic.generate(dir.resolve("logs"), HOSTS, MESSAGES, 5);
        PipelineFlags flags =
                PipelineFlags.unique(kafka, "join", PARTITIONS)
                        // Counts the newcomer as caught up on every task, so that it takes its
                        // share
                        // of active tasks at once and restores them, rather than warming them up
                        // until the next probing rebalance ten minutes later.
                        .set("kafka.acceptable.recovery.lag", Long.toString(Long.MAX_VALUE));
        MailflowConfig first = flags.config(dir.resolve("first"));
        PipelineInstance.createTopics(first);
        kafka.keepEveryRecordOf(first.topicNames().outcomes());
        CompletableFuture<OutcomeHistory> undisturbed =
                ReferenceRun.inBackground(
                        first.pipelineSettings(), traffic.lines(), dir.resolve("reference"));
        String lines = first.topicNames().lines();
        try (GroupProgress progress = new GroupProgress(kafka, flags.get("application.id"), lines);
                PacedSender sender =
                        new PacedSender(
                                kafka.bootstrapServers(),
                                lines,
                                traffic.lines(),
                                LINES_PER_SECOND);
                PipelineInstance one = PipelineInstance.start(first, ErrorClassifier.builtIn())) {
            assertThat(one.runner().awaitRunning(TIMEOUT)).isTrue();
            int third = traffic.lines().size() / 3;
            sender.holdBackFrom(third).start();
            committedWhenJoined = progress.awaitCommitted(n -> n >= third, TIMEOUT, alive(one));
            try (PipelineInstance two =
                    PipelineInstance.start(
                            flags.config(dir.resolve("second")), ErrorClassifier.builtIn())) {
                tasksOfSecond = awaitActiveTasks(two);
                sender.release();
                sender.awaitDone(TIMEOUT);
                progress.awaitCaughtUp(TIMEOUT, () -> alive(one).getAsBoolean() && !stopped(two));
                linesReadByFirst = linesRead(one);
                linesReadBySecond = linesRead(two);
                LOG.info(
                        "Second instance joined after {} of {} lines, took tasks {}, restored {}"
                                + " changelog records and read {} lines",
                        committedWhenJoined,
                        traffic.lines().size(),
                        tasksOfSecond,
                        two.runner().restoredRecords(),
                        (long) linesReadBySecond);
            }
        }
        actual =
                new OutcomeHistory(
                        CommittedRecords.readAll(kafka, first.topicNames().outcomes(), TIMEOUT));
        reference = undisturbed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void secondInstance_tookOverPartitionsMidStream() {
        assertThat(committedWhenJoined).isBetween(1L, traffic.lines().size() - 1L);
        assertThat(tasksOfSecond).isNotEmpty();
        assertThat(linesReadBySecond).isPositive();
        assertThat(linesReadByFirst).isLessThan(traffic.lines().size());
        assertThat(linesReadByFirst + linesReadBySecond)
                .isGreaterThanOrEqualTo(traffic.lines().size());
    }

    /** Waits until {@code instance} runs with at least one active task, and returns its tasks. */
    private static Set<TaskId> awaitActiveTasks(PipelineInstance instance)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && !stopped(instance)) {
            KafkaStreams streams = instance.runner().streams();
            if (streams.state() == KafkaStreams.State.RUNNING) {
                Set<TaskId> tasks =
                        streams.metadataForLocalThreads().stream()
                                .map(ThreadMetadata::activeTasks)
                                .flatMap(Set::stream)
                                .map(TaskMetadata::taskId)
                                .collect(Collectors.toSet());
                if (!tasks.isEmpty()) {
                    return tasks;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the second instance got no active task within " + TIMEOUT);
    }

    private static BooleanSupplier alive(PipelineInstance instance) {
        return () -> !stopped(instance);
    }

    private static boolean stopped(PipelineInstance instance) {
        return instance.runner().hasStopped();
    }

    private static double linesRead(PipelineInstance instance) {
        return instance.metrics().registry().get("mailflow.lines.read").counter().count();
    }

    @Override
    GroundTruth truth() {
        return traffic.truth();
    }

    @Override
    OutcomeHistory actual() {
        return actual;
    }

    @Override
    OutcomeHistory reference() {
        return reference;
    }
}
