package io.mailflow.runtime.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A broker in a JVM of its own, started the way Kafka's distribution starts one: {@code java -cp
 * <classpath> kafka.Kafka server.properties}. Its output goes to a file, not to our terminal.
 */
final class ChildJvmBroker implements RunningBroker {
    private static final long STOP_WAIT_SECONDS = 20;
    private static final int DIAGNOSTIC_LINES = 40;

    private final Process process;
    private final Path logFile;

    private ChildJvmBroker(Process process, Path logFile) {
        this.process = process;
        this.logFile = logFile;
    }

    /** Launches {@code kafka.Kafka} on {@code propertiesFile} with this JVM's classpath. */
    static ChildJvmBroker start(Path propertiesFile, Path logFile) {
        List<String> command =
                List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xms64m",
                        "-Xmx512m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "kafka.Kafka",
                        propertiesFile.toString());
        try {
            Process process =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(logFile.toFile())
                            .start();
            return new ChildJvmBroker(process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot launch a broker JVM: " + command.get(0), e);
        }
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM runs the broker's own shutdown hook; a broker stuck past the wait is killed. */
    @Override
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String diagnostics() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            int from = Math.max(0, lines.size() - DIAGNOSTIC_LINES);
            String exit = process.isAlive() ? "running" : "exited " + process.exitValue();
            return "broker JVM "
                    + exit
                    + "; last output:\n"
                    + String.join("\n", lines.subList(from, lines.size()));
        } catch (IOException e) {
            return "no broker output in " + logFile + ": " + e.getMessage();
        }
    }
}
