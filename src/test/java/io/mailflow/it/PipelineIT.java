package io.mailflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflow.core.classify.ErrorClassifier;
import io.mailflow.json.Json;
import io.mailflow.runtime.broker.ProvisionReport;
import io.mailflow.runtime.config.ConfigLoader;
import io.mailflow.runtime.config.MailflowConfig;
import io.mailflow.runtime.pipeline.PipelineInstance;
import io.mailflow.runtime.pipeline.StreamsRunner.Termination;
import io.mailflow.topology.TopicNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline instance of {@code mailflow run}, configured by keys, on the shared broker. */
@WithSharedKafka
class PipelineIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String TO_FROM =
            " To: support@support.webcrossing.com From: babies@diapers.smell.com";
    private static final List<String> DELIVERY =
            List.of(
                    "20-Jun-03 08:09:46 smtp-out OK ID=2549 Send email. Outgoing message queued"
                            + TO_FROM,
                    "20-Jun-03 08:11:02 smtp-out error ID=2549 Send email. Connect error"
                            + " (Internet address disconnected.)"
                            + TO_FROM,
                    "20-Jun-03 08:11:04 smtp-out OK ID=2549 Send email. Sent email" + TO_FROM);

    @TempDir Path stateDir;

    @Test
    void createTopics_makesTheLinesAndOutputTopicsOnce(KafkaCluster kafka) throws Exception {
        MailflowConfig config = config(kafka, "provisioned");

        ProvisionReport first = PipelineInstance.createTopics(config);
        ProvisionReport second = PipelineInstance.createTopics(config);

        TopicNames topics = config.topicNames();
        List<String> names =
                List.of(
                        topics.lines(),
                        topics.outcomes(),
                        topics.errors(),
                        topics.inbound(),
                        topics.sessions(),
                        topics.rejects());
        assertThat(first.created()).containsExactlyInAnyOrderElementsOf(names).hasSize(6);
        assertThat(second.created()).isEmpty();
        assertThat(second.existing()).containsExactlyInAnyOrderElementsOf(names);
        assertThat(second.partitionMismatches()).isEmpty();
        try (Admin admin = kafka.admin()) {
            assertThat(topicConfig(admin, config.topicNames().lines(), "retention.ms"))
                    .isEqualTo(String.valueOf(Duration.ofDays(2).toMillis()));
            assertThat(topicConfig(admin, config.topicNames().rejects(), "retention.ms"))
                    .isEqualTo(String.valueOf(Duration.ofDays(2).toMillis()));
            assertThat(topicConfig(admin, config.topicNames().outcomes(), "cleanup.policy"))
                    .isEqualTo("compact");
        }
    }

    @Test
    void transientErrorThenSent_isDeliveredOnTheOutcomesTopic(KafkaCluster kafka) throws Exception {
        MailflowConfig config = config(kafka, "running");
        PipelineInstance.createTopics(config);

        PipelineInstance pipeline = PipelineInstance.start(config, ErrorClassifier.builtIn());
        send(kafka, config.topicNames().lines(), "mail01", DELIVERY);
        JsonNode outcome = awaitOutcome(kafka, config.topicNames().outcomes(), "DELIVERED");
        pipeline.close();

        assertThat(outcome.get("host").asText()).isEqualTo("mail01");
        assertThat(outcome.get("messageId").asLong()).isEqualTo(2549);
        assertThat(outcome.get("attempts").asInt()).isEqualTo(2);
        assertThat(outcome.get("completedAt").asText()).isEqualTo("2003-06-20T08:11:04Z");
        assertThat(pipeline.runner().awaitTermination()).isEqualTo(Termination.STOPPED);
    }

    private MailflowConfig config(KafkaCluster kafka, String name) {
        String prefix = kafka.uniqueTopic(name);
        Map<String, String> flags = new HashMap<>();
        flags.put("bootstrap.servers", kafka.bootstrapServers());
        flags.put("application.id", prefix);
        flags.put("state.dir", stateDir.toString());
        flags.put("topic.partitions", "2");
        flags.put("topic.retention", "2d");
        for (String role :
                List.of("lines", "outcomes", "errors", "inbound", "sessions", "rejects")) {
            flags.put("topic." + role, prefix + "." + role);
        }
        flags.put("kafka.commit.interval.ms", "100");
        flags.put("http.port", "0");
        return ConfigLoader.load(Optional.empty(), Map.of(), flags);
    }

    private static void send(KafkaCluster kafka, String topic, String host, List<String> lines) {
        try (KafkaProducer<String, String> producer = kafka.producer(Map.of())) {
            lines.forEach(line -> producer.send(new ProducerRecord<>(topic, host, line)));
        }
    }

    private static JsonNode awaitOutcome(KafkaCluster kafka, String topic, String status)
            throws Exception {
        try (KafkaConsumer<String, String> consumer = kafka.consumer(Map.of())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    JsonNode outcome =
                            Json.mapper().readTree(record.value().getBytes(StandardCharsets.UTF_8));
                    if (status.equals(outcome.get("status").asText())) {
                        return outcome;
                    }
                }
            }
        }
        throw new AssertionError("no " + status + " outcome on " + topic + " within " + TIMEOUT);
    }

    private static String topicConfig(Admin admin, String topic, String key) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config =
                admin.describeConfigs(List.of(resource))
                        .all()
                        .get(30, TimeUnit.SECONDS)
                        .get(resource);
        return config.get(key).value();
    }
}
