package io.mailflow.runtime.http;

import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The probes an orchestrator asks. Liveness fails only when the Streams client is dead, so that a
 * restart can help; readiness holds only while it is {@code RUNNING}, so that an instance still
 * restoring its state (which Streams reports as {@code REBALANCING}) gets no traffic.
 */
final class Health {
    private final Supplier<KafkaStreams.State> state;

    Health(Supplier<KafkaStreams.State> state) {
        this.state = Objects.requireNonNull(state, "state can't be null");
    }

    Response live() {
        KafkaStreams.State now = state.get();
        boolean dead = now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR;
        return answer(!dead, now);
    }

    Response ready() {
        KafkaStreams.State now = state.get();
        return answer(now == KafkaStreams.State.RUNNING, now);
    }

    private static Response answer(boolean ok, KafkaStreams.State now) {
        return Response.json(
                ok ? 200 : 503, Map.of("status", ok ? "UP" : "DOWN", "streamsState", now.name()));
    }
}
