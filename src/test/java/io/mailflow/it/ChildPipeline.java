package io.mailflow.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code mailflow run} in a JVM of its own, with this JVM's classpath, its output in a file: a
 * pipeline that a test can kill the way a machine or the kernel's OOM killer would.
 */
final class ChildPipeline implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Pattern RESTORED = Pattern.compile("Restored (\\d+) changelog records");
    private static final int DIAGNOSTIC_LINES = 60;

    private final Process process;
    private final Path log;
    private final long launchedNanos;

    private ChildPipeline(Process process, Path log, long launchedNanos) {
        this.process = process;
        this.log = log;
        this.launchedNanos = launchedNanos;
    }

    /**
     * Starts {@code mailflow} with {@code args}; its standard output and error go to {@code log}.
     */
    static ChildPipeline launch(List<String> args, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(
                List.of("-Xms64m", "-Xmx512m", "-cp", System.getProperty("java.class.path")));
        command.add("io.mailflow.runtime.cli.Mailflow");
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // Only the arguments configure the child, whatever this machine's environment says.
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("MAILFLOW_"));
        long launched = System.nanoTime();
        return new ChildPipeline(builder.start(), log, launched);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /**
     * Waits until the pipeline logs that it runs, and returns how long that took from the launch.
     */
    Duration awaitRunning(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().contains("-> RUNNING")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError(
                        "the child pipeline did not run in time. " + diagnostics());
            }
            Thread.sleep(POLL.toMillis());
        }
        return sinceLaunch();
    }

    /** How long ago this process was launched. */
    Duration sinceLaunch() {
        return Duration.ofNanos(System.nanoTime() - launchedNanos);
    }

    /** SIGKILL: the JVM gets no chance to commit, flush or close anything. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the child pipeline survived SIGKILL");
        }
    }

    /** SIGTERM, the way an operator stops it; the shutdown hook closes the pipeline. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** The records the pipeline says it restored from the changelogs, as it logs them. */
    long restoredRecords() {
        Matcher m = RESTORED.matcher(output());
        long total = 0;
        while (m.find()) {
            total += Long.parseLong(m.group(1));
        }
        return total;
    }

    /** The end of the child's output, and whether it still runs, for a failure message. */
    String diagnostics() {
        List<String> lines = output().lines().toList();
        String state = process.isAlive() ? "running" : "exited " + process.exitValue();
        return "child pipeline "
                + state
                + "; last output:\n"
                + String.join(
                        "\n",
                        lines.subList(Math.max(0, lines.size() - DIAGNOSTIC_LINES), lines.size()));
    }

    /** Everything the child has written to standard output and error so far. */
    String output() {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the child's output " + log, e);
        }
    }
}
