package io.mailflow.it;

import io.mailflow.runtime.config.ConfigLoader;
import io.mailflow.runtime.config.MailflowConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The configuration keys of a pipeline instance on the shared broker, with an application id and
 * topics of its own, so that tests never see each other's records.
 */
final class PipelineFlags {
    private final Map<String, String> flags = new LinkedHashMap<>();

    private PipelineFlags() {}

    /** A pipeline named after {@code name} and a number, with topics of {@code partitions}. */
    static PipelineFlags unique(KafkaCluster kafka, String name, int partitions) {
        String suffix = kafka.uniqueTopic(name);
        PipelineFlags p = new PipelineFlags();
        p.set("bootstrap.servers", kafka.bootstrapServers());
        p.set("application.id", suffix);
        for (String role : List.of("lines", "outcomes", "errors", "inbound", "sessions")) {
            p.set("topic." + role, role + "-" + suffix);
        }
        p.set("topic.rejects", "rejects-" + suffix);
        p.set("topic.partitions", Integer.toString(partitions));
        p.set("topic.replication.factor", "1");
        p.set("http.port", "0");
        return p;
    }

    PipelineFlags set(String key, String value) {
        flags.put(key, value);
        return this;
    }

    String get(String key) {
        return flags.get(key);
    }

    /** The configuration of an instance keeping its state in {@code stateDir}. */
    MailflowConfig config(Path stateDir) throws IOException {
        Files.createDirectories(stateDir);
        Map<String, String> withState = new LinkedHashMap<>(flags);
        withState.put("state.dir", stateDir.toString());
        return ConfigLoader.load(Optional.empty(), Map.of(), withState);
    }

    /** The same keys as {@code mailflow run} arguments. */
    List<String> runArguments(Path stateDir) {
        List<String> args = new ArrayList<>(List.of("run", "--state-dir", stateDir.toString()));
        flags.forEach((key, value) -> args.addAll(List.of("--set", key + "=" + value)));
        return args;
    }
}
