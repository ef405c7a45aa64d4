package io.mailflow.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailflow.core.classify.ErrorCategory;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.TopologyException;
import org.junit.jupiter.api.Test;

class StreamsSettingsTest {
    @Test
    void defaults_areExactlyOnceWithExplicitNames() {
        Properties p = StreamsSettings.defaults("app", "broker:9092");

        assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))
                .isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
        assertThat(p.get(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG))
                .isEqualTo(true);
        assertThat(p.get(StreamsConfig.APPLICATION_ID_CONFIG)).isEqualTo("app");
        assertThat(p.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG)).isEqualTo("broker:9092");
    }

    @Test
    void producers_lingerAsLongAsTheExactlyOnceCommitInterval() {
        StreamsConfig config = new StreamsConfig(StreamsSettings.defaults("app", "broker:9092"));
        Map<String, Object> producer = config.getProducerConfigs("client");

        assertThat(Long.parseLong(producer.get(ProducerConfig.LINGER_MS_CONFIG).toString()))
                .isEqualTo(config.getLong(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG));
        assertThat(producer)
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4")
                .containsEntry(ProducerConfig.BATCH_SIZE_CONFIG, 128 * 1024);
    }

    @Test
    void buildTimeConfig_refusesATopologyWithAnUnnamedStore() {
        StreamsBuilder builder = new StreamsBuilder(StreamsSettings.buildTimeConfig());
        builder.<String, String>stream("in").groupByKey().count();

        assertThatThrownBy(builder::build)
                .isInstanceOf(TopologyException.class)
                .hasMessageContaining("has not been named");
    }

    @Test
    void outputTopics_compactOutcomesAndListEveryCategoryTopicWhenAsked() {
        List<TopicSpec> plain = DeliveryTopology.outputTopics(PipelineSettings.DEFAULT);
        List<TopicSpec> perCategory =
                DeliveryTopology.outputTopics(
                        PipelineSettings.DEFAULT.withErrorTopicPerCategory(true));

        assertThat(plain)
                .extracting(TopicSpec::name)
                .containsExactly(
                        "webx.delivery.outcomes",
                        "webx.delivery.errors",
                        "webx.mail.inbound",
                        "webx.mail.sessions",
                        "webx.log.rejects");
        assertThat(plain)
                .filteredOn(TopicSpec::isCompacted)
                .extracting(TopicSpec::name)
                .containsExactly("webx.delivery.outcomes");
        assertThat(perCategory).hasSize(plain.size() + ErrorCategory.values().length);
        assertThat(perCategory)
                .extracting(TopicSpec::name)
                .contains("webx.delivery.errors.BLOCKLISTED", "webx.delivery.errors.UNCLASSIFIED");
    }

    @Test
    void eventStreamTopics_takeTheBrokersAppendTimeSoOldLogsOutliveRetention() {
        assertThat(DeliveryTopology.outputTopics(PipelineSettings.DEFAULT))
                .filteredOn(spec -> !spec.isCompacted())
                .hasSize(4)
                .allSatisfy(
                        spec ->
                                assertThat(spec.config())
                                        .containsEntry("message.timestamp.type", "LogAppendTime"));
    }
}
