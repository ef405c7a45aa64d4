package io.mailflow.runtime.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchReportTest {
    private static final long SECOND = 1_000_000_000L;

    private final BenchReport report =
            new BenchReport(
                    new Bench.Options(1_000_000, 12, 6, 400_000, 50_000, 5_000, true, Map.of()),
                    "exactly_once_v2, 1 stream thread",
                    1_000_000,
                    50_000,
                    new Rate(1_000_000, 4 * SECOND, 5 * SECOND),
                    new Rate(1_000_000, 2 * SECOND, 3 * SECOND),
                    baselines(),
                    new Rate(1_000_000, 8 * SECOND, 12 * SECOND),
                    505_675,
                    Map.of(
                            "webx.delivery.outcomes", 505_675L,
                            "changelog deliveries", 400_000L,
                            "changelog deadlines", 94_325L),
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
        assertThat(lines.get(lines.size() - 2)).isEqualTo("pipeline/loop CPU per line: 4.0");
        assertThat(printed())
                .contains("after 400,000 lines of warm-up")
                .contains(
                        "bare loop                500,000 lines/s  (1,000,000 lines in 2.00 s,"
                                + " 3.0 us of CPU a line)")
                .contains(
                        "pipeline                 125,000 lines/s  (1,000,000 lines in 8.00 s,"
                                + " 12.0 us of CPU a line)")
                .contains("exactly_once_v2, 1 stream thread, 505,675 outcomes")
                .contains("(50,000 lines at 5,000 lines/s, the first 5,000 untimed)")
                .contains(
                        "p50    12.5 ms  p99    40.3 ms  max    61.0 ms  (45,000 of 50,000 copies"
                                + " timed)")
                .contains(
                        "p50   150.0 ms  p99   420.5 ms  max   800.0 ms  (21,000 of 25,000"
                                + " outcomes timed)");
    }

    @Test
    void recordsWrittenArePrintedPerLineReadByTopic() {
        assertThat(report.recordsPerLine()).isEqualTo(1.0);
        assertThat(printed())
                .contains("records the pipeline wrote per line read: 1.00")
                .contains("changelog deadlines                  0.094")
                .contains("changelog deliveries                 0.400")
                .contains("webx.delivery.outcomes               0.506");
    }

    @Test
    void baselinesArePrintedInOrderBetweenTheLoopAndThePipeline_asShareOfTheLoop() {
        List<String> lines = printed().lines().toList();
        int loop = indexOf(lines, "bare loop ");
        int copy = indexOf(lines, "streams copy ");
        int count = indexOf(lines, "streams count per host ");
        int pipeline = indexOf(lines, "pipeline ");

        assertThat(List.of(loop, copy, count, pipeline)).isSorted().doesNotHaveDuplicates();
        assertThat(lines.get(copy))
                .contains("streams copy             250,000 lines/s  (1,000,000 lines in 4.00 s)  ")
                .contains("0.50 of the loop, exactly_once_v2");
        assertThat(lines.get(count)).contains("100,000 lines/s").contains("0.20 of the loop");
    }

    @Test
    void withoutBaselines_onlyTheLoopAndThePipelineArePrinted() {
        String printed = printed(plain(report.pipeline()));

        assertThat(printed)
                .contains("bare loop")
                .doesNotContain("streams copy")
                .doesNotContain("of the loop")
                .doesNotContain("records the pipeline wrote");
    }

    @Test
    void whereTheCpuIsNotKnown_noCpuFigureIsPrinted() {
        String printed = printed(plain(new Rate(1_000_000, 8 * SECOND, -1)));

        assertThat(printed)
                .contains("pipeline                 125,000 lines/s  (1,000,000 lines in 8.00 s)  ")
                .contains("3.0 us of CPU a line")
                .doesNotContain("CPU per line")
                .endsWith("pipeline/loop throughput ratio: 0.25" + System.lineSeparator());
    }

    @Test
    void cpuPerLineIsTheProcessCpuBetweenTwoMomentsOverTheLines() {
        Rate rate = Rate.between(1_000, new Moment(0, 2_000_000), new Moment(5_000, 7_000_000));

        assertThat(rate.nanos()).isEqualTo(5_000);
        assertThat(rate.cpuMicrosPerLine()).isEqualTo(5.0);
        assertThat(Rate.between(1_000, new Moment(0, -1), new Moment(5_000, -1)).cpuKnown())
                .isFalse();
    }

    private static Map<String, Rate> baselines() {
        Map<String, Rate> rates = new LinkedHashMap<>();
        rates.put("streams copy", new Rate(1_000_000, 4 * SECOND, -1));
        rates.put("streams count per host", new Rate(1_000_000, 10 * SECOND, -1));
        return rates;
    }

    private static int indexOf(List<String> lines, String start) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().startsWith(start)) {
                return i;
            }
        }
        throw new AssertionError("no line starts with '" + start + "'");
    }

    /** The report with {@code pipeline} as the pipeline's rate, no baselines and no records. */
    private BenchReport plain(Rate pipeline) {
        return new BenchReport(
                report.options(),
                report.pipelineSetup(),
                report.lines(),
                report.latencyLines(),
                report.feed(),
                report.loop(),
                Map.of(),
                pipeline,
                report.outcomes(),
                Map.of(),
                report.loopLatency(),
                report.pipelineLatency());
    }

    private String printed() {
        return printed(report);
    }

    private static String printed(BenchReport r) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        r.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
