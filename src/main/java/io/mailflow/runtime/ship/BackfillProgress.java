package io.mailflow.runtime.ship;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Shows how a backfill ({@code --from-start}) advances, on standard error: a bar redrawn in place
 * when that is a terminal, else one line now and then, so that logs collected from a service stay
 * readable. Ends with a summary of the throughput once every file has been read to its end.
 */
public final class BackfillProgress implements Runnable {
    private static final int BAR_WIDTH = 30;
    private static final Duration TICK = Duration.ofMillis(250);
    private static final Duration LOG_EVERY = Duration.ofSeconds(10);
    private static final double MIB = 1024 * 1024;

    private final Supplier<ShipProgress> progress;
    private final PrintWriter err;
    private final boolean terminal;
    private final StopSignal stop = new StopSignal();

    public BackfillProgress(Supplier<ShipProgress> progress, PrintWriter err, boolean terminal) {
        this.progress = progress;
        this.err = err;
        this.terminal = terminal;
    }

    /**
     * True if standard error is a terminal. Java tells only whether both standard input and output
     * are one; Linux tells about standard error itself.
     */
    public static boolean stderrIsTerminal() {
        Path stderr = Path.of("/proc/self/fd/2");
        try {
            String target = Files.readSymbolicLink(stderr).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | RuntimeException e) {
            return System.console() != null;
        }
    }

    /** Reports until the backfill is done or {@link #stop()} is called. */
    @Override
    public void run() {
        long nextLine = System.nanoTime() + LOG_EVERY.toNanos();
        while (!stop.requested()) {
            stop.sleep(TICK);
            ShipProgress now = progress.get();
            if (now.backfilled()) {
                err.print(terminal ? "\r" + bar(now) + "\n" : "");
                err.println(summary(now));
                err.flush();
                return;
            }
            if (terminal) {
                err.print("\r" + bar(now));
                err.flush();
            } else if (System.nanoTime() >= nextLine) {
                nextLine += LOG_EVERY.toNanos();
                err.println(line(now));
                err.flush();
            }
        }
        if (terminal) {
            err.println();
            err.flush();
        }
    }

    public void stop() {
        stop.request();
    }

    /** The bar drawn in place, e.g. {@code [#######-----] 45.2% 1,234 lines 310 lines/s}. */
    static String bar(ShipProgress p) {
        int filled = (int) Math.round(p.backfillShare() * BAR_WIDTH);
        return String.format(
                Locale.ROOT,
                "[%s%s] %5.1f%%  %,d lines  %,d lines/s",
                "#".repeat(filled),
                "-".repeat(BAR_WIDTH - filled),
                p.backfillShare() * 100,
                p.lines(),
                p.linesPerSecond());
    }

    /** One line for a log, e.g. {@code backfill 45.2%: 1,234 lines, 310 lines/s}. */
    static String line(ShipProgress p) {
        return String.format(
                Locale.ROOT,
                "backfill %.1f%%: %,d lines, %,d lines/s",
                p.backfillShare() * 100,
                p.lines(),
                p.linesPerSecond());
    }

    static String summary(ShipProgress p) {
        double seconds = Math.max(p.elapsed().toNanos() / 1e9, 1e-3);
        return String.format(
                Locale.ROOT,
                "backfill done: %,d lines (%.1f MiB) in %.1f s, %,d lines/s (%.1f MiB/s);"
                        + " following on",
                p.lines(),
                p.bytesRead() / MIB,
                seconds,
                p.linesPerSecond(),
                p.bytesRead() / MIB / seconds);
    }
}
