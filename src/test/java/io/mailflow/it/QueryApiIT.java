package io.mailflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflow.runtime.pipeline.PipelineInstance;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Two pipeline instances on the embedded broker: every endpoint answers the same from both. */
@ExtendWith(SharedKafka.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryApiIT {
    private static final int HOSTS = 8;
    private static final int MESSAGES_PER_HOST = 25;
    private static final String TOKEN = PipelineFixture.TOKEN;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<PipelineInstance> instances = new ArrayList<>();
    private PipelineFixture fixture;

    @BeforeAll
    void startTwoInstancesAndFeedThem(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        fixture = new PipelineFixture(kafka, dir, "query", Map.of());
        instances.add(fixture.start("a"));
        instances.add(fixture.start("b"));
        fixture.produceDeliveries(HOSTS, MESSAGES_PER_HOST);
        fixture.awaitDeliveries(instances.get(0), HOSTS, MESSAGES_PER_HOST);
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    @Test
    void messageLookup_answersTheSameFromEveryInstance() throws Exception {
        for (int host = 0; host < HOSTS; host++) {
            String path = "/api/deliveries/host" + host + "/" + (1000 + 3);
            JsonNode first = getJson(instances.get(0), path, 200);
            JsonNode second = getJson(instances.get(1), path, 200);

            assertThat(first.get("deliveries")).hasSize(2);
            assertThat(first.get("deliveries")).isEqualTo(second.get("deliveries"));
            assertThat(first.get("stale").asBoolean()).isFalse();
        }
    }

    @Test
    void missingMessage_isA404NamingIt() throws Exception {
        JsonNode error = getJson(instances.get(1), "/api/deliveries/host0/999999", 404);

        assertThat(error.get("error").asText()).contains("host0/999999");
    }

    @Test
    void paging_returnsEveryDeliveryExactlyOnce() throws Exception {
        for (PipelineInstance instance : instances) {
            Set<String> keys = new HashSet<>();
            List<String> inOrder = new ArrayList<>();
            String cursor = null;
            do {
                JsonNode page =
                        getJson(
                                instance,
                                "/api/deliveries?limit=7"
                                        + (cursor == null ? "" : "&cursor=" + cursor),
                                200);
                page.get("items").forEach(item -> inOrder.add(item.get("key").asText()));
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            } while (cursor != null);
            keys.addAll(inOrder);

            assertThat(inOrder).hasSize(HOSTS * MESSAGES_PER_HOST * 2);
            assertThat(keys).hasSize(inOrder.size());
        }
    }

    @Test
    void statusFilter_listsOnlyThatStatus() throws Exception {
        JsonNode page = getJson(instances.get(0), "/api/deliveries?status=BOUNCED&limit=1000", 200);

        assertThat(page.get("items")).hasSize(HOSTS * MESSAGES_PER_HOST);
        page.get("items")
                .forEach(
                        item ->
                                assertThat(item.get("outcome").get("status").asText())
                                        .isEqualTo("BOUNCED"));
    }

    @Test
    void domainCounts_sumEveryPartitionFromEitherInstance() throws Exception {
        JsonNode first = getJson(instances.get(0), "/api/stats/domains/Dest.example", 200);
        JsonNode second = getJson(instances.get(1), "/api/stats/domains/dest.example", 200);

        assertThat(first.get("counts").get("DELIVERED").asLong())
                .isEqualTo(HOSTS * MESSAGES_PER_HOST);
        assertThat(first.get("counts").get("BOUNCED").asLong())
                .isEqualTo(HOSTS * MESSAGES_PER_HOST);
        assertThat(first.get("counts")).isEqualTo(second.get("counts"));
    }

    @Test
    void errorCounts_areHourlyPerHostAndCategory() throws Exception {
        JsonNode all = getJson(instances.get(1), "/api/stats/errors", 200);
        JsonNode one = getJson(instances.get(0), "/api/stats/errors?host=host3", 200);

        long total = 0;
        for (JsonNode row : all.get("counts")) {
            total += row.get("count").asLong();
        }
        assertThat(total).isEqualTo(HOSTS * MESSAGES_PER_HOST);
        assertThat(one.get("counts"))
                .allSatisfy(row -> assertThat(row.get("host").asText()).isEqualTo("host3"));
        assertThat(one.get("counts").get(0).get("category").asText())
                .isEqualTo("RECIPIENT_UNKNOWN");
    }

    @Test
    void instances_listBothWithTheirPartitions() throws Exception {
        JsonNode answer = getJson(instances.get(0), "/api/instances", 200);

        assertThat(answer.get("instances")).hasSize(2);
        Set<String> active = new HashSet<>();
        answer.get("instances")
                .forEach(i -> i.get("activePartitions").forEach(p -> active.add(p.asText())));
        assertThat(active).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void badParameters_are400sNamingTheParameter() throws Exception {
        assertThat(getJson(instances.get(0), "/api/deliveries?limit=0", 400).get("error").asText())
                .contains("'limit'");
        assertThat(getJson(instances.get(0), "/api/deliveries?status=X", 400).get("error").asText())
                .contains("'status'");
        assertThat(
                        getJson(instances.get(0), "/api/deliveries?cursor=zz", 400)
                                .get("error")
                                .asText())
                .contains("'cursor'");
        assertThat(
                        getJson(instances.get(1), "/api/stats/errors?from=yesterday", 400)
                                .get("error")
                                .asText())
                .contains("'from'");
        assertThat(
                        getJson(instances.get(1), "/api/deliveries/host0/abc", 400)
                                .get("error")
                                .asText())
                .contains("'messageId'");
    }

    @Test
    void token_isRequiredForQueriesAndMetricsButNotProbes() throws Exception {
        URI base = URI.create(instances.get(0).http().baseUrl());

        assertThat(status(base.resolve("/api/instances"), null)).isEqualTo(401);
        assertThat(status(base.resolve("/api/instances"), "wrong")).isEqualTo(401);
        assertThat(status(base.resolve("/metrics"), null)).isEqualTo(401);
        assertThat(status(base.resolve("/health/live"), null)).isEqualTo(200);
        assertThat(status(base.resolve("/health/ready"), null)).isEqualTo(200);
    }

    @Test
    void metrics_countLinesEventsAndOutcomes() throws Exception {
        URI uri = URI.create(instances.get(0).http().baseUrl() + "/metrics");
        String text =
                http.send(
                                HttpRequest.newBuilder(uri)
                                        .header("Authorization", "Bearer " + TOKEN)
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body();

        assertThat(text).contains("mailflow_lines_read_total");
        assertThat(text)
                .contains("mailflow_outcomes_total{category=\"NONE\",status=\"DELIVERED\"}");
        assertThat(text).contains("kafka_stream_");
        assertThat(text).contains("jvm_memory_used_bytes");
    }

    private JsonNode getJson(PipelineInstance instance, String path, int expectedStatus)
            throws IOException, InterruptedException {
        return fixture.getJson(instance, path, expectedStatus);
    }

    private int status(URI uri, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
