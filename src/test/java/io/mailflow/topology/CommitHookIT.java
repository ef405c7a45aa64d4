package io.mailflow.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.it.KafkaCluster;
import io.mailflow.it.WithSharedKafka;
import io.mailflow.runtime.pipeline.StreamsRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link CommitHook} on a real broker under exactly-once: what a processor keeps in a {@link
 * WriteBackCache} and writes from the hook must be committed with the input it came from. If the
 * hook ran after the transaction's commit, or not at all, the last writes would sit in a
 * transaction that never commits once the input stops, and a {@code read_committed} reader of the
 * changelog would never see the final counts.
 */
@WithSharedKafka
class CommitHookIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int KEYS = 10;
    private static final int PER_KEY = 300;

    @TempDir Path stateDir;

    @Test
    void writesFromTheHook_commitWithTheInputTheyCameFrom(KafkaCluster kafka) throws Exception {
        String input = kafka.uniqueTopic("hook-in");
        String app = kafka.uniqueTopic("hook-app");
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(input, 2, (short) 1))).all().get();
        }
        try (StreamsRunner runner =
                new StreamsRunner(
                        counting(input), kafka.exactlyOnceStreams(app, stateDir), TIMEOUT)) {
            runner.start();
            assertThat(runner.awaitRunning(TIMEOUT)).isTrue();
            try (KafkaProducer<String, String> producer = kafka.producer(Map.of())) {
                for (int i = 0; i < KEYS * PER_KEY; i++) {
                    producer.send(new ProducerRecord<>(input, "k" + (i % KEYS), "line " + i));
                }
            }

            Map<String, Long> committed = awaitCounts(kafka, app + "-counts-changelog");

            assertThat(runner.failure()).isNull();
            assertThat(committed)
                    .hasSize(KEYS)
                    .allSatisfy((key, count) -> assertThat(count).isEqualTo(PER_KEY));
        }
    }

    private static Topology counting(String input) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(CommitHook.builder("hook"));
        builder.addStateStore(
                Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore("counts"),
                                Serdes.String(),
                                Serdes.Long())
                        .withCachingDisabled());
        builder.stream(input, Consumed.with(Serdes.String(), Serdes.String()))
                .process(CountInCache::new, Named.as("count"), "hook", "counts");
        return builder.build();
    }

    /** Counts records per key in a write-back cache, written from the commit hook. */
    private static final class CountInCache implements Processor<String, String, Void, Void> {
        private WriteBackCache<Long> counts;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
            counts = new WriteBackCache<>(context.getStateStore("counts"), 100);
            CommitHook hook = context.getStateStore("hook");
            hook.beforeCommit(counts::flush);
        }

        @Override
        public void process(Record<String, String> record) {
            Long count = counts.get(record.key());
            counts.put(record.key(), count == null ? 1 : count + 1);
        }
    }

    /** Reads the changelog, committed records only, until every key has its full count. */
    private static Map<String, Long> awaitCounts(KafkaCluster kafka, String changelog) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.uniqueTopic("hook-reader"));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Map<String, Long> latest = new HashMap<>();
        try (KafkaConsumer<String, Long> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new LongDeserializer())) {
            consumer.subscribe(List.of(changelog));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!complete(latest) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, Long> r : consumer.poll(Duration.ofMillis(200))) {
                    latest.put(r.key(), r.value());
                }
            }
        }
        return latest;
    }

    private static boolean complete(Map<String, Long> counts) {
        return counts.size() == KEYS
                && counts.values().stream().allMatch(c -> c != null && c == PER_KEY);
    }
}
