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
        provisioner =
                new TopicProvisioner(admin, TopicProvisioner.BROKER_DEFAULT_REPLICATION, TIMEOUT);
    }

    @AfterEach
    void disconnect() {
        admin.close();
    }

    @Test
    void missingTopics_areCreatedWithTheirPartitionsAndConfigs() throws Exception {
        TopicSpec outcomes =
                new TopicSpec(
                        kafka.uniqueTopic("outcomes"), 3, Map.of("cleanup.policy", "compact"));
        TopicSpec lines =
                new TopicSpec(kafka.uniqueTopic("lines"), 2, Map.of("retention.ms", "3600000"));

        ProvisionReport report = provisioner.provision(List.of(outcomes, lines));

        assertThat(report)
                .isEqualTo(
                        new ProvisionReport(
                                List.of(outcomes.name(), lines.name()), List.of(), List.of()));
        assertThat(partitions(outcomes.name())).isEqualTo(3);
        assertThat(partitions(lines.name())).isEqualTo(2);
        assertThat(config(outcomes.name()).get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(config(lines.name()).get("retention.ms").value()).isEqualTo("3600000");
        assertThat(config(lines.name()).get("cleanup.policy").value()).isEqualTo("delete");
    }

    @Test
    void provisioningTwice_leavesExistingTopicsAsTheyAre() {
        TopicSpec spec = new TopicSpec(kafka.uniqueTopic("twice"), 2, Map.of());
        provisioner.provision(List.of(spec));

        ProvisionReport again = provisioner.provision(List.of(spec));

        assertThat(again)
                .isEqualTo(new ProvisionReport(List.of(), List.of(spec.name()), List.of()));
    }

    @Test
    void existingTopicWithOtherPartitionCount_isReportedAndNotChanged() throws Exception {
        String name = kafka.uniqueTopic("resized");
        provisioner.provision(List.of(new TopicSpec(name, 1, Map.of())));

        ProvisionReport report = provisioner.provision(List.of(new TopicSpec(name, 4, Map.of())));

        assertThat(report.partitionMismatches()).containsExactly(new PartitionMismatch(name, 4, 1));
        assertThat(partitions(name)).isEqualTo(1);
    }

    @Test
    void replicationFactorAboveTheBrokerCount_failsNamingTheTopic() {
        String name = kafka.uniqueTopic("replicated");
        TopicProvisioner threeReplicas = new TopicProvisioner(admin, (short) 3, TIMEOUT);

        assertThatThrownBy(() -> threeReplicas.provision(List.of(new TopicSpec(name, 1, Map.of()))))
                .isInstanceOf(TopicProvisioningException.class)
                .hasMessageContaining("create topic " + name)
                .hasCauseInstanceOf(InvalidReplicationFactorException.class);
    }

    @Test
    void sameTopicSpecifiedTwice_isRefusedBeforeAnythingIsCreated() throws Exception {
        String name = kafka.uniqueTopic("duplicate");
        List<TopicSpec> specs =
                List.of(new TopicSpec(name, 1, Map.of()), new TopicSpec(name, 2, Map.of()));

        assertThatThrownBy(() -> provisioner.provision(specs))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(name);
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).doesNotContain(name);
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
