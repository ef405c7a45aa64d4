package io.mailflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflow.core.classify.ErrorClassifier;
import io.mailflow.json.Json;
import io.mailflow.runtime.config.ConfigLoader;
import io.mailflow.runtime.config.MailflowConfig;
import io.mailflow.runtime.pipeline.PipelineInstance;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
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
    private static final String TOKEN = "it-token";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<PipelineInstance> instances = new ArrayList<>();
    private MailflowConfig config;

    @BeforeAll
    void startTwoInstancesAndFeedThem(KafkaCluster kafka, @TempDir Path dir) throws Exception {
        String suffix = kafka.uniqueTopic("q");
        Map<String, String> flags = new HashMap<>();
        flags.put("bootstrap.servers", kafka.bootstrapServers());
        flags.put("application.id", "query-it-" + suffix);
        flags.put("topic.lines", "lines-" + suffix);
        flags.put("topic.outcomes", "outcomes-" + suffix);
        flags.put("topic.errors", "errors-" + suffix);
        flags.put("topic.inbound", "inbound-" + suffix);
        flags.put("topic.sessions", "sessions-" + suffix);
        flags.put("topic.rejects", "rejects-" + suffix);
        flags.put("topic.partitions", "4");
        flags.put("topic.replication.factor", "1");
        flags.put("http.port", "0");
        flags.put("http.token", TOKEN);
        flags.put("kafka.commit.interval.ms", "100");
        config = load(flags, dir.resolve("a"));
        PipelineInstance.createTopics(config);
        instances.add(PipelineInstance.start(config, ErrorClassifier.builtIn()));
        instances.add(
                PipelineInstance.start(load(flags, dir.resolve("b")), ErrorClassifier.builtIn()));
        produceLines(kafka, config.topicNames().lines());
        awaitAllDeliveries();
    }

    @AfterAll
    void stop() {
        instances.forEach(PipelineInstance::close);
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

    private void produceLines(KafkaCluster kafka, String topic) throws Exception {
        try (KafkaProducer<String, String> producer = kafka.producer(Map.of())) {
            for (int h = 0; h < HOSTS; h++) {
                String host = "host" + h;
                for (int m = 0; m < MESSAGES_PER_HOST; m++) {
                    long id = 1000 + m;
                    String time = String.format("20-Jun-03 08:%02d:%02d", m % 60, h);
                    send(producer, topic, host, time, id, "Outgoing message queued", "ok");
                    send(producer, topic, host, time, id, "Outgoing message queued", "gone");
                    send(producer, topic, host, time, id, "Sent email", "ok");
                    producer.send(
                            new ProducerRecord<>(
                                    topic,
                                    host,
                                    time
                                            + " smtp-out error ID="
                                            + id
                                            + " Send email. Fatal error from destination SMTP"
                                            + " server (550 5.1.1 user unknown) To: gone"
                                            + m
                                            + "@dest.example From: s@src.example"));
                }
            }
            producer.flush();
        }
    }

    private static void send(
            KafkaProducer<String, String> producer,
            String topic,
            String host,
            String time,
            long id,
            String action,
            String who) {
        String line =
                time
                        + " smtp-out OK ID="
                        + id
                        + " Send email. "
                        + action
                        + " To: "
                        + who
                        + (id - 1000)
                        + "@dest.example From: s@src.example";
        producer.send(new ProducerRecord<>(topic, host, line));
    }

    private void awaitAllDeliveries() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (instances.stream()
                    .allMatch(i -> i.runner().streams().state() == KafkaStreams.State.RUNNING)) {
                JsonNode counts = getJson(instances.get(0), "/api/stats/domains/dest.example", -1);
                if (counts != null
                        && counts.has("total")
                        && counts.get("total").asLong() == HOSTS * MESSAGES_PER_HOST * 2L) {
                    return;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the pipeline did not process every delivery within 60 s");
    }

    private JsonNode getJson(PipelineInstance instance, String path, int expectedStatus)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(instance.http().baseUrl() + path))
                                .header("Authorization", "Bearer " + TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        if (expectedStatus >= 0) {
            assertThat(response.statusCode()).as(path).isEqualTo(expectedStatus);
        } else if (response.statusCode() != 200) {
            return null;
        }
        return Json.mapper().readTree(response.body());
    }

    private int status(URI uri, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static MailflowConfig load(Map<String, String> flags, Path stateDir)
            throws IOException {
        Files.createDirectories(stateDir);
        Map<String, String> withState = new HashMap<>(flags);
        withState.put("state.dir", stateDir.toString());
        return ConfigLoader.load(Optional.empty(), Map.of(), withState);
    }
}
