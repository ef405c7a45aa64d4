package io.mailflow.runtime.cli;

import io.mailflow.runtime.config.ConfigException;
import io.mailflow.runtime.config.ConfigKey;
import io.mailflow.runtime.config.ConfigKeys;
import io.mailflow.runtime.config.ConfigLoader;
import io.mailflow.runtime.config.MailflowConfig;
import io.mailflow.runtime.ship.BackfillProgress;
import io.mailflow.runtime.ship.CheckpointException;
import io.mailflow.runtime.ship.Checkpoints;
import io.mailflow.runtime.ship.FollowedFile;
import io.mailflow.runtime.ship.ShipClients;
import io.mailflow.runtime.ship.ShipSettings;
import io.mailflow.runtime.ship.Shipper;
import io.mailflow.runtime.ship.ShipperException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Logger LOG = LoggerFactory.getLogger(ShipCommand.class);

    /** How long a stop may take to commit the last round and write the checkpoints. */
    private static final long STOP_SECONDS = 30;

    @Spec CommandSpec spec;

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "The properties file of mailflow run, for bootstrap.servers, topic.lines and"
                            + " the kafka.-prefixed client configs; default: $MAILFLOW_CONFIG.")
    Path configFile;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT,...",
            description =
                    "The Kafka brokers to contact first. Default: bootstrap.servers of the"
                            + " configuration (MAILFLOW_BOOTSTRAP_SERVERS), else localhost:9092.")
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
            description =
                    "The lines topic. Default: topic.lines of the configuration"
                            + " (MAILFLOW_TOPIC_LINES), else webx.log.lines.")
    String topic;

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
                    "A Kafka client config, such as security.protocol=SASL_SSL, like a kafka.KEY"
                            + " key of the configuration; producer., consumer. or admin. before"
                            + " KEY addresses one client. Repeatable. Configs that exactly-once"
                            + " shipping depends on cannot be set.")
    Map<String, String> kafka = new LinkedHashMap<>();

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The log files to follow.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        List<FollowedFile> followed = followedFiles();
        MailflowConfig config = config();
        ShipSettings settings =
                ShipSettings.of(
                        config.get(ConfigKeys.BOOTSTRAP_SERVERS),
                        config.get(ConfigKeys.TOPIC_LINES),
                        followed,
                        fromStart,
                        kafkaConfigs(config));
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

    /**
     * The configuration of {@code mailflow run}, with the options given here on top. A bad option
     * is a usage error; a bad file or environment variable is a failure.
     */
    private MailflowConfig config() {
        Map<String, String> flags = new LinkedHashMap<>();
        if (bootstrapServers != null) {
            flags.put(
                    ConfigKeys.BOOTSTRAP_SERVERS.name(),
                    checked(ConfigKeys.BOOTSTRAP_SERVERS, "--bootstrap-servers", bootstrapServers));
        }
        if (topic != null) {
            flags.put(
                    ConfigKeys.TOPIC_LINES.name(),
                    checked(ConfigKeys.TOPIC_LINES, "--topic", topic));
        }
        kafka.forEach(
                (name, value) -> {
                    ShipClients.problemWith(name)
                            .ifPresent(
                                    problem -> {
                                        throw usage("--kafka " + problem);
                                    });
                    flags.put(ConfigKeys.KAFKA_PREFIX + name, value);
                });
        try {
            return ConfigLoader.load(Optional.ofNullable(configFile), System.getenv(), flags);
        } catch (ConfigException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    private String checked(ConfigKey<String> key, String option, String text) {
        try {
            return key.parse(text);
        } catch (IllegalArgumentException e) {
            String detail = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
            throw usage(option + " is '" + text + "'" + detail + "; expected " + key.expected());
        }
    }

    /**
     * The configuration's Kafka client configs for the shipper. Those it sets itself, which {@code
     * mailflow run} may set in a shared file, are left out.
     */
    private static Map<String, String> kafkaConfigs(MailflowConfig config) {
        Map<String, String> configs = new LinkedHashMap<>();
        config.kafkaClientConfigs()
                .forEach(
                        (name, value) -> {
                            if (ShipClients.isOwned(name)) {
                                LOG.warn(
                                        "Ignoring {}{}: mailflow ship sets it itself",
                                        ConfigKeys.KAFKA_PREFIX,
                                        name);
                            } else {
                                configs.put(name, value);
                            }
                        });
        return configs;
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
