package io.mailflow.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunningStreamsTest {
    @TempDir Path stateDir;

    @Test
    void streamsNotStarted_is503SayingSo() {
        try (KafkaStreams streams = streams()) {
            assertThatThrownBy(
                            () ->
                                    RunningStreams.call(
                                            streams, streams::metadataForAllStreamsClients))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.status()).isEqualTo(503))
                    .hasMessageContaining("not started");
        }
    }

    @Test
    void streamsClosed_is503NamingItsState() {
        try (KafkaStreams streams = streams()) {
            streams.close();

            assertThatThrownBy(
                            () ->
                                    RunningStreams.call(
                                            streams, streams::metadataForAllStreamsClients))
                    .isInstanceOfSatisfying(
                            ApiException.class, e -> assertThat(e.status()).isEqualTo(503))
                    .hasMessageContaining("NOT_RUNNING");
        }
    }

    private KafkaStreams streams() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table(
                "lines", Consumed.with(Serdes.String(), Serdes.String()), Materialized.as("store"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "running-streams-test");
        // Nothing listens there; the client is never started, so it never connects.
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return new KafkaStreams(builder.build(), props);
    }
}
