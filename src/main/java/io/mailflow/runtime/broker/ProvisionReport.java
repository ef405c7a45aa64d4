package io.mailflow.runtime.broker;

import java.util.List;

/**
 * What {@link TopicProvisioner#provision} found and did.
 *
 * @param created the topics it created, in the order of the specs
 * @param existing the topics that were there already and were left as they are
 * @param partitionMismatches existing topics whose partition count differs from the one asked for
 */
public record ProvisionReport(
        List<String> created, List<String> existing, List<PartitionMismatch> partitionMismatches) {

    public ProvisionReport {
        created = List.copyOf(created);
        existing = List.copyOf(existing);
        partitionMismatches = List.copyOf(partitionMismatches);
    }

    /**
     * An existing topic with another partition count than the provisioner asks for. Keys hash to
     * different partitions then, which matters to every consumer that co-partitions by key.
     *
     * @param topic the topic's name
     * @param expected the partitions asked for
     * @param actual the partitions it has
     */
    public record PartitionMismatch(String topic, int expected, int actual) {}
}
