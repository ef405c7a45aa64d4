package io.mailflow.runtime.bench;

import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code mailflow bench} measured, and how it prints it. The last line printed is always
 * {@code pipeline/loop throughput ratio: R}, for scripts.
 *
 * @param options what was asked for
 * @param pipelineSetup the pipeline's processing guarantee and threads
 * @param lines the lines of the throughput runs
 * @param latencyLines the lines of the latency runs
 * @param feed how fast the lines were written to the input topic before the throughput runs
 * @param loop the bare loop's throughput
 * @param baselines the throughput of each Kafka Streams baseline run, by name, in the order run;
 *     empty when none was asked for
 * @param pipeline the pipeline's throughput
 * @param outcomes the outcome records the pipeline wrote in its throughput run
 * @param written the records the pipeline wrote in its throughput run, per topic (changelogs as
 *     {@code changelog <store>})
 * @param loopLatency from a line's send to the read of its copy
 * @param pipelineLatency from a line's send to the read of its outcome
 */
public record BenchReport(
        Bench.Options options,
        String pipelineSetup,
        long lines,
        long latencyLines,
        Rate feed,
        Rate loop,
        Map<String, Rate> baselines,
        Rate pipeline,
        long outcomes,
        Map<String, Long> written,
        Latency loopLatency,
        Latency pipelineLatency) {

    public BenchReport {
        baselines = Collections.unmodifiableMap(new LinkedHashMap<>(baselines));
        written = Collections.unmodifiableMap(new TreeMap<>(written));
    }

    /** The pipeline's throughput as a share of the bare loop's. */
    public double throughputRatio() {
        return pipeline.perSecond() / loop.perSecond();
    }

    /**
     * The process's CPU per line in the pipeline's run over that in the loop's; only when both were
     * measured.
     */
    public double cpuPerLineRatio() {
        return pipeline.cpuMicrosPerLine() / loop.cpuMicrosPerLine();
    }

    /** The records the pipeline wrote per line read, to all topics, changelogs included. */
    public double recordsPerLine() {
        return written.values().stream().mapToLong(Long::longValue).sum() / (double) lines;
    }

    public void print(PrintStream out) {
        out.printf(
                Locale.ROOT,
                "%,d generated lines of %d hosts, %d partitions, one broker in this JVM,"
                        + " %d cores%n",
                lines,
                options.hosts(),
                options.partitions(),
                Runtime.getRuntime().availableProcessors());
        out.printf(
                Locale.ROOT,
                "%nthroughput (lines read from a filled topic, after %,d lines of warm-up;"
                        + " CPU of all threads of this process):%n",
                options.warmupLines());
        throughput(out, "bare loop", loop, "");
        baselines.forEach(
                (name, rate) ->
                        throughput(
                                out,
                                name,
                                rate,
                                String.format(
                                        Locale.ROOT,
                                        "  %.2f of the loop, %s",
                                        rate.perSecond() / loop.perSecond(),
                                        pipelineSetup)));
        throughput(
                out,
                "pipeline",
                pipeline,
                String.format(Locale.ROOT, "  %s, %,d outcomes", pipelineSetup, outcomes));
        if (!written.isEmpty()) {
            out.printf(
                    Locale.ROOT,
                    "  records the pipeline wrote per line read: %.2f%n",
                    recordsPerLine());
            written.forEach(
                    (topic, records) ->
                            out.printf(
                                    Locale.ROOT,
                                    "    %-36s %.3f%n",
                                    topic,
                                    records / (double) lines));
        }
        out.printf(
                Locale.ROOT,
                "%nlatency from a line's send to reading what it caused"
                        + " (%,d lines at %,d lines/s, the first %,d untimed):%n",
                latencyLines,
                options.latencyRate(),
                options.untimedLatencyLines());
        latency(out, "bare loop", loopLatency, "copies");
        latency(out, "pipeline", pipelineLatency, "outcomes");
        out.println();
        if (pipeline.cpuKnown() && loop.cpuKnown()) {
            out.printf(Locale.ROOT, "pipeline/loop CPU per line: %.1f%n", cpuPerLineRatio());
        }
        out.printf(Locale.ROOT, "pipeline/loop throughput ratio: %.2f%n", throughputRatio());
    }

    private static void throughput(PrintStream out, String what, Rate rate, String detail) {
        String cpu =
                rate.cpuKnown()
                        ? String.format(
                                Locale.ROOT, ", %.1f us of CPU a line", rate.cpuMicrosPerLine())
                        : "";
        out.printf(
                Locale.ROOT,
                "  %-22s %,9.0f lines/s  (%,d lines in %.2f s%s)%s%n",
                what,
                rate.perSecond(),
                rate.lines(),
                rate.seconds(),
                cpu,
                detail);
    }

    private static void latency(PrintStream out, String what, Latency l, String records) {
        out.printf(
                Locale.ROOT,
                "  %-22s p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (%,d of %,d %s timed)%n",
                what,
                l.p50Millis(),
                l.p99Millis(),
                l.maxMillis(),
                l.samples(),
                l.records(),
                records);
    }
}
