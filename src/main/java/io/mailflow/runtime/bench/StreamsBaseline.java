package io.mailflow.runtime.bench;

import io.mailflow.runtime.config.ConfigKeys;
import io.mailflow.runtime.config.MailflowConfig;
import io.mailflow.runtime.pipeline.StreamsRunner;
import io.mailflow.topology.StreamsSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A Kafka Streams application much simpler than the pipeline, run with the pipeline's Streams
 * configuration (processing guarantee, commit interval, record cache, RocksDB budget, producer
 * settings) over the same lines: what Kafka Streams itself costs on this machine before mailflow
 * does anything.
 */
final class StreamsBaseline implements AutoCloseable {
    /** What the application does with each line. */
    enum Kind {
        /** Copies each line to the output topic: no state. */
        COPY("streams copy"),
        /**
         * Counts the lines of each host in a cached RocksDB store and writes the counts out: one
         * store read and write per line, as in the simplest {@code groupByKey().count()}.
         */
        COUNT("streams count");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final StreamsRunner runner;
    private final AtomicLong read = new AtomicLong();

    /**
     * @param config the pipeline's configuration of this run: the baseline reads the pipeline's
     *     input topic, with the pipeline's Streams configuration
     * @param applicationId the baseline's own application id
     * @param stateDir the baseline's own state directory
     * @param output the topic the baseline writes to
     */
    StreamsBaseline(
            Kind kind, MailflowConfig config, String applicationId, Path stateDir, String output) {
        Properties props =
                StreamsSettings.defaults(applicationId, config.get(ConfigKeys.BOOTSTRAP_SERVERS));
        props.putAll(config.streamsProperties());
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        this.runner =
                new StreamsRunner(
                        topology(kind, config.topicNames().lines(), output), props, CLOSE_TIMEOUT);
    }

    void start() {
        runner.start();
    }

    StreamsRunner runner() {
        return runner;
    }

    /** How many lines the application has read so far. */
    long linesRead() {
        return read.get();
    }

    private Topology topology(Kind kind, String input, String output) {
        StreamsBuilder builder = new StreamsBuilder();
        KStream<byte[], byte[]> lines =
                builder.stream(
                                input,
                                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray())
                                        .withName("read-lines"))
                        .peek((host, line) -> read.incrementAndGet(), Named.as("count-read"));
        switch (kind) {
            case COPY ->
                    lines.to(
                            output,
                            Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                                    .withName("write-copies"));
            case COUNT ->
                    lines.groupByKey(
                                    Grouped.with(Serdes.ByteArray(), Serdes.ByteArray())
                                            .withName("by-host"))
                            .count(
                                    Named.as("count-lines"),
                                    Materialized.<byte[], Long, KeyValueStore<Bytes, byte[]>>as(
                                                    "line-counts")
                                            .withKeySerde(Serdes.ByteArray())
                                            .withValueSerde(Serdes.Long()))
                            .toStream(Named.as("count-changes"))
                            .to(
                                    output,
                                    Produced.with(Serdes.ByteArray(), Serdes.Long())
                                            .withName("write-counts"));
        }
        return builder.build();
    }

    @Override
    public void close() {
        runner.close();
    }
}
