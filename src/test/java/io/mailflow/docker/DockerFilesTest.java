package io.mailflow.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mailflow.runtime.cli.Mailflow;
import io.mailflow.runtime.config.ConfigKey;
import io.mailflow.runtime.config.ConfigKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What can be checked of the container files without a Docker engine: they parse, the image runs
 * mailflow's jar with a command mailflow accepts, and the compose file sets only real keys.
 */
class DockerFilesTest {
    private static final Path DOCKERFILE = Path.of("docker/Dockerfile");
    private static final Path COMPOSE = Path.of("docker/compose.yaml");

    @Test
    void image_runsTheJarAsNonRootOnAGlibcJre() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);

        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre");
        assertThat(dockerfile.lines().filter(line -> line.startsWith("FROM ")))
                .noneMatch(line -> line.toLowerCase(java.util.Locale.ROOT).contains("alpine"));
        assertThat(dockerfile).contains("USER mailflow");
        assertThat(dockerfile).contains("VOLUME [\"/var/lib/mailflow\"]");
        assertThat(dockerfile)
                .contains("ENTRYPOINT [\"java\", \"-jar\", \"/opt/mailflow/mailflow.jar\"]");
    }

    @Test
    void imageCommand_isOneMailflowAccepts() throws IOException {
        Matcher cmd =
                Pattern.compile("^CMD \\[(.*)]$", Pattern.MULTILINE)
                        .matcher(Files.readString(DOCKERFILE));
        assertThat(cmd.find()).isTrue();
        String[] args = new ObjectMapper().readValue("[" + cmd.group(1) + "]", String[].class);

        CommandLine.ParseResult parsed = Mailflow.commandLine().parseArgs(args);

        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("run");
    }

    @Test
    void compose_hasThreeBrokersTwoPipelinesAndAShipper() throws IOException {
        JsonNode services = compose().get("services");

        assertThat(services.fieldNames())
                .toIterable()
                .containsExactlyInAnyOrder(
                        "kafka1", "kafka2", "kafka3", "pipeline1", "pipeline2", "shipper");
        for (String broker : List.of("kafka1", "kafka2", "kafka3")) {
            assertThat(services.get(broker).get("image").asText()).startsWith("apache/kafka:");
        }
        List<String> shipper = new ArrayList<>();
        services.get("shipper").get("command").forEach(arg -> shipper.add(arg.asText()));
        CommandLine.ParseResult parsed =
                Mailflow.commandLine().parseArgs(shipper.toArray(String[]::new));
        assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("ship");
    }

    @Test
    void compose_setsOnlyConfigurationKeysMailflowKnows() throws IOException {
        JsonNode services = compose().get("services");
        List<String> unknown = new ArrayList<>();
        for (String pipeline : List.of("pipeline1", "pipeline2")) {
            services.get(pipeline)
                    .get("environment")
                    .fields()
                    .forEachRemaining(e -> checkKnown(e.getKey(), unknown));
        }
        assertThat(unknown).isEmpty();
    }

    private static void checkKnown(String variable, List<String> unknown) {
        if (variable.startsWith("MAILFLOW_KAFKA_")) {
            return;
        }
        boolean known = ConfigKeys.ALL.stream().map(ConfigKey::envName).anyMatch(variable::equals);
        if (!known) {
            unknown.add(variable);
        }
    }

    private static JsonNode compose() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode root = yaml.readTree(COMPOSE.toFile());
        assertThat(root).isNotNull();
        assertThat(root.get("services")).isNotNull();
        return root;
    }
}
