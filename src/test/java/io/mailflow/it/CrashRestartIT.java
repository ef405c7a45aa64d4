package io.mailflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.generate.GroundTruth;
import io.mailflow.runtime.config.MailflowConfig;
import io.mailflow.runtime.pipeline.PipelineInstance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mailflow run} in a JVM of its own, killed with SIGKILL while lines stream in, then started
 * again on the same state directory: the outcomes topic must still hold every status change of
 * every delivery exactly once.
 *
 * <p>Two system properties turn it into the measurement of docs/resilience.md, whose figures it
 * logs: {@value #MESSAGES_PROPERTY} sets the number of generated messages, and {@value
 * #SET_PROPERTY} adds configuration keys to both runs ({@code key=value,key=value}), such as {@code
 * kafka.enable.transactional.statestores=true}.
 */
@WithSharedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRestartIT extends ExactlyOnceContract {
    static final String MESSAGES_PROPERTY = "mailflow.it.crash.messages";
    static final String SET_PROPERTY = "mailflow.it.crash.set";

    private static final Logger LOG = LoggerFactory.getLogger(CrashRestartIT.class);
    private static final int HOSTS = 5;
    private static final int MESSAGES = Integer.getInteger(MESSAGES_PROPERTY, 1500);
    private static final int PARTITIONS = 4;
    private static final int LINES_PER_SECOND = 4000;
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private GeneratedTraffic traffic;
    private OutcomeHistory actual;
    private OutcomeHistory reference;
    private long committedAtKill;
    private long committedAtEnd;

    @BeforeAll
    void killMidStreamAndRestart(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        traffic = GeneratedTraffic.generate(dir.resolve("logs"), HOSTS, MESSAGES, 3);
        Path stateDir = dir.resolve("state");
        PipelineFlags flags = flags(kafka);
        MailflowConfig config = flags.config(stateDir);
        PipelineInstance.createTopics(config);
        kafka.keepEveryRecordOf(config.topicNames().outcomes());
        CompletableFuture<OutcomeHistory> undisturbed =
                ReferenceRun.inBackground(
                        config.pipelineSettings(), traffic.lines(), dir.resolve("reference"));
        String lines = config.topicNames().lines();
        try (GroupProgress progress = new GroupProgress(kafka, flags.get("application.id"), lines);
                PacedSender sender =
                        new PacedSender(
                                kafka.bootstrapServers(),
                                lines,
                                traffic.lines(),
                                LINES_PER_SECOND)) {
            killMidStream(flags, stateDir, dir, progress, sender);
            sender.awaitDone(TIMEOUT);
            restart(flags, stateDir, dir, progress);
        }
        actual =
                new OutcomeHistory(
                        CommittedRecords.readAll(kafka, config.topicNames().outcomes(), TIMEOUT));
        reference = undisturbed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }

    private void killMidStream(
            PipelineFlags flags,
            Path stateDir,
            Path dir,
            GroupProgress progress,
            PacedSender sender)
            throws Exception {
        ChildPipeline first =
                ChildPipeline.launch(flags.runArguments(stateDir), dir.resolve("first.log"));
        try {
            first.awaitRunning(TIMEOUT);
            sender.start();
            int third = traffic.lines().size() / 3;
            committedAtKill = progress.awaitCommitted(n -> n >= third, TIMEOUT, first::isAlive);
            first.kill();
        } finally {
            first.close();
        }
    }

    private void restart(PipelineFlags flags, Path stateDir, Path dir, GroupProgress progress)
            throws Exception {
        try (ChildPipeline second =
                ChildPipeline.launch(flags.runArguments(stateDir), dir.resolve("second.log"))) {
            Duration running = second.awaitRunning(TIMEOUT);
            progress.awaitCaughtUp(TIMEOUT, second::isAlive);
            Duration caughtUp = second.sinceLaunch();
            committedAtEnd = progress.committed();
            LOG.info(
                    "Restart after SIGKILL of {} lines, {} committed ({}): running after {} ms,"
                            + " caught up after {} ms, {} changelog records restored",
                    traffic.lines().size(),
                    committedAtKill,
                    System.getProperty(SET_PROPERTY, "defaults"),
                    running.toMillis(),
                    caughtUp.toMillis(),
                    second.restoredRecords());
        }
    }

    private static PipelineFlags flags(KafkaCluster kafka) {
        PipelineFlags flags =
                PipelineFlags.unique(kafka, "crash", PARTITIONS)
                        // The killed member never leaves the group: the restarted one waits for
                        // the broker to notice, after this long.
                        .set("kafka.session.timeout.ms", "6000");
        String extra = System.getProperty(SET_PROPERTY, "");
        for (String entry : extra.split(",")) {
            if (!entry.isBlank()) {
                String[] keyValue = entry.split("=", 2);
                flags.set(keyValue[0].trim(), keyValue[1].trim());
            }
        }
        return flags;
    }

    @Test
    void killHappenedMidStream_andTheRestartReadEveryLine() {
        assertThat(committedAtKill).isBetween(1L, traffic.lines().size() - 1L);
        assertThat(committedAtEnd).isEqualTo(traffic.lines().size());
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
