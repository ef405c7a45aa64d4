package io.mailflow.it;

import io.mailflow.runtime.broker.EmbeddedKafka;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The broker integration tests share, with the clients they usually need. Closing it stops the
 * broker; only the store of the root extension context does that.
 */
public final class KafkaCluster implements AutoCloseable {
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final EmbeddedKafka kafka;

    KafkaCluster(EmbeddedKafka kafka) {
        this.kafka = kafka;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A topic or group name no other test of this JVM uses: {@code prefix} plus a number. */
    public String uniqueTopic(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    public Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", bootstrapServers()));
    }

    /**
     * Makes {@code topic} keep every record for good, so that a test can read each record a
     * pipeline wrote, not only the latest per key: the embedded broker rolls small segments, and
     * its log cleaner would compact a compacted topic during the test. A compaction lag would not
     * help, since the pipeline's records carry the old times of the log lines.
     */
    public void keepEveryRecordOf(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        List<AlterConfigOp> keepAll =
                List.of(
                        set(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE),
                        set(TopicConfig.RETENTION_MS_CONFIG, "-1"));
        try (Admin admin = admin()) {
            admin.incrementalAlterConfigs(Map.of(resource, keepAll))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot change the retention of " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while configuring " + topic, e);
        }
    }

    private static AlterConfigOp set(String name, String value) {
        return new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET);
    }

    /**
     * The configuration of a small Kafka Streams application of a test on this broker: exactly-once
     * with 100 ms commits, as the pipeline runs.
     */
    public Properties exactlyOnceStreams(String applicationId, Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        return props;
    }

    /** An idempotent producer with {@code acks=all}, plus {@code overrides}. */
    public KafkaProducer<String, String> producer(Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putAll(overrides);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** A {@code read_committed} consumer of a new group that starts at the earliest offset. */
    public KafkaConsumer<String, String> consumer(Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, uniqueTopic("group"));
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putAll(overrides);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    @Override
    public void close() {
        kafka.close();
    }
}
