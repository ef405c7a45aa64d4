package io.mailflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflow.it.PipelineFixture.Answer;
import io.mailflow.runtime.pipeline.PipelineInstance;
import io.mailflow.topology.DeliveryTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queries while partitions move between instances that keep a standby copy of each other's
 * partitions: a third joins, then an owner stops. Answers stay 200 throughout; those a standby or
 * restoring copy gave say {@code "stale": true}, and may lag behind but never run ahead.
 */
@ExtendWith(SharedKafka.class)
class RebalanceQueryIT {
    private static final int HOSTS = 8;
    private static final int MESSAGES_PER_HOST = 10;
    private static final long MESSAGE_ID = 1003;

    /**
     * A standby on each instance; a session short enough for the group to notice a stopped instance
     * within seconds, but long enough to query in between, since Kafka Streams does not leave the
     * group when it closes.
     */
    private static final Map<String, String> STANDBY =
            Map.of(
                    "kafka.num.standby.replicas", "1",
                    "kafka.session.timeout.ms", "6000",
                    "kafka.heartbeat.interval.ms", "1000");

    private PipelineFixture fixture;
    private final List<PipelineInstance> instances = new ArrayList<>();

    @AfterEach
    void stopAll() {
        fixture.close();
    }

    @Test
    void queries_keepAnswering_whileAThirdInstanceJoinsAndThenAnOwnerStops(
            KafkaCluster kafka, @TempDir Path dir) throws Exception {
        fixture = new PipelineFixture(kafka, dir, "rebalance", STANDBY);
        instances.add(fixture.start("a"));
        instances.add(fixture.start("b"));
        fixture.produceDeliveries(HOSTS, MESSAGES_PER_HOST);
        fixture.awaitDeliveries(instances.get(0), HOSTS, MESSAGES_PER_HOST);
        JsonNode overview = fixture.getJson(instances.get(0), "/api/stats/overview", 200);

        instances.add(fixture.start("c"));

        assertReadinessFollowsState(instances.get(2));
        assertAnswersWhileJoining(overview);
        assertStoppedOwnerIsAnsweredStaleThenFresh(overview);
    }

    /**
     * Asks the first two instances for the overview until the third holds partitions: every answer
     * is a 200, and every fresh one is what it was before the third joined.
     */
    private void assertAnswersWhileJoining(JsonNode before) throws Exception {
        List<Answer> during = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!settled() && System.nanoTime() < deadline) {
            for (PipelineInstance asked : instances.subList(0, 2)) {
                during.add(fixture.get(asked, "/api/stats/overview"));
            }
        }

        assertThat(settled()).as("three instances share the partitions").isTrue();
        assertThat(during).allSatisfy(answer -> assertThat(answer.status()).isEqualTo(200));
        assertThat(during)
                .filteredOn(answer -> !answer.body().get("stale").asBoolean())
                .allSatisfy(
                        answer ->
                                assertThat(answer.body().get("byStatus"))
                                        .isEqualTo(before.get("byStatus")));
        // A stale copy may still be restoring, so it may lack updates, never have extra ones.
        assertThat(during)
                .allSatisfy(
                        answer ->
                                assertThat(answer.body().get("total").asLong())
                                        .isLessThanOrEqualTo(before.get("total").asLong()));
        for (PipelineInstance asked : instances) {
            JsonNode after = fixture.getJson(asked, "/api/stats/overview", 200);
            assertThat(after.get("stale").asBoolean()).isFalse();
            assertThat(after.get("byStatus")).isEqualTo(before.get("byStatus"));
        }
    }

    /**
     * Stops the active owner of one host's partition and asks the instance with its standby copy:
     * the answer is stale while the group still counts the stopped instance in, and fresh once the
     * partition has moved.
     */
    private void assertStoppedOwnerIsAnsweredStaleThenFresh(JsonNode overviewBefore)
            throws Exception {
        String host = null;
        PipelineInstance owner = null;
        PipelineInstance standby = null;
        for (int h = 0; h < HOSTS && host == null; h++) {
            KeyQueryMetadata meta = metadata(instances.get(0), "host" + h);
            owner = at(meta.activeHost());
            standby =
                    meta.standbyHosts().isEmpty()
                            ? null
                            : at(meta.standbyHosts().iterator().next());
            host = owner != null && standby != null ? "host" + h : null;
        }
        assertThat(host).as("a host with an active and a standby copy").isNotNull();
        String path = "/api/deliveries/" + host + "/" + MESSAGE_ID;
        JsonNode before = fixture.getJson(standby, path, 200);
        awaitStandbyCaughtUp(standby, host, before);

        owner.runner().close();

        assertThat(fixture.get(owner, "/health/ready").status()).isEqualTo(503);
        Answer live = fixture.get(owner, "/health/live");
        assertThat(live.status()).isEqualTo(503);
        assertThat(live.body().get("streamsState").asText()).isEqualTo("NOT_RUNNING");
        Answer fromStopped = fixture.get(owner, path);
        assertThat(fromStopped.status()).isEqualTo(503);
        assertThat(fromStopped.body().get("error").asText()).contains("NOT_RUNNING");
        assertThat(answerWhileOwnerIsGone(standby, owner, host, before))
                .as("the group still counts the stopped instance in")
                .isTrue();
        JsonNode staleOverview = fixture.getJson(standby, "/api/stats/overview", 200);
        assertThat(staleOverview.get("byStatus")).isEqualTo(overviewBefore.get("byStatus"));
        if (metadata(standby, host).activeHost().port() == owner.http().port()) {
            assertThat(staleOverview.get("stale").asBoolean()).isTrue();
        }

        fixture.stop(owner);
        instances.remove(owner);

        answerWhileOwnerIsGone(standby, owner, host, before);
        PipelineInstance asked = standby;
        fixture.await(
                "a fresh answer after the partition moved",
                Duration.ofSeconds(40),
                () -> isFresh(fixture.quietly(asked, path)));
        assertThat(fixture.getJson(standby, path, 200).get("deliveries"))
                .isEqualTo(before.get("deliveries"));
        JsonNode overviewAfter = fixture.getJson(standby, "/api/stats/overview", 200);
        assertThat(overviewAfter.get("stale").asBoolean()).isFalse();
        assertThat(overviewAfter.get("byStatus")).isEqualTo(overviewBefore.get("byStatus"));
        assertThat(fixture.get(standby, "/health/ready").status()).isEqualTo(200);
    }

    /**
     * Asks {@code asked} for a message of {@code host}, whose active owner has stopped. The data
     * must be as before; while the group still lists the stopped owner, which it does until its
     * session times out, the answer must come from the standby copy and say it is stale.
     *
     * @return whether the group still listed the stopped owner after the answer
     */
    private boolean answerWhileOwnerIsGone(
            PipelineInstance asked, PipelineInstance owner, String host, JsonNode before)
            throws Exception {
        JsonNode answer = fixture.getJson(asked, "/api/deliveries/" + host + "/" + MESSAGE_ID, 200);
        boolean ownerListed = metadata(asked, host).activeHost().port() == owner.http().port();

        assertThat(answer.get("deliveries")).isEqualTo(before.get("deliveries"));
        if (ownerListed) {
            assertThat(answer.get("stale").asBoolean()).isTrue();
        }
        return ownerListed;
    }

    /**
     * Asks the readiness probe of a joining instance until it is ready: it must say 503 while the
     * state it reports is not {@code RUNNING}, and it must report {@code REBALANCING} before it
     * reports {@code RUNNING}.
     */
    private void assertReadinessFollowsState(PipelineInstance instance) throws Exception {
        List<String> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!seen.contains("RUNNING") && System.nanoTime() < deadline) {
            Answer ready = fixture.get(instance, "/health/ready");
            String state = ready.body().get("streamsState").asText();
            assertThat(ready.status()).as(state).isEqualTo(state.equals("RUNNING") ? 200 : 503);
            seen.add(state);
        }
        assertThat(seen).contains("REBALANCING", "RUNNING");
        assertThat(seen.indexOf("REBALANCING")).isLessThan(seen.indexOf("RUNNING"));
    }

    private boolean settled() {
        for (PipelineInstance instance : instances) {
            KafkaStreams streams = instance.runner().streams();
            if (streams.state() != KafkaStreams.State.RUNNING
                    || streams.metadataForLocalThreads().stream()
                            .allMatch(t -> t.activeTasks().isEmpty())) {
                return false;
            }
        }
        return true;
    }

    /** The running instance at {@code host}, or null. */
    private PipelineInstance at(HostInfo host) {
        return instances.stream()
                .filter(i -> i.http().port() == host.port())
                .findFirst()
                .orElse(null);
    }

    /** Waits until {@code instance}'s own standby copy answers as the active owner did. */
    private void awaitStandbyCaughtUp(PipelineInstance instance, String host, JsonNode fresh)
            throws InterruptedException {
        int partition = metadata(instance, host).partition();
        String path =
                "/api/partitions/"
                        + partition
                        + "/messages/"
                        + host
                        + "/"
                        + MESSAGE_ID
                        + "?stale=true";
        fixture.await(
                "the standby copy of partition " + partition + " catching up",
                Duration.ofSeconds(30),
                () -> {
                    Answer local = fixture.quietly(instance, path);
                    return local.status() == 200
                            && Objects.equals(
                                    local.body().get("deliveries"), fresh.get("deliveries"));
                });
    }

    private static KeyQueryMetadata metadata(PipelineInstance asked, String host) {
        return asked.runner()
                .streams()
                .queryMetadataForKey(
                        DeliveryTopology.DELIVERIES_STORE, host, Serdes.String().serializer());
    }

    private static boolean isFresh(Answer answer) {
        return answer.status() == 200 && !answer.body().get("stale").asBoolean();
    }
}
