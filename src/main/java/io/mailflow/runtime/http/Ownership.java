package io.mailflow.runtime.http;

import io.mailflow.topology.DeliveryTopology;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.IntSupplier;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Knows which instance owns which partition of the delivery stores. Every store of the tracker is
 * partitioned like the input: by host, so one host's deliveries, sessions and error counts all live
 * in one partition, owned by one instance at a time, with standby copies elsewhere when configured.
 */
final class Ownership {
    private final KafkaStreams streams;
    private final HostInfo self;
    private final String sourceTopic;
    private final IntSupplier partitionCount;

    /** Who serves one partition: the active owner, if any, and the standbys. */
    record Owners(int partition, HostInfo active, List<HostInfo> standbys) {
        boolean hasActive() {
            return active != null && !active.equals(HostInfo.unavailable());
        }
    }

    /**
     * @param streams the running Kafka Streams client
     * @param self this instance's {@code application.server}
     * @param sourceTopic the topic that feeds the delivery stores: the input topic, or the
     *     repartition topic when the input is not keyed by host
     * @param partitionCount how many partitions that topic has
     */
    Ownership(KafkaStreams streams, HostInfo self, String sourceTopic, IntSupplier partitionCount) {
        this.streams = Objects.requireNonNull(streams, "streams can't be null");
        this.self = Objects.requireNonNull(self, "self can't be null");
        this.sourceTopic = Objects.requireNonNull(sourceTopic, "sourceTopic can't be null");
        this.partitionCount = Objects.requireNonNull(partitionCount, "partitionCount");
    }

    HostInfo self() {
        return self;
    }

    boolean isSelf(HostInfo host) {
        return self.equals(host);
    }

    /** The partition that holds {@code host}'s deliveries, and who serves it. */
    Owners ownersOfHost(String host) {
        KeyQueryMetadata meta =
                RunningStreams.call(
                        streams,
                        () ->
                                streams.queryMetadataForKey(
                                        DeliveryTopology.DELIVERIES_STORE,
                                        host,
                                        Serdes.String().serializer()));
        if (meta == null || meta.partition() < 0) {
            throw ApiException.unavailable("no instance knows the partitions yet; try again");
        }
        return new Owners(meta.partition(), meta.activeHost(), List.copyOf(meta.standbyHosts()));
    }

    /** Who serves one partition of the delivery stores now. */
    Owners ownersOfPartition(int partition) {
        return ownersOf(
                partition, streams.streamsMetadataForStore(DeliveryTopology.DELIVERIES_STORE));
    }

    /** Who serves each partition of the delivery stores, in partition order. */
    List<Owners> allPartitions() {
        Collection<StreamsMetadata> instances =
                RunningStreams.call(
                        streams,
                        () -> streams.streamsMetadataForStore(DeliveryTopology.DELIVERIES_STORE));
        int count = partitionCount.getAsInt();
        List<Owners> owners = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            owners.add(ownersOf(p, instances));
        }
        return owners;
    }

    /** Every instance of the application, as the group's metadata describes it. */
    Collection<StreamsMetadata> instances() {
        return RunningStreams.call(streams, streams::metadataForAllStreamsClients);
    }

    private Owners ownersOf(int partition, Collection<StreamsMetadata> instances) {
        HostInfo active = null;
        List<HostInfo> standbys = new ArrayList<>();
        for (StreamsMetadata instance : instances) {
            if (holds(instance.topicPartitions(), partition)) {
                active = instance.hostInfo();
            } else if (holds(instance.standbyTopicPartitions(), partition)) {
                standbys.add(instance.hostInfo());
            }
        }
        return new Owners(partition, active, standbys);
    }

    private boolean holds(Collection<TopicPartition> partitions, int partition) {
        return partitions.stream()
                .anyMatch(tp -> tp.partition() == partition && tp.topic().equals(sourceTopic));
    }
}
