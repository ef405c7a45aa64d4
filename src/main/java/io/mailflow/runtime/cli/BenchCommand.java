package io.mailflow.runtime.cli;

import io.mailflow.runtime.bench.Bench;
import io.mailflow.runtime.bench.BenchReport;
import io.mailflow.runtime.config.ConfigException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mailflow bench}: the pipeline's throughput and latency against a bare loop's. */
@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Measures, on a Kafka broker started in this process, the pipeline against the least"
                    + " any pipeline pays: a bare consume-produce loop copying the same generated"
                    + " lines between two topics.",
            "Prints lines/s of each, read from a filled topic after a warm-up; the p50 and p99 time"
                    + " from a line's send to reading its copy or its outcome, at a steady rate;"
                    + " and as the last line 'pipeline/loop throughput ratio: R'. Steps go to"
                    + " standard error."
        })
final class BenchCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--lines",
            paramLabel = "N",
            defaultValue = "" + Bench.Options.DEFAULT_LINES,
            description = "Lines of the throughput runs (default: ${DEFAULT-VALUE}).")
    int lines;

    @Option(
            names = "--hosts",
            paramLabel = "H",
            defaultValue = "" + Bench.Options.DEFAULT_HOSTS,
            description = "Hosts the generated lines come from (default: ${DEFAULT-VALUE}).")
    int hosts;

    @Option(
            names = "--partitions",
            paramLabel = "P",
            defaultValue = "" + Bench.Options.DEFAULT_PARTITIONS,
            description = "Partitions of every topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(
            names = "--set",
            paramLabel = "KEY=VALUE",
            description =
                    "Sets a configuration key of the pipeline as 'mailflow run --set' does,"
                            + " kafka.-prefixed client configs included; repeatable. The bench"
                            + " picks brokers, application ids, state directories, topics,"
                            + " partitions, replication and the HTTP port itself.")
    Map<String, String> set = new LinkedHashMap<>();

    @Option(
            names = "--warmup-lines",
            paramLabel = "N",
            description =
                    "Lines the loop and the pipeline each process first, untimed, so that the JIT"
                            + " compiler has compiled them before the throughput runs; 0 for none."
                            + " Default: "
                            + Bench.Options.DEFAULT_WARMUP_LINES
                            + ", at most --lines.")
    Integer warmupLines;

    @Option(
            names = "--latency-rate",
            paramLabel = "LINES",
            defaultValue = "" + Bench.Options.DEFAULT_LATENCY_RATE,
            description = "Lines sent per second in the latency runs (default: ${DEFAULT-VALUE}).")
    int latencyRate;

    @Option(
            names = "--latency-lines",
            paramLabel = "N",
            description =
                    "Lines of the latency runs, the first of the throughput runs' lines."
                            + " Default: ten seconds' worth at --latency-rate, at most --lines.")
    Integer latencyLines;

    @Option(
            names = "--streams-baselines",
            description =
                    "Also time three Kafka Streams applications far simpler than the pipeline,"
                            + " with its Streams configuration, on the same lines: a stateless"
                            + " copy, a count per host and a count per line in a store. They show"
                            + " what Kafka Streams itself costs here.")
    boolean streamsBaselines;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Bench.Options options = options();
        BenchReport report = new Bench(options, System.err).run();
        PrintStream out = System.out;
        report.print(out);
        out.flush();
        return 0;
    }

    private Bench.Options options() {
        require(lines >= 1, "--lines", lines, "1 or more");
        require(hosts >= 1, "--hosts", hosts, "1 or more");
        require(partitions >= 1 && partitions <= 1000, "--partitions", partitions, "1 to 1000");
        require(latencyRate >= 1, "--latency-rate", latencyRate, "1 or more");
        int latency =
                latencyLines != null
                        ? latencyLines
                        : Bench.Options.defaultLatencyLines(lines, latencyRate);
        require(latency >= 1 && latency <= lines, "--latency-lines", latency, "1 to --lines");
        int warmup =
                warmupLines != null
                        ? warmupLines
                        : Math.min(lines, Bench.Options.DEFAULT_WARMUP_LINES);
        require(warmup >= 0 && warmup <= lines, "--warmup-lines", warmup, "0 to --lines");
        Bench.Options options =
                new Bench.Options(
                        lines,
                        hosts,
                        partitions,
                        warmup,
                        latency,
                        latencyRate,
                        streamsBaselines,
                        set);
        try {
            Bench.pipelineConfig(options, "localhost:9092", Path.of("state"), "check");
        } catch (ConfigException e) {
            throw new UserException(e.getMessage(), e);
        }
        return options;
    }

    private void require(boolean valid, String option, int value, String expected) {
        if (!valid) {
            throw new ParameterException(
                    spec.commandLine(), option + " is " + value + ", expected " + expected);
        }
    }
}
