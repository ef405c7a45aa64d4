package io.mailflow.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.apache.kafka.streams.KafkaStreams;
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
        return IdleStreams.create(stateDir);
    }
}
