package io.mailflow.runtime.broker;

import java.util.List;

/**
 * What {@link TopicProvisioner#provision} found and did.
 *
 * @param created the topics it created, in the order of the specs
 * @param existing the topics that were there already and were left as they are
 * @param partitionMismatches existing topics whose partition count differs from their spec
 */
public record ProvisionReport(
        List<String> created, List<String> existing, List<PartitionMismatch> partitionMismatches) {

    public ProvisionReport {
        created = List.copyOf(created);
        existing = List.copyOf(existing);
        partitionMismatches = List.copyOf(partitionMismatches);
    }

    /**
     * An existing topic with another partition count than its spec asks for. Keys hash to different
     * partitions then, which matters to every consumer that co-partitions by key.
     *
     * @param topic the topic's name
     * @param expected the partitions in its spec
     * @param actual the partitions it has
     */
    public record PartitionMismatch(String topic, int expected, int actual) {}
}
