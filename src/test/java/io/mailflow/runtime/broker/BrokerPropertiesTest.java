package io.mailflow.runtime.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;

class BrokerPropertiesTest {
    private static final Path DATA = Path.of("/tmp/mailflow-broker-properties-test");

    @Test
    void defaults_makeAValidSingleNodeConfigOnLoopback() {
        KafkaConfig config =
                KafkaConfig.fromProps(BrokerProperties.of(9092, 9093, DATA, Map.of()), false);

        assertThat(config.nodeId()).isEqualTo(1);
        assertThat(config.getList("advertised.listeners"))
                .containsExactly("PLAINTEXT://127.0.0.1:9092");
        assertThat(config.getList("controller.quorum.bootstrap.servers"))
                .containsExactly("127.0.0.1:9093");
        assertThat(config.getShort("offsets.topic.replication.factor")).isEqualTo((short) 1);
        assertThat(config.getShort("transaction.state.log.replication.factor"))
                .isEqualTo((short) 1);
        assertThat(config.getInt("transaction.state.log.min.isr")).isEqualTo(1);
        assertThat(config.getLong("log.cleaner.dedupe.buffer.size")).isEqualTo(8L * 1024 * 1024);
    }

    @Test
    void override_winsOverMailflowsChoice() {
        Properties props =
                BrokerProperties.of(9092, 9093, DATA, Map.of("log.segment.bytes", "2097152"));

        assertThat(KafkaConfig.fromProps(props, false).getInt("log.segment.bytes"))
                .isEqualTo(2 * 1024 * 1024);
    }

    @Test
    void freePort_canBeBoundRightAfter() throws Exception {
        int port = BrokerProperties.freePort();

        try (var socket =
                new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
        }
    }
}
