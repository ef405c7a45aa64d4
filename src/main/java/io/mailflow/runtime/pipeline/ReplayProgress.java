package io.mailflow.runtime.pipeline;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Tells on standard error how far a large replay has come, every few seconds; small replays finish
 * before anyone would read it, so they stay quiet.
 */
final class ReplayProgress {
    /** About 50,000 lines of Web Crossing log. */
    static final long LARGE_INPUT_BYTES = 8L * 1024 * 1024;

    private static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final PrintStream out;
    private boolean enabled;
    private long lastReport = System.nanoTime();

    ReplayProgress(PrintStream out) {
        this.out = out;
    }

    /** Looks at the size of the inputs to decide whether to report at all. */
    void expect(List<Replay.Input> inputs) {
        long bytes = 0;
        for (Replay.Input input : inputs) {
            try {
                bytes += Files.size(input.file());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the size of " + input.file(), e);
            }
        }
        enabled = bytes >= LARGE_INPUT_BYTES;
    }

    void sent(long lines) {
        if (due()) {
            out.printf(Locale.ROOT, "replay: sent %,d lines%n", lines);
        }
    }

    void processed(long read, long total) {
        if (due()) {
            out.printf(
                    Locale.ROOT,
                    "replay: processed %,d of %,d lines (%d%%)%n",
                    read,
                    total,
                    total == 0 ? 100 : read * 100 / total);
        }
    }

    void done(long lines) {
        if (enabled) {
            out.printf(Locale.ROOT, "replay: done, %,d lines%n", lines);
        }
    }

    private boolean due() {
        long now = System.nanoTime();
        if (!enabled || now - lastReport < INTERVAL_NANOS) {
            return false;
        }
        lastReport = now;
        return true;
    }
}
