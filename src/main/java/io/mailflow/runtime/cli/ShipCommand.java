package io.mailflow.runtime.cli;

import io.mailflow.runtime.ship.BackfillProgress;
import io.mailflow.runtime.ship.CheckpointException;
import io.mailflow.runtime.ship.Checkpoints;
import io.mailflow.runtime.ship.FollowedFile;
import io.mailflow.runtime.ship.ShipClients;
import io.mailflow.runtime.ship.ShipSettings;
import io.mailflow.runtime.ship.Shipper;
import io.mailflow.runtime.ship.ShipperException;
import io.mailflow.topology.TopicNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mailflow ship}: follows Web Crossing log files like {@code tail -F} and sends each line to
 * the lines topic exactly once, until SIGTERM or Ctrl-C. See {@link Shipper} for how.
 */
@Command(
        name = "ship",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Follows log files like tail -F and sends each complete line, exactly once, to the"
                    + " lines topic: key the host, value the line, headers host, file, offset and"
                    + " file-key. Runs until SIGTERM or Ctrl-C.",
            "Keeps its place per file in the checkpoint directory, so that a restart neither"
                    + " skips nor resends a line."
        })
final class ShipCommand implements Callable<Integer> {
    /** How long a stop may take to commit the last round and write the checkpoints. */
    private static final long STOP_SECONDS = 30;

    @Spec CommandSpec spec;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT,...",
            defaultValue = "localhost:9092",
            description = "The Kafka brokers to contact first (default: ${DEFAULT-VALUE}).")
    String bootstrapServers;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            description =
                    "The host whose logs these are, the key of every record. Default: each"
                            + " file's name without its extension.")
    String host;

    @Option(
            names = "--topic",
            paramLabel = "TOPIC",
            description = "The lines topic (default: ${DEFAULT-VALUE}).")
    String topic = TopicNames.DEFAULT.lines();

    @Option(
            names = "--checkpoint-dir",
            paramLabel = "DIR",
            description = "Where each file's position is kept (default: ~/.mailflow/ship).")
    Path checkpointDir = Path.of(System.getProperty("user.home"), ".mailflow", "ship");

    @Option(
            names = "--from-start",
            description =
                    "Backfill: read a file that has no checkpoint from its start, with a progress"
                            + " report on standard error, rather than from its end. A file with"
                            + " a checkpoint resumes from it either way.")
    boolean fromStart;

    @Option(
            names = "--kafka",
            paramLabel = "KEY=VALUE",
            description =
                    "A Kafka client config, such as security.protocol=SASL_SSL; repeatable."
                            + " Configs that exactly-once shipping depends on cannot be set.")
    Map<String, String> kafka = new LinkedHashMap<>();

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The log files to follow.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        ShipSettings settings =
                ShipSettings.of(
                        bootstrapServers, topic, followedFiles(), fromStart, kafkaConfigs());
        files.forEach(ShipCommand::checkReadable);
        Shipper shipper = new Shipper(settings, checkpoints());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(shipper), "ship-stop"));
        BackfillProgress progress = fromStart ? startProgress(shipper) : null;
        try {
            shipper.run();
        } catch (ShipperException e) {
            throw new UserException(e.getMessage(), e);
        } finally {
            if (progress != null) {
                progress.stop();
            }
        }
        return 0;
    }

    private List<FollowedFile> followedFiles() {
        if (host != null && host.isBlank()) {
            throw usage("--host must not be blank");
        }
        Set<String> seen = new HashSet<>();
        List<FollowedFile> followed = new ArrayList<>();
        for (Path file : files) {
            if (!seen.add(Checkpoints.absolute(file))) {
                throw usage("FILE " + file + " is given twice; expected each file once");
            }
            String fileHost = host != null ? host : ParseCommand.hostOf(file.toString());
            followed.add(new FollowedFile(file, fileHost));
        }
        return followed;
    }

    private Map<String, String> kafkaConfigs() {
        kafka.keySet()
                .forEach(
                        name ->
                                ShipClients.problemWith(name)
                                        .ifPresent(
                                                problem -> {
                                                    throw usage("--kafka " + problem);
                                                }));
        return kafka;
    }

    /** A file that is there must be readable; one that is not yet is waited for. */
    private static void checkReadable(Path file) {
        if (!Files.exists(file)) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            throw new UserException("cannot read " + file + ": not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new UserException("cannot read " + file + ": permission denied");
        }
    }

    private Checkpoints checkpoints() {
        try {
            return Checkpoints.in(checkpointDir);
        } catch (CheckpointException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    private BackfillProgress startProgress(Shipper shipper) {
        BackfillProgress progress =
                new BackfillProgress(
                        shipper::progress,
                        spec.commandLine().getErr(),
                        BackfillProgress.stderrIsTerminal());
        Thread thread = new Thread(progress, "ship-progress");
        thread.setDaemon(true);
        thread.start();
        return progress;
    }

    private static void stop(Shipper shipper) {
        shipper.stop();
        try {
            shipper.awaitFinished(STOP_SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
