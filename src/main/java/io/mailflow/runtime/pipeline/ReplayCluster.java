package io.mailflow.runtime.pipeline;

import io.mailflow.runtime.broker.EmbeddedKafka;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster a replay runs on: an embedded broker it starts and stops, or a given cluster from
 * which it deletes its own topics and consumer group when done.
 */
final class ReplayCluster implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReplayCluster.class);
    private static final long CLEANUP_SECONDS = 30;

    private final String bootstrapServers;
    private final EmbeddedKafka embedded;
    private final String runId;

    private ReplayCluster(String bootstrapServers, EmbeddedKafka embedded, String runId) {
        this.bootstrapServers = bootstrapServers;
        this.embedded = embedded;
        this.runId = runId;
    }

    /** The cluster at {@code bootstrapServers}, or a new embedded broker when empty. */
    static ReplayCluster open(Optional<String> bootstrapServers, String runId) {
        if (bootstrapServers.isPresent()) {
            return new ReplayCluster(bootstrapServers.get(), null, runId);
        }
        EmbeddedKafka kafka = EmbeddedKafka.start();
        return new ReplayCluster(kafka.bootstrapServers(), kafka, runId);
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    Map<String, Object> clientConfig() {
        return Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        } else {
            deleteOwnResources();
        }
    }

    /** Topics and internal topics of this run all start with its id; nothing else does. */
    private void deleteOwnResources() {
        try (Admin admin = Admin.create(clientConfig())) {
            Set<String> topics = admin.listTopics().names().get(CLEANUP_SECONDS, TimeUnit.SECONDS);
            List<String> own = topics.stream().filter(t -> t.startsWith(runId)).toList();
            admin.deleteTopics(own).all().get(CLEANUP_SECONDS, TimeUnit.SECONDS);
            admin.deleteConsumerGroups(List.of(runId)).all().get(CLEANUP_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn(
                    "Could not delete the topics and group of replay {}; delete them by hand",
                    runId,
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("Interrupted while deleting the topics of replay {}", runId);
        }
    }
}
