package io.mailflow.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    private static final long SECOND = 1_000_000_000L;

    private final BenchReport report =
            new BenchReport(
                    new Bench.Options(1_000_000, 12, 6, 400_000, 50_000, 5_000, Map.of()),
                    "exactly_once_v2, 1 stream thread",
                    1_000_000,
                    50_000,
                    new Rate(1_000_000, 4 * SECOND),
                    new Rate(1_000_000, 2 * SECOND),
                    new Rate(1_000_000, 8 * SECOND),
                    505_675,
                    new Latency(50_000, 45_000, 12.5, 40.25, 61),
                    new Latency(25_000, 21_000, 150, 420.5, 800));

    @Test
    void theRatioIsThePipelinesThroughputOverTheLoops() {
        assertThat(report.throughputRatio()).isEqualTo(0.25);
    }

    @Test
    void printsEachFigureAndEndsWithTheRatioLine() {
        List<String> lines = printed().lines().toList();

        assertThat(lines.get(lines.size() - 1)).isEqualTo("pipeline/loop throughput ratio: 0.25");
        assertThat(printed())
                .contains("after 400,000 lines of warm-up")
                .contains("bare loop    500,000 lines/s  (1,000,000 lines in 2.00 s)")
                .contains("pipeline     125,000 lines/s  (1,000,000 lines in 8.00 s)")
                .contains("exactly_once_v2, 1 stream thread, 505,675 outcomes")
                .contains("(50,000 lines at 5,000 lines/s, the first 5,000 untimed)")
                .contains(
                        "p50    12.5 ms  p99    40.3 ms  max    61.0 ms  (45,000 of 50,000 copies"
                                + " timed)")
                .contains(
                        "p50   150.0 ms  p99   420.5 ms  max   800.0 ms  (21,000 of 25,000"
                                + " outcomes timed)");
    }

    private String printed() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
