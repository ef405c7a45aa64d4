package io.mailflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mailflow run} as an operator starts it: its own JVM, stopped by SIGTERM. */
@WithSharedKafka
class RunCommandIT {
    private static final long WAIT_SECONDS = 60;

    @TempDir Path stateDir;

    @Test
    void sigterm_commitsAndStopsThePipelineCleanly(KafkaCluster kafka) throws Exception {
        String name = kafka.uniqueTopic("sigterm");
        Process run = start(kafka, name);
        BlockingQueue<String> stderr = new LinkedBlockingQueue<>();
        Thread reader = drain(run, stderr);

        String running = awaitLine(stderr, "-> RUNNING");
        // SIGTERM through the handle: Process.destroy() would also close our end of stderr.
        run.toHandle().destroy();
        boolean exited = run.waitFor(WAIT_SECONDS, TimeUnit.SECONDS);
        reader.join(TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
        List<String> rest = new ArrayList<>();
        stderr.drainTo(rest);

        assertThat(running).contains("Pipeline state REBALANCING -> RUNNING");
        assertThat(exited).isTrue();
        // 128 + 15: the JVM ran its shutdown hooks and ended as the signal asked.
        assertThat(run.exitValue()).isEqualTo(143);
        assertThat(rest)
                .anySatisfy(line -> assertThat(line).contains("Pipeline stopped in"))
                .noneSatisfy(line -> assertThat(line).contains(" ERROR "));
    }

    private Process start(KafkaCluster kafka, String name) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(
                List.of(
                        "io.mailflow.runtime.cli.Mailflow",
                        "run",
                        "--create-topics",
                        "--bootstrap-servers",
                        kafka.bootstrapServers(),
                        "--application-id",
                        name,
                        "--state-dir",
                        stateDir.toString(),
                        "--topic-partitions",
                        "1",
                        "--http-port",
                        "0"));
        for (String role :
                List.of("lines", "outcomes", "errors", "inbound", "sessions", "rejects")) {
            command.addAll(List.of("--topic-" + role, name + "." + role));
        }
        return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** Reads the process's stderr into {@code lines} until it closes. */
    private static Thread drain(Process process, BlockingQueue<String> lines) {
        Thread reader =
                new Thread(
                        () -> {
                            try (BufferedReader in =
                                    new BufferedReader(
                                            new InputStreamReader(
                                                    process.getErrorStream(),
                                                    StandardCharsets.UTF_8))) {
                                in.lines().forEach(lines::add);
                            } catch (IOException | UncheckedIOException e) {
                                lines.add("stderr unreadable: " + e);
                            }
                        },
                        "run-stderr");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }

    private static String awaitLine(BlockingQueue<String> lines, String part)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line != null && line.contains(part)) {
                return line;
            }
            if (line != null) {
                seen.add(line);
            }
        }
        throw new AssertionError("no line with '" + part + "' on stderr; saw " + seen);
    }
}
