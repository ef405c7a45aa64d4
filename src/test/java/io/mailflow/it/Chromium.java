package io.mailflow.it;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, run once per page: it loads a URL, lets the page's scripts run for a
 * few seconds of virtual time (fetches pause that clock, so polls complete), then prints the DOM or
 * takes a screenshot. Each run gets a fresh profile, so no state leaks between runs.
 */
final class Chromium {
    /** Virtual milliseconds the page runs for: enough for two of the dashboard's polls. */
    private static final int VIRTUAL_TIME_MS = 5000;

    private static final long TIMEOUT_SECONDS = 60;
    private static final List<String> FLAGS =
            List.of(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--virtual-time-budget=" + VIRTUAL_TIME_MS);

    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    /** Chromium from the {@code PATH}, if installed. */
    static Optional<Chromium> find() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "chromium");
            if (Files.isExecutable(candidate)) {
                return Optional.of(new Chromium(candidate));
            }
        }
        return Optional.empty();
    }

    /** The page's DOM, as HTML, after its scripts ran. */
    RenderedPage dumpDom(String url) throws IOException, InterruptedException {
        return new RenderedPage(run(List.of("--dump-dom", url)));
    }

    /** Saves a PNG of the page's first {@code width} by {@code height} pixels. */
    void screenshot(String url, Path file, int width, int height)
            throws IOException, InterruptedException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        run(
                List.of(
                        "--screenshot=" + file.toAbsolutePath(),
                        "--window-size=" + width + "," + height,
                        url));
        if (!Files.isRegularFile(file)) {
            throw new IOException("chromium wrote no screenshot to " + file);
        }
    }

    private String run(List<String> arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("mailflow-chromium-");
        Path stdout = profile.resolveSibling(profile.getFileName() + ".out");
        try {
            List<String> command = new ArrayList<>();
            command.add(binary.toString());
            command.addAll(FLAGS);
            command.add("--user-data-dir=" + profile);
            command.addAll(arguments);
            Process process =
                    new ProcessBuilder(command)
                            .redirectOutput(stdout.toFile())
                            .redirectError(ProcessBuilder.Redirect.DISCARD)
                            .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("chromium did not finish within " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IOException("chromium exited with " + process.exitValue());
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(stdout);
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
