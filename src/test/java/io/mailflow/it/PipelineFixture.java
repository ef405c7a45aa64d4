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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Pipeline instances of one application on the shared broker, with topics no other test uses, and
 * the HTTP calls tests make to their APIs. Closing it stops every instance still running.
 */
final class PipelineFixture implements AutoCloseable {
    static final String TOKEN = "it-token";

    /** An answer of the API: its status and, when the body is JSON, the body. */
    record Answer(int status, JsonNode body) {}

    private final KafkaCluster kafka;
    private final Path stateRoot;
    private final Map<String, String> flags = new HashMap<>();
    private final List<PipelineInstance> running = new ArrayList<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private boolean topicsCreated;

    /**
     * @param name names the application and its topics, made unique on the shared broker
     * @param overrides configuration keys of {@code mailflow run} to set for every instance
     */
    PipelineFixture(
            KafkaCluster kafka, Path stateRoot, String name, Map<String, String> overrides) {
        this.kafka = kafka;
        this.stateRoot = stateRoot;
        String suffix = kafka.uniqueTopic(name);
        flags.put("bootstrap.servers", kafka.bootstrapServers());
        flags.put("application.id", "it-" + suffix);
        for (String role :
                List.of("lines", "outcomes", "errors", "inbound", "sessions", "rejects")) {
            flags.put("topic." + role, role + "-" + suffix);
        }
        flags.put("topic.partitions", "4");
        flags.put("topic.replication.factor", "1");
        flags.put("http.port", "0");
        flags.put("http.token", TOKEN);
        flags.put("kafka.commit.interval.ms", "100");
        flags.putAll(overrides);
    }

    /** The configuration of the instance named {@code instance}: its own state directory. */
    MailflowConfig config(String instance) throws IOException {
        Path stateDir = Files.createDirectories(stateRoot.resolve(instance));
        Map<String, String> withState = new HashMap<>(flags);
        withState.put("state.dir", stateDir.toString());
        return ConfigLoader.load(Optional.empty(), Map.of(), withState);
    }

    /** Starts an instance, creating the topics first if this is the first one. */
    PipelineInstance start(String instance) throws IOException {
        MailflowConfig config = config(instance);
        if (!topicsCreated) {
            PipelineInstance.createTopics(config);
            topicsCreated = true;
        }
        PipelineInstance started = PipelineInstance.start(config, ErrorClassifier.builtIn());
        running.add(started);
        return started;
    }

    /** Closes {@code instance}; other instances notice when its group session times out. */
    void stop(PipelineInstance instance) {
        running.remove(instance);
        instance.close();
    }

    String linesTopic() {
        return flags.get("topic.lines");
    }

    /**
     * Writes {@code messagesPerHost} messages for each of {@code hosts} hosts named {@code host0},
     * {@code host1}, ...: message IDs from 1000, each to two recipients at {@code dest.example},
     * one delivered and one bounced as an unknown user.
     */
    void produceDeliveries(int hosts, int messagesPerHost) {
        try (KafkaProducer<String, String> producer = kafka.producer(Map.of())) {
            for (int h = 0; h < hosts; h++) {
                for (int m = 0; m < messagesPerHost; m++) {
                    for (String line : messageLines(h, m)) {
                        producer.send(new ProducerRecord<>(linesTopic(), "host" + h, line));
                    }
                }
            }
            producer.flush();
        }
    }

    private static List<String> messageLines(int host, int message) {
        String head = String.format("20-Jun-03 08:%02d:%02d smtp-out ", message % 60, host % 60);
        String send = " ID=" + (1000 + message) + " Send email. ";
        String ok = " To: ok" + message + "@dest.example From: s@src.example";
        String gone = " To: gone" + message + "@dest.example From: s@src.example";
        return List.of(
                head + "OK" + send + "Outgoing message queued" + ok,
                head + "OK" + send + "Outgoing message queued" + gone,
                head + "OK" + send + "Sent email" + ok,
                head
                        + "error"
                        + send
                        + "Fatal error from destination SMTP server (550 5.1.1 user unknown)"
                        + gone);
    }

    /** GETs {@code path} from {@code instance} with the token. */
    Answer get(PipelineInstance instance, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response =
                http.send(
                        HttpRequest.newBuilder(URI.create(instance.http().baseUrl() + path))
                                .timeout(Duration.ofSeconds(20))
                                .header("Authorization", "Bearer " + TOKEN)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        boolean json =
                response.headers()
                        .firstValue("Content-Type")
                        .orElse("")
                        .startsWith("application/json");
        return new Answer(
                response.statusCode(), json ? Json.mapper().readTree(response.body()) : null);
    }

    /** GETs {@code path} from {@code instance}, asserting the status, and returns the body. */
    JsonNode getJson(PipelineInstance instance, String path, int expectedStatus)
            throws IOException, InterruptedException {
        Answer answer = get(instance, path);
        assertThat(answer.status()).as(path).isEqualTo(expectedStatus);
        return answer.body();
    }

    /** Waits until every running instance is {@code RUNNING} and {@code condition} holds. */
    void await(String what, Duration timeout, BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (running.stream().allMatch(PipelineFixture::isRunning) && condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(what + " did not happen within " + timeout);
    }

    /**
     * Waits until {@code instance} answers that every message {@link #produceDeliveries} wrote has
     * reached its final status: one recipient delivered and one bounced.
     */
    void awaitDeliveries(PipelineInstance instance, int hosts, int messagesPerHost)
            throws InterruptedException {
        long each = (long) hosts * messagesPerHost;
        await(
                each + " deliveries and " + each + " bounces",
                Duration.ofSeconds(60),
                () -> {
                    Answer answer = quietly(instance, "/api/stats/domains/dest.example");
                    if (answer.status() != 200) {
                        return false;
                    }
                    JsonNode counts = answer.body().get("counts");
                    return counts.size() == 2
                            && counts.path("DELIVERED").asLong() == each
                            && counts.path("BOUNCED").asLong() == each;
                });
    }

    /** Like {@link #get}, but a failure to connect is an answer with status 0. */
    Answer quietly(PipelineInstance instance, String path) {
        try {
            return get(instance, path);
        } catch (IOException e) {
            return new Answer(0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, null);
        }
    }

    static boolean isRunning(PipelineInstance instance) {
        return instance.runner().streams().state() == KafkaStreams.State.RUNNING;
    }

    /**
     * Stops every instance still running, all at once: one by one, each stop would make the others
     * rebalance while they are stopping too, which takes many seconds.
     */
    @Override
    public void close() {
        List<PipelineInstance> all = new ArrayList<>(running);
        running.clear();
        all.parallelStream().forEach(PipelineInstance::close);
    }
}
