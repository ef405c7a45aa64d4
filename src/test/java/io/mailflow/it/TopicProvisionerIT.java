package io.mailflow.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailflow.runtime.broker.ProvisionReport;
import io.mailflow.runtime.broker.ProvisionReport.PartitionMismatch;
import io.mailflow.runtime.broker.TopicProvisioner;
import io.mailflow.runtime.broker.TopicProvisioningException;
import io.mailflow.topology.TopicSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.InvalidReplicationFactorException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WithSharedKafka
class TopicProvisionerIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final KafkaCluster kafka;
    private Admin admin;
    private TopicProvisioner provisioner;

    TopicProvisionerIT(KafkaCluster kafka) {
        this.kafka = kafka;
    }

    @BeforeEach
    void connect() {
        admin = kafka.admin();
        provisioner = provisioner(3);
    }

    private TopicProvisioner provisioner(int partitions) {
        return new TopicProvisioner(
                admin, partitions, TopicProvisioner.BROKER_DEFAULT_REPLICATION, TIMEOUT);
    }

    @AfterEach
    void disconnect() {
        admin.close();
    }

    @Test
    void missingTopics_areCreatedWithThePartitionsAndTheirConfigs() throws Exception {
        TopicSpec outcomes = spec("outcomes", Map.of("cleanup.policy", "compact"));
        TopicSpec lines = spec("lines", Map.of("retention.ms", "3600000"));

        ProvisionReport report = provisioner.provision(List.of(outcomes, lines));

        assertThat(report)
                .isEqualTo(
                        new ProvisionReport(
                                List.of(outcomes.name(), lines.name()), List.of(), List.of()));
        assertThat(partitions(outcomes.name())).isEqualTo(3);
        assertThat(partitions(lines.name())).isEqualTo(3);
        assertThat(config(outcomes.name()).get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(config(lines.name()).get("retention.ms").value()).isEqualTo("3600000");
        assertThat(config(lines.name()).get("cleanup.policy").value()).isEqualTo("delete");
    }

    @Test
    void provisioningTwice_leavesExistingTopicsAsTheyAre() {
        TopicSpec spec = spec("twice", Map.of());
        provisioner.provision(List.of(spec));

        ProvisionReport again = provisioner.provision(List.of(spec));

        assertThat(again)
                .isEqualTo(new ProvisionReport(List.of(), List.of(spec.name()), List.of()));
    }

    @Test
    void existingTopicWithOtherPartitionCount_isReportedAndNotChanged() throws Exception {
        TopicSpec spec = spec("resized", Map.of());
        provisioner(1).provision(List.of(spec));

        ProvisionReport report = provisioner(4).provision(List.of(spec));

        assertThat(report.partitionMismatches())
                .containsExactly(new PartitionMismatch(spec.name(), 4, 1));
        assertThat(partitions(spec.name())).isEqualTo(1);
    }

    @Test
    void replicationFactorAboveTheBrokerCount_failsNamingTheTopic() {
        TopicSpec spec = spec("replicated", Map.of());
        TopicProvisioner threeReplicas = new TopicProvisioner(admin, 1, (short) 3, TIMEOUT);

        assertThatThrownBy(() -> threeReplicas.provision(List.of(spec)))
                .isInstanceOf(TopicProvisioningException.class)
                .hasMessageContaining("create topic " + spec.name())
                .hasCauseInstanceOf(InvalidReplicationFactorException.class);
    }

    @Test
    void sameTopicSpecifiedTwice_isRefusedBeforeAnythingIsCreated() throws Exception {
        TopicSpec spec = spec("duplicate", Map.of());
        List<TopicSpec> specs = List.of(spec, new TopicSpec(spec.name(), "again", Map.of()));

        assertThatThrownBy(() -> provisioner.provision(specs))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(spec.name());
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
                .doesNotContain(spec.name());
    }

    private TopicSpec spec(String prefix, Map<String, String> config) {
        return new TopicSpec(kafka.uniqueTopic(prefix), "test topic", config);
    }

    private int partitions(String topic) throws Exception {
        return admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get(30, TimeUnit.SECONDS)
                .get(topic)
                .partitions()
                .size();
    }

    private Config config(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin.describeConfigs(List.of(resource))
                .all()
                .get(30, TimeUnit.SECONDS)
                .get(resource);
    }
}
