package io.mailflow.runtime.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

class BackfillProgressTest {
    private static final ShipProgress HALF =
            new ShipProgress(400_000, 50_000_000, 100_000_000, Duration.ofSeconds(2), false);
    private static final ShipProgress DONE =
            new ShipProgress(800_000, 104_857_600, 100_000_000, Duration.ofSeconds(4), true);

    @Test
    void bar_showsShareLinesAndRate() {
        assertThat(BackfillProgress.bar(HALF))
                .isEqualTo(
                        "[###############---------------]  50.0%  400,000 lines  200,000 lines/s");
    }

    @Test
    void line_isOneLineForLogs() {
        assertThat(BackfillProgress.line(HALF))
                .isEqualTo("backfill 50.0%: 400,000 lines, 200,000 lines/s");
    }

    @Test
    void summary_givesLinesBytesTimeAndThroughput() {
        assertThat(BackfillProgress.summary(DONE))
                .isEqualTo(
                        "backfill done: 800,000 lines (100.0 MiB) in 4.0 s, 200,000 lines/s"
                                + " (25.0 MiB/s); following on");
    }

    @Test
    void onATerminal_redrawsTheBarInPlaceThenEndsWithTheSummary() {
        StringWriter err = new StringWriter();
        Queue<ShipProgress> samples = new ArrayDeque<>(List.of(HALF, DONE));

        new BackfillProgress(samples::remove, new PrintWriter(err), true).run();

        assertThat(err.toString())
                .isEqualTo(
                        "\r"
                                + BackfillProgress.bar(HALF)
                                + "\r"
                                + BackfillProgress.bar(DONE)
                                + "\n"
                                + BackfillProgress.summary(DONE)
                                + System.lineSeparator());
    }

    @Test
    void elsewhere_writesNoCarriageReturnsAndEndsWithTheSummary() {
        StringWriter err = new StringWriter();
        Queue<ShipProgress> samples = new ArrayDeque<>(List.of(HALF, DONE));

        new BackfillProgress(samples::remove, new PrintWriter(err), false).run();

        assertThat(err.toString())
                .doesNotContain("\r")
                .endsWith(BackfillProgress.summary(DONE) + System.lineSeparator());
    }

    @Test
    void emptyBackfill_isAtZeroUntilTheFilesWereRead() {
        ShipProgress empty = new ShipProgress(0, 0, 0, Duration.ZERO, false);

        assertThat(empty.backfillShare()).isZero();
        assertThat(empty.linesPerSecond()).isZero();
        assertThat(DONE.backfillShare()).isEqualTo(1.0);
    }
}
