package io.mailflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.runtime.broker.EmbeddedKafka;
import io.mailflow.runtime.broker.TopicProvisioner;
import io.mailflow.topology.TopicSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@WithSharedKafka
class EmbeddedKafkaIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Test
    void idempotentProducerThenReadCommittedConsumer_readsEveryRecordInOrder(KafkaCluster kafka) {
        String topic = kafka.uniqueTopic("round-trip");
        provision(kafka.bootstrapServers(), topic, 1);
        List<String> sent = IntStream.range(0, 200).mapToObj(i -> "value-" + i).toList();

        try (KafkaProducer<String, String> producer = kafka.producer(Map.of())) {
            sent.forEach(value -> producer.send(new ProducerRecord<>(topic, "key", value)));
        }

        assertThat(values(readAll(kafka, topic, sent.size()))).containsExactlyElementsOf(sent);
    }

    @Test
    void abortedTransaction_isInvisibleToReadCommittedConsumer(KafkaCluster kafka) {
        String topic = kafka.uniqueTopic("transactions");
        provision(kafka.bootstrapServers(), topic, 2);
        Map<String, Object> transactional =
                Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, kafka.uniqueTopic("tx"));

        try (KafkaProducer<String, String> producer = kafka.producer(transactional)) {
            producer.initTransactions();
            sendInTransaction(producer, topic, "committed-1", true);
            sendInTransaction(producer, topic, "aborted", false);
            sendInTransaction(producer, topic, "committed-2", true);
        }

        assertThat(values(readAll(kafka, topic, 2)))
                .containsExactlyInAnyOrder("committed-1", "committed-2");
    }

    @Test
    void childJvmBroker_servesClientsAndReleasesItsPortOnClose() {
        EmbeddedKafka child = EmbeddedKafka.builder().mode(EmbeddedKafka.Mode.CHILD_JVM).start();
        String bootstrap = child.bootstrapServers();
        try (child) {
            provision(bootstrap, "child-jvm", 1);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
                assertThat(admin.listTopics().names())
                        .succeedsWithin(TIMEOUT)
                        .satisfies(names -> assertThat(names).contains("child-jvm"));
            }
        }

        assertThat(child.mode()).isEqualTo(EmbeddedKafka.Mode.CHILD_JVM);
        assertThat(accepts(bootstrap)).isFalse();
    }

    private static void sendInTransaction(
            KafkaProducer<String, String> producer, String topic, String value, boolean commit) {
        producer.beginTransaction();
        producer.send(new ProducerRecord<>(topic, value, value));
        if (commit) {
            producer.commitTransaction();
        } else {
            producer.flush();
            producer.abortTransaction();
        }
    }

    private static List<ConsumerRecord<String, String>> readAll(
            KafkaCluster kafka, String topic, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = kafka.consumer(Map.of())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            // One more poll: a record beyond the expected ones would show up here.
            consumer.poll(Duration.ofMillis(500)).forEach(records::add);
        }
        return records;
    }

    private static List<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).toList();
    }

    private static void provision(String bootstrap, String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            new TopicProvisioner(
                            admin, partitions, TopicProvisioner.BROKER_DEFAULT_REPLICATION, TIMEOUT)
                    .provision(List.of(new TopicSpec(topic, "test records", Map.of())));
        }
    }

    private static boolean accepts(String bootstrap) {
        int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
