package io.mailflow.runtime.http;

import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;

/** A Kafka Streams client that is never started, for the classes that only hold one. */
final class IdleStreams {
    private IdleStreams() {}

    static KafkaStreams create(Path stateDir) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.table(
                "lines", Consumed.with(Serdes.String(), Serdes.String()), Materialized.as("store"));
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "idle-streams-test");
        // Nothing listens there; a client that is never started never connects.
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return new KafkaStreams(builder.build(), props);
    }
}
