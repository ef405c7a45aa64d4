package io.mailflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.runtime.broker.TopicProvisioner;
import io.mailflow.runtime.pipeline.StreamsRunner;
import io.mailflow.runtime.pipeline.StreamsRunner.Termination;
import io.mailflow.topology.TopicSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kafka Streams with exactly-once on the embedded broker, under {@link StreamsRunner}. */
@WithSharedKafka
class StreamsRunnerIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir Path stateDir;

    @Test
    void exactlyOnceTopology_processesEveryRecordAndStopsOnClose(KafkaCluster kafka)
            throws Exception {
        String input = kafka.uniqueTopic("runner-in");
        String output = kafka.uniqueTopic("runner-out");
        provision(kafka, input, output);
        Properties props = props(kafka);
        StreamsRunner runner = new StreamsRunner(upperCase(input, output, props), props, TIMEOUT);

        runner.start();
        assertThat(runner.awaitRunning(TIMEOUT)).isTrue();
        send(kafka, input, List.of("queued", "sent", "error"));
        List<String> values = read(kafka, output, 3);
        runner.close();

        assertThat(values).containsExactly("QUEUED", "SENT", "ERROR");
        assertThat(runner.awaitTermination()).isEqualTo(Termination.STOPPED);
        assertThat(runner.failure()).isNull();
    }

    @Test
    void processingError_stopsTheInstanceAsFailed(KafkaCluster kafka) throws Exception {
        String input = kafka.uniqueTopic("failing-in");
        String output = kafka.uniqueTopic("failing-out");
        provision(kafka, input, output);
        Properties props = props(kafka);
        StreamsRunner runner = new StreamsRunner(failing(input, output, props), props, TIMEOUT);

        runner.start();
        send(kafka, input, List.of("boom"));
        Termination termination = runner.awaitTermination();
        runner.close();

        assertThat(termination).isEqualTo(Termination.FAILED);
        assertThat(runner.failure()).hasRootCauseMessage("cannot process boom");
    }

    private static Topology upperCase(String input, String output, Properties props) {
        StreamsBuilder builder = builder(props);
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                .mapValues(value -> value.toUpperCase(Locale.ROOT))
                .to(output, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    private static Topology failing(String input, String output, Properties props) {
        StreamsBuilder builder = builder(props);
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                .<String>mapValues(
                        value -> {
                            throw new IllegalStateException("cannot process " + value);
                        })
                .to(output, Produced.with(Serdes.String(), Serdes.String()));
        return builder.build();
    }

    /** Built from the same config, so the builder does not warn about a default one. */
    private static StreamsBuilder builder(Properties props) {
        return new StreamsBuilder(new TopologyConfig(new StreamsConfig(props)));
    }

    private Properties props(KafkaCluster kafka) {
        return kafka.exactlyOnceStreams(kafka.uniqueTopic("runner-app"), stateDir);
    }

    private static void provision(KafkaCluster kafka, String... topics) {
        List<TopicSpec> specs =
                Arrays.stream(topics).map(name -> new TopicSpec(name, "test", Map.of())).toList();
        try (Admin admin = kafka.admin()) {
            new TopicProvisioner(admin, 1, TopicProvisioner.BROKER_DEFAULT_REPLICATION, TIMEOUT)
                    .provision(specs);
        }
    }

    private static void send(KafkaCluster kafka, String topic, List<String> values) {
        try (KafkaProducer<String, String> producer = kafka.producer(Map.of())) {
            values.forEach(value -> producer.send(new ProducerRecord<>(topic, "mail01", value)));
        }
    }

    private static List<String> read(KafkaCluster kafka, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = kafka.consumer(Map.of())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record :
                        consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
