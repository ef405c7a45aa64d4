package io.mailflow.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflow.json.Json;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HealthTest {
    private static final Set<State> DEAD = EnumSet.of(State.NOT_RUNNING, State.ERROR);

    @ParameterizedTest
    @EnumSource(State.class)
    void ready_isUpOnlyWhileRunning(State state) throws IOException {
        Response response = new Health(() -> state).ready();

        boolean running = state == State.RUNNING;
        assertThat(response.status()).isEqualTo(running ? 200 : 503);
        assertThat(body(response).get("status").asText()).isEqualTo(running ? "UP" : "DOWN");
        assertThat(body(response).get("streamsState").asText()).isEqualTo(state.name());
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void live_failsOnlyWhenStreamsIsNotRunningOrFailed(State state) throws IOException {
        Response response = new Health(() -> state).live();

        boolean dead = DEAD.contains(state);
        assertThat(response.status()).isEqualTo(dead ? 503 : 200);
        assertThat(body(response).get("status").asText()).isEqualTo(dead ? "DOWN" : "UP");
        assertThat(body(response).get("streamsState").asText()).isEqualTo(state.name());
    }

    @ParameterizedTest
    @EnumSource(State.class)
    void probes_readTheStateAnew_eachTimeTheyAreAsked(State later) {
        State[] now = {State.RUNNING};
        Health health = new Health(() -> now[0]);
        assertThat(health.ready().status()).isEqualTo(200);

        now[0] = later;

        assertThat(health.ready().status()).isEqualTo(later == State.RUNNING ? 200 : 503);
    }

    private static JsonNode body(Response response) throws IOException {
        assertThat(response.contentType()).isEqualTo(Response.JSON);
        return Json.mapper().readTree(response.body());
    }
}
