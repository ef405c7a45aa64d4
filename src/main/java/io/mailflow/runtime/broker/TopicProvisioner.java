package io.mailflow.runtime.broker;

import io.mailflow.topology.TopicSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics of a list of {@link TopicSpec}s that do not exist yet, all with the same
 * partition count and replication factor. Existing topics are never changed: a partition count
 * other than the one asked for is reported and logged, since changing it would move keys between
 * partitions.
 *
 * <p>Running it again, or from two instances at once, is harmless.
 */
public final class TopicProvisioner {
    /** Lets the broker choose, from its {@code default.replication.factor}. */
    public static final short BROKER_DEFAULT_REPLICATION = -1;

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Duration DESCRIBE_RETRY = Duration.ofMillis(100);

    private final Admin admin;
    private final int partitions;
    private final short replicationFactor;
    private final Duration timeout;

    /**
     * @param admin the client of the cluster to provision; not closed by this class
     * @param partitions the partitions of each created topic
     * @param replicationFactor the replicas of each created topic, or {@link
     *     #BROKER_DEFAULT_REPLICATION}
     * @param timeout how long each request to the cluster may take
     */
    public TopicProvisioner(
            Admin admin, int partitions, short replicationFactor, Duration timeout) {
        this.admin = Objects.requireNonNull(admin, "admin can't be null");
        if (partitions < 1) {
            throw new IllegalArgumentException(
                    "partitions is " + partitions + "; expected at least 1");
        }
        this.partitions = partitions;
        this.timeout = Objects.requireNonNull(timeout, "timeout can't be null");
        if (replicationFactor < 1 && replicationFactor != BROKER_DEFAULT_REPLICATION) {
            throw new IllegalArgumentException(
                    "replication factor is " + replicationFactor + "; expected -1 or at least 1");
        }
        this.replicationFactor = replicationFactor;
    }

    /**
     * Creates the missing topics among {@code specs} and describes the others. Returns once the
     * broker describes every created topic, so that clients can use them at once.
     *
     * @throws IllegalArgumentException if two specs name the same topic
     * @throws TopicProvisioningException if the cluster refuses a request or does not answer in
     *     time; topics created before the failure stay
     */
    public ProvisionReport provision(Collection<TopicSpec> specs) {
        Map<String, TopicSpec> byName = byName(specs);
        Set<String> existing = call("list topics", admin.listTopics().names());
        List<String> present = new ArrayList<>();
        List<TopicSpec> missing = new ArrayList<>();
        for (TopicSpec spec : byName.values()) {
            if (existing.contains(spec.name())) {
                present.add(spec.name());
            } else {
                missing.add(spec);
            }
        }
        List<String> created = create(missing, present);
        if (!created.isEmpty()) {
            describe(created);
        }
        return new ProvisionReport(created, present, mismatches(present));
    }

    private static Map<String, TopicSpec> byName(Collection<TopicSpec> specs) {
        Map<String, TopicSpec> byName = new LinkedHashMap<>();
        for (TopicSpec spec : specs) {
            if (byName.put(spec.name(), spec) != null) {
                throw new IllegalArgumentException("topic " + spec.name() + " is specified twice");
            }
        }
        return byName;
    }

    /** Creates each topic; one that another instance created meanwhile counts as present. */
    private List<String> create(List<TopicSpec> missing, List<String> present) {
        if (missing.isEmpty()) {
            return List.of();
        }
        Map<String, KafkaFuture<Void>> results =
                admin.createTopics(missing.stream().map(this::newTopic).toList()).values();
        List<String> created = new ArrayList<>();
        for (TopicSpec spec : missing) {
            if (createdNow(spec, results.get(spec.name()))) {
                created.add(spec.name());
                LOG.info("Created topic {} with {} partitions", spec.name(), partitions);
            } else {
                present.add(spec.name());
            }
        }
        return created;
    }

    private boolean createdNow(TopicSpec spec, KafkaFuture<Void> result) {
        try {
            call("create topic " + spec.name(), result);
            return true;
        } catch (TopicProvisioningException e) {
            if (e.getCause() instanceof TopicExistsException) {
                return false;
            }
            throw e;
        }
    }

    private NewTopic newTopic(TopicSpec spec) {
        Optional<Short> replicas =
                replicationFactor == BROKER_DEFAULT_REPLICATION
                        ? Optional.empty()
                        : Optional.of(replicationFactor);
        return new NewTopic(spec.name(), Optional.of(partitions), replicas).configs(spec.config());
    }

    private List<ProvisionReport.PartitionMismatch> mismatches(List<String> present) {
        if (present.isEmpty()) {
            return List.of();
        }
        Map<String, TopicDescription> descriptions = describe(present);
        List<ProvisionReport.PartitionMismatch> mismatches = new ArrayList<>();
        for (String topic : present) {
            int expected = partitions;
            int actual = descriptions.get(topic).partitions().size();
            if (expected != actual) {
                LOG.warn(
                        "Topic {} has {} partitions where mailflow would create {}; left as it is",
                        topic,
                        actual,
                        expected);
                mismatches.add(new ProvisionReport.PartitionMismatch(topic, expected, actual));
            }
        }
        return mismatches;
    }

    /**
     * Describes topics that exist. A topic created a moment ago, by this provisioner or another, is
     * known to the controller before the broker that answers a describe knows its partitions; that
     * answer is asked again until the timeout.
     */
    private Map<String, TopicDescription> describe(List<String> topics) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                return call("describe topics", admin.describeTopics(topics).allTopicNames());
            } catch (TopicProvisioningException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(DESCRIBE_RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicProvisioningException("interrupted while describing topics", e);
        }
    }

    private <T> T call(String what, KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new TopicProvisioningException(
                    "cannot " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new TopicProvisioningException(
                    "cannot " + what + ": no answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TopicProvisioningException("interrupted while trying to " + what, e);
        }
    }
}
