package io.mailflow.runtime.bench;

import io.mailflow.core.classify.ErrorClassifier;
import io.mailflow.runtime.WorkDirectories;
import io.mailflow.runtime.broker.EmbeddedKafka;
import io.mailflow.runtime.broker.TopicProvisioner;
import io.mailflow.runtime.config.ConfigKeys;
import io.mailflow.runtime.config.ConfigLoader;
import io.mailflow.runtime.config.MailflowConfig;
import io.mailflow.runtime.pipeline.CompletionWatch;
import io.mailflow.runtime.pipeline.PipelineInstance;
import io.mailflow.topology.TopicNames;
import io.mailflow.topology.TopicSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Measures, on one embedded broker and in one run, how fast the pipeline is against the least any
 * pipeline pays: a bare consume-produce loop copying the same generated lines between two topics.
 *
 * <p>Throughput: the lines are written to a topic first; the loop, then the pipeline (as {@code
 * mailflow run} runs it, exactly-once, with its HTTP API), each read the whole topic, timed from
 * their first line read to their last output written (acknowledged for the loop, committed for the
 * pipeline). Latency: fresh topics, a fresh loop and a fresh pipeline, each fed lines at a steady
 * rate while a {@code read_committed} consumer reads the copies or the outcomes; the time from a
 * line's send to the read of the record it caused.
 *
 * <p>On request, the throughput runs also time three Kafka Streams applications far simpler than
 * the pipeline ({@link StreamsBaseline}), between the loop and the pipeline: what Kafka Streams
 * costs before mailflow does anything.
 */
public final class Bench {
    /**
     * What to measure.
     *
     * @param lines the lines of the throughput runs
     * @param hosts the hosts the generated lines come from
     * @param partitions the partitions of every topic
     * @param warmupLines the lines of the warm-up runs before the throughput runs, the first of
     *     their lines; 0 for none
     * @param latencyLines the lines of the latency runs, the first of the throughput runs' lines
     * @param latencyRate the lines sent per second in the latency runs
     * @param streamsBaselines whether the throughput runs also time three Kafka Streams
     *     applications far simpler than the pipeline, with its Streams configuration (see {@link
     *     StreamsBaseline})
     * @param settings configuration keys of the pipeline, as {@code mailflow run --set} takes them;
     *     the bench chooses the brokers, application ids, state directories, topics, partitions,
     *     replication and HTTP port itself
     */
    public record Options(
            int lines,
            int hosts,
            int partitions,
            int warmupLines,
            int latencyLines,
            int latencyRate,
            boolean streamsBaselines,
            Map<String, String> settings) {
        public Options {
            settings = Map.copyOf(settings);
        }

        public static final int DEFAULT_LINES = 1_000_000;
        public static final int DEFAULT_HOSTS = 12;
        public static final int DEFAULT_PARTITIONS = 6;
        public static final int DEFAULT_LATENCY_RATE = 5_000;
        public static final int DEFAULT_WARMUP_LINES = 400_000;

        /**
         * The first second's worth of lines of a latency run, at most half of them: the loop and
         * the pipeline have only just started when they arrive (the first transactions, fetch
         * sessions), so their records are read but not timed.
         */
        public int untimedLatencyLines() {
            return Math.min(latencyRate, latencyLines / 2);
        }

        /** The latency runs last ten seconds at most. */
        public static int defaultLatencyLines(int lines, int rate) {
            return (int) Math.min(lines, 10L * rate);
        }
    }

    /** How long a run may make no progress before the bench gives up. */
    private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);

    private static final Duration WATCH_POLL = Duration.ofMillis(10);
    private static final long SEED = 7;

    private final Options options;
    private final PrintStream progress;

    /**
     * @param progress where each step is announced, usually standard error
     */
    public Bench(Options options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
    }

    /**
     * Starts a broker, runs the measurements one after the other, and stops it.
     *
     * @throws IOException if the generated logs or the state cannot be written
     * @throws IllegalStateException if a run fails, or makes no progress for two minutes
     */
    public BenchReport run() throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("mailflow-bench-");
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            say("broker started at %s in %.1f s", kafka.bootstrapServers(), seconds(kafka));
            BenchLines lines = BenchLines.generate(options.lines(), options.hosts(), SEED, work);
            say("generated %,d lines of %d hosts", lines.size(), options.hosts());
            Cluster cluster = new Cluster(kafka.bootstrapServers(), options.partitions());

            if (options.warmupLines() > 0) {
                throughput(cluster, work, "warmup", lines.first(options.warmupLines()));
            }
            Throughput measured = throughput(cluster, work, "throughput", lines);

            BenchLines sample = lines.first(options.latencyLines());
            Latency loopLatency = loopLatency(cluster, sample);
            say("bare loop latency measured");
            Latency pipelineLatency =
                    pipelineLatency(
                            pipelineConfig(
                                    options,
                                    cluster.bootstrapServers(),
                                    work.resolve("state-latency"),
                                    "latency"),
                            sample);
            say("pipeline latency measured");
            return new BenchReport(
                    options,
                    measured.setup(),
                    lines.size(),
                    sample.size(),
                    measured.feed(),
                    measured.loop(),
                    measured.baselines(),
                    measured.pipeline().rate(),
                    measured.pipeline().outcomes(),
                    measured.pipeline().written(),
                    loopLatency,
                    pipelineLatency);
        } finally {
            WorkDirectories.deleteQuietly(work);
        }
    }

    /**
     * Writes {@code lines} to a topic of run {@code run}, then lets the loop and the pipeline each
     * read all of it.
     */
    private Throughput throughput(Cluster cluster, Path work, String run, BenchLines lines)
            throws IOException, InterruptedException {
        MailflowConfig config =
                pipelineConfig(
                        options, cluster.bootstrapServers(), work.resolve("state-" + run), run);
        String input = config.topicNames().lines();
        String copies = "bench." + run + ".copies";
        PipelineInstance.createTopics(config);
        cluster.create(copies);
        Moment feedStart = Moment.now();
        new LineFeed(cluster.bootstrapServers(), options.partitions())
                .send(lines, input, 0, new AtomicLongArray(lines.size()));
        Rate feed = Rate.between(lines.size(), feedStart, Moment.now());
        say(
                "%s: wrote %,d lines to %s at %,.0f lines/s",
                run, lines.size(), input, feed.perSecond());
        Rate loop = loopThroughput(cluster, run, input, copies, lines.size());
        say("%s: bare loop %,.0f lines/s", run, loop.perSecond());
        Map<String, Rate> baselines = new LinkedHashMap<>();
        if (options.streamsBaselines()) {
            for (StreamsBaseline.Kind kind : StreamsBaseline.Kind.values()) {
                Rate rate = baselineThroughput(cluster, config, work, run, kind, lines.size());
                say("%s: %s %,.0f lines/s", run, kind.label(), rate.perSecond());
                baselines.put(kind.label(), rate);
            }
        }
        PipelineRun pipeline = pipelineThroughput(config, run, lines.size());
        say("%s: pipeline %,.0f lines/s", run, pipeline.rate().perSecond());
        return new Throughput(describe(config), feed, loop, baselines, pipeline);
    }

    private Rate baselineThroughput(
            Cluster cluster,
            MailflowConfig config,
            Path work,
            String run,
            StreamsBaseline.Kind kind,
            int lines)
            throws InterruptedException {
        String name = run + "-" + kind.name().toLowerCase(Locale.ROOT);
        String applicationId = "bench-" + name;
        String output = "bench." + name + ".out";
        cluster.create(output);
        try (StreamsBaseline baseline =
                new StreamsBaseline(
                        kind, config, applicationId, work.resolve("state-" + name), output)) {
            baseline.start();
            Moment first =
                    awaitCount(baseline::linesRead, 1, baseline.runner()::failure, kind.label());
            new CompletionWatch(
                            config.adminConfig(),
                            applicationId,
                            config.topicNames().lines(),
                            WATCH_POLL)
                    .await(baseline.runner(), baseline::linesRead, lines, (r, of) -> {});
            return Rate.between(lines, first, Moment.now());
        }
    }

    private Rate loopThroughput(Cluster cluster, String run, String input, String copies, int lines)
            throws InterruptedException {
        try (CopyLoop loop =
                new CopyLoop(cluster.bootstrapServers(), "bench-" + run + "-loop", input, copies)) {
            loop.start();
            Moment end = awaitCount(loop::copied, lines, loop::failure, "bare loop");
            return Rate.between(lines, loop.firstRead(), end);
        }
    }

    private PipelineRun pipelineThroughput(MailflowConfig config, String run, int lines)
            throws IOException, InterruptedException {
        try (PipelineInstance pipeline =
                PipelineInstance.start(config, ErrorClassifier.builtIn())) {
            Moment first =
                    awaitCount(
                            pipeline.metrics()::linesRead,
                            1,
                            pipeline.runner()::failure,
                            "pipeline");
            watch(config)
                    .await(
                            pipeline.runner(),
                            pipeline.metrics()::linesRead,
                            lines,
                            progressEvery(run, Duration.ofSeconds(2)));
            Moment end = Moment.now();
            return new PipelineRun(
                    Rate.between(lines, first, end),
                    pipeline.metrics().outcomesWritten(),
                    RecordsWritten.byTopic(
                            pipeline.runner().streams().metrics(),
                            config.get(ConfigKeys.APPLICATION_ID),
                            topicPrefix(run)));
        }
    }

    private Latency loopLatency(Cluster cluster, BenchLines sample) throws InterruptedException {
        String in = "bench.latency.loop.lines";
        String out = "bench.latency.loop.copies";
        cluster.create(in);
        cluster.create(out);
        AtomicLongArray sentAt = new AtomicLongArray(sample.size());
        try (CopyLoop loop =
                        new CopyLoop(cluster.bootstrapServers(), "bench-latency-loop", in, out);
                OutputProbe probe =
                        new OutputProbe(
                                cluster.bootstrapServers(),
                                out,
                                options.partitions(),
                                r -> LineFeed.lineIndex(r.headers()),
                                sentAt,
                                options.untimedLatencyLines())) {
            loop.start();
            loop.awaitAssigned(RUN_TIMEOUT);
            probe.start();
            new LineFeed(cluster.bootstrapServers(), options.partitions())
                    .send(sample, in, options.latencyRate(), sentAt);
            awaitCount(
                    probe::traced,
                    sample.size(),
                    () -> loop.failure() != null ? loop.failure() : probe.failure(),
                    "bare loop's copies");
            return probe.stop();
        }
    }

    private Latency pipelineLatency(MailflowConfig config, BenchLines sample)
            throws IOException, InterruptedException {
        PipelineInstance.createTopics(config);
        TopicNames topics = config.topicNames();
        AtomicLongArray sentAt = new AtomicLongArray(sample.size());
        try (PipelineInstance pipeline = PipelineInstance.start(config, ErrorClassifier.builtIn());
                OutputProbe probe =
                        new OutputProbe(
                                config.get(ConfigKeys.BOOTSTRAP_SERVERS),
                                topics.outcomes(),
                                options.partitions(),
                                new OutcomeTracer(sample),
                                sentAt,
                                options.untimedLatencyLines())) {
            if (!pipeline.runner().awaitRunning(RUN_TIMEOUT)) {
                throw new IllegalStateException("the pipeline did not start within " + RUN_TIMEOUT);
            }
            probe.start();
            new LineFeed(config.get(ConfigKeys.BOOTSTRAP_SERVERS), options.partitions())
                    .send(sample, topics.lines(), options.latencyRate(), sentAt);
            watch(config)
                    .await(
                            pipeline.runner(),
                            pipeline.metrics()::linesRead,
                            sample.size(),
                            (r, of) -> {});
            probe.awaitPositions(committedEnds(config, topics.outcomes()), RUN_TIMEOUT);
            return probe.stop();
        }
    }

    /** Tells how far the pipeline has come, at most once per {@code interval}. */
    private CompletionWatch.Progress progressEvery(String run, Duration interval) {
        long[] next = {System.nanoTime() + interval.toNanos()};
        return (read, of) -> {
            if (System.nanoTime() >= next[0]) {
                next[0] += interval.toNanos();
                say("%s: pipeline read %,d of %,d lines", run, read, of);
            }
        };
    }

    private static CompletionWatch watch(MailflowConfig config) {
        return new CompletionWatch(
                config.adminConfig(),
                config.get(ConfigKeys.APPLICATION_ID),
                config.topicNames().lines(),
                WATCH_POLL);
    }

    /**
     * The configuration of the pipeline of one run, as {@code mailflow run} would load it.
     *
     * @throws io.mailflow.runtime.config.ConfigException if a setting is wrong
     */
    public static MailflowConfig pipelineConfig(
            Options options, String bootstrapServers, Path stateDir, String run) {
        Map<String, String> flags = new HashMap<>(options.settings());
        flags.put(ConfigKeys.BOOTSTRAP_SERVERS.name(), bootstrapServers);
        flags.put(ConfigKeys.APPLICATION_ID.name(), "mailflow-bench-" + run);
        flags.put(ConfigKeys.STATE_DIR.name(), stateDir.toString());
        flags.put(ConfigKeys.HTTP_PORT.name(), "0");
        flags.put(ConfigKeys.TOPIC_PARTITIONS.name(), Integer.toString(options.partitions()));
        flags.put(ConfigKeys.TOPIC_REPLICATION_FACTOR.name(), "1");
        String prefix = topicPrefix(run);
        TopicNames d = TopicNames.DEFAULT;
        flags.put(ConfigKeys.TOPIC_LINES.name(), prefix + d.lines());
        flags.put(ConfigKeys.TOPIC_OUTCOMES.name(), prefix + d.outcomes());
        flags.put(ConfigKeys.TOPIC_ERRORS.name(), prefix + d.errors());
        flags.put(ConfigKeys.TOPIC_INBOUND.name(), prefix + d.inbound());
        flags.put(ConfigKeys.TOPIC_SESSIONS.name(), prefix + d.sessions());
        flags.put(ConfigKeys.TOPIC_REJECTS.name(), prefix + d.rejects());
        return ConfigLoader.load(Optional.empty(), Map.of(), flags);
    }

    /** What the names of run {@code run}'s topics start with. */
    private static String topicPrefix(String run) {
        return "bench." + run + ".";
    }

    /**
     * Waits until {@code count} reaches {@code target}; returns the moment it saw that.
     *
     * @throws IllegalStateException if {@code failure} gives an error, or the count stands still
     *     for {@link #RUN_TIMEOUT}
     */
    private static Moment awaitCount(
            LongSupplier count, long target, Supplier<Throwable> failure, String what)
            throws InterruptedException {
        long last = -1;
        long lastChange = System.nanoTime();
        long now;
        while ((now = count.getAsLong()) < target) {
            Throwable e = failure.get();
            if (e != null) {
                throw new IllegalStateException("the " + what + " failed", e);
            }
            if (now != last) {
                last = now;
                lastChange = System.nanoTime();
            } else if (System.nanoTime() - lastChange > RUN_TIMEOUT.toNanos()) {
                throw new IllegalStateException(
                        String.format(
                                Locale.ROOT,
                                "the %s stood still at %,d of %,d for %s",
                                what,
                                now,
                                target,
                                RUN_TIMEOUT));
            }
            Thread.sleep(1);
        }
        return Moment.now();
    }

    /** The last committed offset of each partition of {@code topic}. */
    private long[] committedEnds(MailflowConfig config, String topic) throws InterruptedException {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (int p = 0; p < options.partitions(); p++) {
            latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
        }
        try (Admin admin = Admin.create(config.adminConfig())) {
            var offsets =
                    admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                            .all()
                            .get(30, TimeUnit.SECONDS);
            long[] ends = new long[options.partitions()];
            offsets.forEach((tp, info) -> ends[tp.partition()] = info.offset());
            return ends;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
    }

    private static String describe(MailflowConfig config) {
        int threads = config.get(ConfigKeys.STREAM_THREADS);
        return String.format(
                Locale.ROOT,
                "%s, %d stream thread%s",
                config.get(ConfigKeys.PROCESSING_GUARANTEE).streamsValue(),
                threads,
                threads == 1 ? "" : "s");
    }

    private void say(String format, Object... args) {
        progress.printf(Locale.ROOT, "bench: " + format + "%n", args);
    }

    private static double seconds(EmbeddedKafka kafka) {
        return kafka.startDuration().toMillis() / 1000.0;
    }

    private record PipelineRun(Rate rate, long outcomes, Map<String, Long> written) {}

    private record Throughput(
            String setup,
            Rate feed,
            Rate loop,
            Map<String, Rate> baselines,
            PipelineRun pipeline) {}

    /** The broker the runs share, and topics of the bench's own on it. */
    private record Cluster(String bootstrapServers, int partitions) {
        void create(String topic) {
            try (Admin admin =
                    Admin.create(
                            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
                new TopicProvisioner(admin, partitions, (short) 1, Duration.ofSeconds(30))
                        .provision(List.of(new TopicSpec(topic, "bench records", Map.of())));
            }
        }
    }
}
