package io.mailflow.runtime.cli;

import io.mailflow.core.line.HostZones;
import io.mailflow.runtime.config.ConfigKeys;
import io.mailflow.runtime.pipeline.Replay;
import io.mailflow.runtime.pipeline.ReplaySummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mailflow replay}: sends log files through the whole pipeline on a real broker and writes
 * what came out, for checking the pipeline against a known log.
 */
@Command(
        name = "replay",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Sends log files through the whole pipeline on a real Kafka broker, waits until every"
                    + " line is processed, and writes the results into --out:",
            "outcomes.jsonl (latest outcome of each delivery), errors.jsonl, rejects.jsonl,"
                    + " sessions.jsonl, inbound.jsonl and summary.json.",
            "Without --bootstrap-servers, mailflow starts a single-node broker of its own."
        })
final class ReplayCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--host",
            paramLabel = "HOST",
            description =
                    "The host that wrote the files. Default: each file's name without its"
                            + " extension.")
    String host;

    @Option(
            names = "--zone",
            paramLabel = "[HOST=]ZONE",
            converter = ZoneAssignment.Converter.class,
            description =
                    "The time zone a host writes its log in, e.g. Europe/Paris; without HOST= the"
                            + " zone of every host not named. Repeatable. Default: UTC.")
    List<ZoneAssignment> zones = new ArrayList<>();

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT,...",
            description =
                    "A cluster to replay on, with topics of the replay's own that it deletes"
                            + " afterwards. Default: a broker started for the replay.")
    String bootstrapServers;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            required = true,
            description = "The directory for the results; created if missing.")
    Path out;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Log files to replay.")
    List<Path> files = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        HostZones hostZones = hostZones();
        List<Replay.Input> inputs = inputs();
        Optional<String> cluster = cluster();
        createOutputDirectory();
        Replay replay = new Replay(hostZones, cluster, System.err);
        ReplaySummary summary = replay.run(inputs, out);
        spec.commandLine()
                .getOut()
                .printf(
                        "replayed %d lines: %d events, %d rejects, %d deliveries; results in %s%n",
                        summary.linesRead(),
                        summary.events(),
                        summary.rejects(),
                        summary.deliveries().values().stream().mapToLong(Long::longValue).sum(),
                        out);
        return 0;
    }

    /** A zone given twice is a usage error, as in {@code parse}. */
    private HostZones hostZones() {
        try {
            return ZoneAssignment.toHostZones(zones);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private List<Replay.Input> inputs() {
        List<Replay.Input> inputs = new ArrayList<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new UserException("cannot read " + file + ": not a readable file");
            }
            String fileHost = host != null ? host : ParseCommand.hostOf(file.toString());
            inputs.add(new Replay.Input(fileHost, file));
        }
        return inputs;
    }

    private Optional<String> cluster() {
        if (bootstrapServers == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(ConfigKeys.BOOTSTRAP_SERVERS.parse(bootstrapServers));
        } catch (IllegalArgumentException e) {
            throw new UserException(
                    "--bootstrap-servers is '"
                            + bootstrapServers
                            + "': "
                            + e.getMessage()
                            + "; expected "
                            + ConfigKeys.BOOTSTRAP_SERVERS.expected(),
                    e);
        }
    }

    private void createOutputDirectory() {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new UserException(
                    "--out is '" + out + "': cannot create the directory (" + e.getMessage() + ")",
                    e);
        }
    }
}
