package io.mailflow.runtime.http;

import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.StreamsNotStartedException;

/**
 * Calls into Kafka Streams that work only while the client runs or rebalances. Kafka Streams
 * refuses them with an {@link IllegalStateException} once it shuts down or fails; the API answers
 * that as a 503 naming the state, which also tells an asking instance to try another copy.
 */
final class RunningStreams {
    private RunningStreams() {}

    /** What {@code call} returns, or a 503 when {@code streams} cannot answer in its state. */
    static <T> T call(KafkaStreams streams, Supplier<T> call) {
        try {
            return call.get();
        } catch (StreamsNotStartedException e) {
            throw ApiException.unavailable("Kafka Streams has not started on this instance yet");
        } catch (IllegalStateException e) {
            KafkaStreams.State state = streams.state();
            if (state.isRunningOrRebalancing()) {
                throw e;
            }
            throw ApiException.unavailable("Kafka Streams is " + state + " on this instance");
        }
    }
}
