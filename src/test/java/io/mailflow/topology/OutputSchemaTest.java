package io.mailflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflow.json.Json;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** Output values always carry every field, nulls included, in declaration order. */
class OutputSchemaTest {
    private static final Instant T = Instant.parse("2024-03-12T10:00:00Z");

    private static List<String> fieldNames(String json) throws Exception {
        JsonNode node = Json.mapper().readTree(json);
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> componentNames(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    @Test
    void everyOutput_writesAllItsFieldsWithNulls() throws Exception {
        try (TopologyFixture f = new TopologyFixture()) {
            f.pipe(
                    "mx",
                    WebxLines.queued(T, 1, "b@c.d", "a@b.c"),
                    WebxLines.error(T.plusSeconds(1), 1, "Connect error", "b@c.d", "a@b.c"),
                    WebxLines.received(T, "x@y.z", "local@mx", "1.1.1.1"),
                    WebxLines.disconnect(T.plusSeconds(2), "pop3", "2.2.2.2"),
                    "broken line",
                    WebxLines.connect(T.plusSeconds(3600), "imap", "3.3.3.3"));

            StringDeserializer text = new StringDeserializer();
            TopicNames t = TopicNames.DEFAULT;
            String outcome =
                    f.driver.createOutputTopic(t.outcomes(), text, text).readValuesToList().get(0);
            assertThat(fieldNames(outcome)).isEqualTo(componentNames(OutcomeRecord.class));
            assertThat(Json.mapper().readTree(outcome).get("completedAt").isNull()).isTrue();
            assertThat(outcome).startsWith("{\"schemaVersion\":1,");
            for (var topic :
                    List.of(
                            new Object[] {t.errors(), ErrorRecord.class},
                            new Object[] {t.inbound(), InboundRecord.class},
                            new Object[] {t.sessions(), SessionRecord.class},
                            new Object[] {t.rejects(), RejectRecord.class})) {
                String value =
                        f.driver.createOutputTopic((String) topic[0], text, text).readValue();
                assertThat(fieldNames(value))
                        .as("fields on %s", topic[0])
                        .isEqualTo(componentNames((Class<?>) topic[1]));
            }
        }
    }
}
