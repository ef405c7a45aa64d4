package io.mailflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.runtime.bench.Bench;
import io.mailflow.runtime.bench.BenchReport;
import io.mailflow.runtime.bench.Latency;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code mailflow bench} on a small input, on the broker it starts itself: every run must handle
 * every line, the Kafka Streams baselines included, and the latency runs must read back what the
 * pipeline wrote.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BenchIT {
    private static final int LINES = 20_000;

    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();
    private BenchReport report;

    @BeforeAll
    void runTheBench() throws Exception {
        Bench.Options options = new Bench.Options(LINES, 4, 3, 5_000, LINES, 4_000, true, Map.of());
        report = new Bench(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
    }

    @Test
    void everyRunHandlesEveryLine() {
        assertThat(report.lines()).isEqualTo(LINES);
        assertThat(report.feed().lines()).isEqualTo(LINES);
        assertThat(report.loop().lines()).isEqualTo(LINES);
        assertThat(report.pipeline().lines()).isEqualTo(LINES);
        assertThat(report.latencyLines()).isEqualTo(LINES);
        assertThat(report.baselines())
                .containsOnlyKeys(
                        "streams copy", "streams count per host", "streams count per line");
        assertThat(report.baselines().values())
                .allSatisfy(rate -> assertThat(rate.lines()).isEqualTo(LINES));
    }

    @Test
    void theLoopsLatencyIsMeasuredOnEveryCopyButThoseOfTheFirstSecond() {
        int untimed = report.options().untimedLatencyLines();
        assertThat(untimed).isEqualTo(4_000);
        assertThat(report.loopLatency().records()).isEqualTo(LINES);
        assertThat(report.loopLatency().samples()).isEqualTo(LINES - untimed);
        assertOrdered(report.loopLatency());
    }

    @Test
    void theLatencyRunReadsBackEachOutcomeTheThroughputRunWrote() {
        // Both runs' pipelines process the same lines, so exactly-once means as many outcomes.
        assertThat(report.outcomes()).isPositive();
        assertThat(report.pipelineLatency().records()).isEqualTo(report.outcomes());
        // Stalls, origins found later and the first second's outcomes are not timed; most are.
        assertThat(report.pipelineLatency().samples())
                .isGreaterThan(report.outcomes() / 2)
                .isLessThanOrEqualTo(report.outcomes());
        assertOrdered(report.pipelineLatency());
    }

    @Test
    void theRecordsWrittenCountTheOutcomesAndTheChangelogs() {
        assertThat(report.written())
                .containsEntry("webx.delivery.outcomes", report.outcomes())
                .containsKeys("changelog deliveries", "changelog deadlines");
        assertThat(report.recordsPerLine()).isGreaterThan(report.outcomes() / (double) LINES);
    }

    @Test
    void theRatioComparesTheMeasuredRates() {
        assertThat(report.throughputRatio())
                .isEqualTo(report.pipeline().perSecond() / report.loop().perSecond());
        assertThat(progress.toString(StandardCharsets.UTF_8))
                .contains("warmup: pipeline")
                .contains("throughput: streams copy")
                .contains("throughput: streams count per host")
                .contains("throughput: streams count per line")
                .contains("throughput: pipeline")
                .contains("pipeline latency measured");
    }

    @Test
    void theCpuOfEachRunIsMeasured_andThePipelineSpendsMorePerLineThanTheLoop() {
        assertThat(List.of(report.loop(), report.pipeline()))
                .allSatisfy(rate -> assertThat(rate.cpuKnown()).isTrue())
                .allSatisfy(rate -> assertThat(rate.cpuNanos()).isPositive());
        assertThat(report.cpuPerLineRatio()).isGreaterThan(1.0);
    }

    private static void assertOrdered(Latency latency) {
        assertThat(latency.p50Millis()).isPositive();
        assertThat(latency.p99Millis()).isGreaterThanOrEqualTo(latency.p50Millis());
        assertThat(latency.maxMillis()).isGreaterThanOrEqualTo(latency.p99Millis());
    }
}
