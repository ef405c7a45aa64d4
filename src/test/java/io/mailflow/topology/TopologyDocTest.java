package io.mailflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.core.classify.ErrorClassifier;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keeps topology.md true to the code. */
class TopologyDocTest {
    private static final Path DOC = Path.of("topology.md");
    private static final String BEGIN = "<!-- topology-describe:begin -->";
    private static final String END = "<!-- topology-describe:end -->";

    private static String doc() throws IOException {
        return Files.readString(DOC, StandardCharsets.UTF_8);
    }

    private static String describedInDoc(String doc) {
        String block = doc.substring(doc.indexOf(BEGIN) + BEGIN.length(), doc.indexOf(END));
        return trimLines(block.strip().replaceFirst("^```text\n", "").replaceFirst("\n```$", ""));
    }

    private static String trimLines(String text) {
        return text.lines().map(String::stripTrailing).collect(Collectors.joining("\n")).strip();
    }

    @Test
    void describedTopology_matchesTheDefaultBuild() throws IOException {
        String actual =
                DeliveryTopology.build(
                                PipelineSettings.DEFAULT,
                                ErrorClassifier.builtIn(),
                                PipelineMetrics.none())
                        .describe()
                        .toString();

        assertThat(describedInDoc(doc()))
                .as("the describe() block of %s; the topology now reads:%n%s", DOC, actual)
                .isEqualTo(trimLines(actual));
    }

    @ParameterizedTest
    @ValueSource(
            classes = {
                OutcomeRecord.class,
                ErrorRecord.class,
                InboundRecord.class,
                SessionRecord.class,
                RejectRecord.class
            })
    void everyOutputField_isDocumented(Class<?> record) throws IOException {
        String doc = doc();

        List<String> missing =
                Arrays.stream(record.getRecordComponents())
                        .map(RecordComponent::getName)
                        .filter(name -> !doc.contains("| `" + name + "` |"))
                        .toList();

        assertThat(missing)
                .as("fields of %s without a row in %s", record.getSimpleName(), DOC)
                .isEmpty();
    }

    @Test
    void everyStoreAndTopic_isDocumented() throws IOException {
        String doc = doc();
        TopicNames topics = TopicNames.DEFAULT;

        Stream.of(
                        DeliveryTopology.DELIVERIES_STORE,
                        DeliveryTopology.DEADLINES_STORE,
                        DeliveryTopology.SMTP_IN_PENDING_STORE,
                        DeliveryTopology.OPEN_SESSIONS_STORE,
                        DeliveryTopology.HOST_CLOCKS_STORE,
                        DeliveryTopology.DOMAIN_COUNTS_STORE,
                        DeliveryTopology.ERROR_COUNTS_STORE,
                        DeliveryTopology.LINES_BY_HOST,
                        topics.lines(),
                        topics.outcomes(),
                        topics.errors(),
                        topics.inbound(),
                        topics.sessions(),
                        topics.rejects())
                .forEach(name -> assertThat(doc).contains("`" + name));
    }
}
