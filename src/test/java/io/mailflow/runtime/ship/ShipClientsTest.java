package io.mailflow.runtime.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class ShipClientsTest {
    private static ShipSettings settings(Map<String, String> kafka) {
        return ShipSettings.of(
                "broker:9092",
                "webx.log.lines",
                List.of(new FollowedFile(Path.of("/logs/mail01.log"), "mail01")),
                false,
                kafka);
    }

    @Test
    void producer_isIdempotentTransactionalAndTunedForThroughput() {
        Map<String, Object> config = ShipClients.producer(settings(Map.of()), "tx-1");

        assertThat(config)
                .containsEntry("bootstrap.servers", "broker:9092")
                .containsEntry("enable.idempotence", true)
                .containsEntry("acks", "all")
                .containsEntry("transactional.id", "tx-1")
                .containsEntry("compression.type", "lz4")
                .containsEntry("linger.ms", 10)
                .containsEntry("batch.size", 256 * 1024);
    }

    @Test
    void securityConfig_reachesEveryClient() {
        ShipSettings settings = settings(Map.of("security.protocol", "SASL_SSL"));

        assertThat(ShipClients.producer(settings, "tx"))
                .containsEntry("security.protocol", "SASL_SSL");
        assertThat(ShipClients.consumer(settings, "c"))
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("isolation.level", "read_committed");
        assertThat(ShipClients.admin(settings)).containsEntry("security.protocol", "SASL_SSL");
    }

    @Test
    void prefixedConfig_reachesItsClientOnlyAndWinsOverTheBareOne() {
        ShipSettings settings =
                settings(
                        Map.of(
                                "linger.ms",
                                "50",
                                "producer.linger.ms",
                                "5",
                                "consumer.fetch.min.bytes",
                                "9"));

        assertThat(ShipClients.producer(settings, "tx"))
                .containsEntry("linger.ms", "5")
                .doesNotContainKey("fetch.min.bytes");
        assertThat(ShipClients.consumer(settings, "c")).containsEntry("fetch.min.bytes", "9");
    }

    @Test
    void ownedConfigs_neverReachTheClients() {
        ShipSettings settings =
                settings(
                        Map.of(
                                "acks", "1",
                                "producer.enable.idempotence", "false",
                                "isolation.level", "read_uncommitted"));

        assertThat(ShipClients.producer(settings, "tx"))
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", true);
        assertThat(ShipClients.consumer(settings, "c"))
                .containsEntry("isolation.level", "read_committed");
    }

    @Test
    void problemWith_acceptsClientConfigsAndRefusesOwnedOrUnknownOnes() {
        assertThat(ShipClients.problemWith("sasl.mechanism")).isEmpty();
        assertThat(ShipClients.problemWith("producer.compression.type")).isEmpty();
        assertThat(ShipClients.problemWith("admin.request.timeout.ms")).isEmpty();
        assertThat(ShipClients.problemWith("transactional.id"))
                .get()
                .asString()
                .contains("set by mailflow ship itself");
        assertThat(ShipClients.problemWith("producer.acks"))
                .get()
                .asString()
                .contains("set by mailflow ship itself");
        assertThat(ShipClients.problemWith("producer.fetch.min.bytes"))
                .get()
                .asString()
                .isEqualTo("producer.fetch.min.bytes is not a config of the Kafka producer");
        assertThat(ShipClients.problemWith("num.stream.threads"))
                .get()
                .asString()
                .contains("not a config of the Kafka producer, consumer or admin client");
    }

    @Test
    void partitionOfHost_isTheDefaultPartitionersChoiceForTheKey() {
        for (String host : List.of("mail01", "mail02", "relay-7.example.com", "h")) {
            for (int partitions : new int[] {1, 3, 6, 64}) {
                byte[] key = host.getBytes(StandardCharsets.UTF_8);
                assertThat(ShipClients.partitionOf(host, partitions))
                        .isEqualTo(BuiltInPartitioner.partitionForKey(key, partitions));
            }
        }
    }

    @Test
    void transactionalId_isStablePerHostAndPathAndDiffersBetweenThem() {
        String id = ShipClients.transactionalId("mail01", "/logs/mail01.log");

        assertThat(id)
                .startsWith("mailflow-ship-mail01-")
                .isEqualTo(ShipClients.transactionalId("mail01", "/logs/mail01.log"))
                .isNotEqualTo(ShipClients.transactionalId("mail01", "/logs/mail01-b.log"))
                .isNotEqualTo(ShipClients.transactionalId("mail02", "/logs/mail01.log"));
    }
}
