package io.mailflow.runtime.cli;

import io.mailflow.runtime.demo.Demo;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code mailflow demo}: everything on one machine, with no set-up, until Ctrl-C. */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Starts a Kafka broker in this process, the pipeline with its query API and"
                    + " dashboard, and feeds log lines in: a generated sample of three hosts, or"
                    + " the files of --logs. Prints a summary every few seconds until Ctrl-C."
        })
final class DemoCommand implements Callable<Integer> {
    /** How long the feed may take to send what its producer holds once told to stop. */
    private static final Duration FEED_STOP_TIMEOUT = Duration.ofSeconds(10);

    @Spec CommandSpec spec;

    @Option(
            names = "--logs",
            paramLabel = "FILE",
            arity = "1..*",
            description =
                    "Log files to feed in, each host named after its file. Default: a generated"
                            + " sample.")
    List<Path> logs = new ArrayList<>();

    @Option(
            names = "--http-port",
            paramLabel = "PORT",
            defaultValue = "7070",
            description = "The port of the dashboard and query API; 0 picks a free one.")
    int httpPort;

    @Option(
            names = "--rate",
            paramLabel = "LINES",
            defaultValue = "500",
            description = "Lines fed in per second; 0 feeds them as fast as possible.")
    int rate;

    @Option(
            names = "--duration",
            paramLabel = "SECONDS",
            description = "Stops after this many seconds. Default: runs until Ctrl-C.")
    Long seconds;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Demo.Options options = options();
        PrintStream out = System.out;
        Demo demo = Demo.start(options);
        Thread feeder = new Thread(() -> feed(demo, options, out), "mailflow-demo-feed");
        feeder.setDaemon(true);
        CountDownLatch closed = new CountDownLatch(1);
        Thread hook = new Thread(() -> stop(feeder, demo, closed), "mailflow-demo-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println("mailflow demo: dashboard and API at " + demo.url() + "/");
        out.println("mailflow demo: Kafka at " + demo.bootstrapServers() + "; Ctrl-C stops");
        feeder.start();
        try {
            demo.report(
                    out,
                    Duration.ofSeconds(2),
                    Optional.ofNullable(seconds).map(Duration::ofSeconds));
        } finally {
            Runtime.getRuntime().removeShutdownHook(hook);
            stop(feeder, demo, closed);
        }
        return 0;
    }

    private Demo.Options options() {
        if (httpPort < 0 || httpPort > 65535) {
            throw new ParameterException(
                    spec.commandLine(), "--http-port is " + httpPort + ", expected 0 to 65535");
        }
        if (rate < 0) {
            throw new ParameterException(
                    spec.commandLine(), "--rate is " + rate + ", expected 0 or more");
        }
        if (seconds != null && seconds < 1) {
            throw new ParameterException(
                    spec.commandLine(), "--duration is " + seconds + ", expected 1 or more");
        }
        List<Demo.Log> files = new ArrayList<>();
        for (Path log : logs) {
            if (!Files.isReadable(log) || Files.isDirectory(log)) {
                throw new UserException("cannot read log file " + log);
            }
            files.add(new Demo.Log(ParseCommand.hostOf(log.toString()), log));
        }
        return new Demo.Options(files, httpPort, rate, Demo.Options.SAMPLE_MESSAGES);
    }

    private static void feed(Demo demo, Demo.Options options, PrintStream out) {
        try {
            long sent = demo.feed(options);
            out.println("mailflow demo: all " + sent + " lines fed in");
        } catch (IOException | RuntimeException e) {
            out.println("mailflow demo: feeding lines stopped: " + e.getMessage());
        }
    }

    /**
     * Stops the feed, then the demo: the pipeline, then the broker, so that no client of the broker
     * is left talking to it when it goes.
     */
    private static void stop(Thread feeder, Demo demo, CountDownLatch closed) {
        feeder.interrupt();
        try {
            feeder.join(FEED_STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeOnce(demo, closed);
    }

    private static synchronized void closeOnce(Demo demo, CountDownLatch closed) {
        if (closed.getCount() > 0) {
            demo.close();
            closed.countDown();
        }
    }
}
