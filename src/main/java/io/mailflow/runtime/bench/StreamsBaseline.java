package io.mailflow.runtime.bench;

import io.mailflow.runtime.config.ConfigKeys;
import io.mailflow.runtime.config.MailflowConfig;
import io.mailflow.runtime.pipeline.StreamsRunner;
import io.mailflow.topology.StreamsSettings;
import java.nio.ByteBuffer;
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
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

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
         * Counts the lines of each host with {@code groupByKey().count()}: one read and one write
         * of a cached RocksDB store per line, on as many keys as hosts, so that the record cache
         * absorbs nearly all of them; the counts go out as the cache flushes them.
         */
        COUNT_PER_HOST("streams count per host"),
        /**
         * Counts each line under a key of its own (its partition and offset) in a cached RocksDB
         * store, and writes nothing else: every line costs a store read that misses, a write, and a
         * changelog record at the next commit.
         */
        COUNT_PER_LINE("streams count per line");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);
    private static final String HOST_COUNTS = "host-counts";
    private static final String LINE_COUNTS = "line-counts";

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
            case COUNT_PER_LINE -> {
                builder.addStateStore(
                        Stores.keyValueStoreBuilder(
                                        Stores.persistentKeyValueStore(LINE_COUNTS),
                                        Serdes.Bytes(),
                                        Serdes.Long())
                                .withCachingEnabled());
                lines.process(PerLineCount::new, Named.as("count-each-line"), LINE_COUNTS);
            }
            case COUNT_PER_HOST ->
                    lines.groupByKey(
                                    Grouped.with(Serdes.ByteArray(), Serdes.ByteArray())
                                            .withName("by-host"))
                            .count(
                                    Named.as("count-lines"),
                                    Materialized.<byte[], Long, KeyValueStore<Bytes, byte[]>>as(
                                                    HOST_COUNTS)
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

    /** Counts each line under its partition and offset. */
    private static final class PerLineCount implements Processor<byte[], byte[], Void, Void> {
        private ProcessorContext<Void, Void> context;
        private KeyValueStore<Bytes, Long> counts;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            this.context = context;
            this.counts = context.getStateStore(LINE_COUNTS);
        }

        @Override
        public void process(Record<byte[], byte[]> line) {
            RecordMetadata where = context.recordMetadata().orElseThrow();
            Bytes key =
                    Bytes.wrap(
                            ByteBuffer.allocate(Integer.BYTES + Long.BYTES)
                                    .putInt(where.partition())
                                    .putLong(where.offset())
                                    .array());
            Long count = counts.get(key);
            counts.put(key, count == null ? 1 : count + 1);
        }
    }
}
