package io.mailflow.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mailflow.runtime.http.Ownership.Owners;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionQueriesTest {
    private static final String PATH = "/api/partitions/2/part?";

    /** What a copy answered, and whether it was asked for a stale answer. */
    record Part(String from, boolean stale) {}

    @TempDir Path stateDir;

    private final List<String> asked = new ArrayList<>();
    private final List<HttpApi> peers = new ArrayList<>();
    private final HostInfo self = new HostInfo("127.0.0.1", 1);
    private KafkaStreams streams;
    private PartitionQueries queries;

    @BeforeEach
    void setUp() {
        streams = IdleStreams.create(stateDir);
        Ownership ownership = new Ownership(streams, self, "lines", () -> 4);
        queries = new PartitionQueries(ownership, new PeerClient(null));
    }

    @AfterEach
    void tearDown() {
        peers.forEach(HttpApi::close);
        streams.close();
    }

    @Test
    void activeOwnerThatAnswers_isAskedForAFreshAnswerOnly() throws IOException {
        HostInfo active = peer("active", Copy.ANSWERS);

        Part part = ask(new Owners(2, active, List.of(self)), Copy.REFUSES);

        assertThat(part).isEqualTo(new Part("active", false));
        assertThat(asked).containsExactly("active fresh");
    }

    @Test
    void unreachableActiveOwner_isAnsweredStaleByThisInstancesStandby() throws IOException {
        HostInfo active = peer("active", Copy.ANSWERS);
        peers.get(0).close();

        Part part = ask(new Owners(2, active, List.of(self)), Copy.ANSWERS);

        assertThat(part).isEqualTo(new Part("self", true));
    }

    @Test
    void standbysFirst_thenTheActiveOwnersRestoringCopy() throws IOException {
        HostInfo active = peer("active", Copy.ANSWERS_ONLY_STALE);
        HostInfo standby = peer("standby", Copy.REFUSES);

        Part part = ask(new Owners(2, active, List.of(standby)), Copy.REFUSES);

        assertThat(part).isEqualTo(new Part("active", true));
        assertThat(asked)
                .containsExactly("active fresh", "self stale", "standby stale", "active stale");
    }

    @Test
    void noActiveOwnerKnown_asksThisInstanceThenTheStandbys() throws IOException {
        HostInfo standby = peer("standby", Copy.ANSWERS);

        Part part = ask(new Owners(2, null, List.of(standby)), Copy.REFUSES);

        assertThat(part).isEqualTo(new Part("standby", true));
        assertThat(asked).containsExactly("self stale", "standby stale");
    }

    @Test
    void thisInstanceAsActiveOwner_isAskedFreshThenStaleOnce() {
        Part part = ask(new Owners(2, self, List.of()), Copy.ANSWERS_ONLY_STALE);

        assertThat(part).isEqualTo(new Part("self", true));
        assertThat(asked).containsExactly("self fresh", "self stale");
    }

    @Test
    void noCopyAnswering_isA503NamingThePartition() throws IOException {
        HostInfo active = peer("active", Copy.REFUSES);
        HostInfo standby = peer("standby", Copy.REFUSES);

        assertThatThrownBy(() -> ask(new Owners(2, active, List.of(standby)), Copy.REFUSES))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(503))
                .hasMessageContaining("partition 2");
    }

    /** How a copy behaves. */
    private enum Copy {
        ANSWERS,
        ANSWERS_ONLY_STALE,
        REFUSES;

        Part answer(String name, boolean stale) {
            if (this == REFUSES || (this == ANSWERS_ONLY_STALE && !stale)) {
                throw ApiException.unavailable(name + " has no such copy");
            }
            return new Part(name, stale);
        }
    }

    private Part ask(Owners owners, Copy selfCopy) {
        Function<Boolean, Part> local =
                stale -> {
                    asked.add("self " + (stale ? "stale" : "fresh"));
                    return selfCopy.answer("self", stale);
                };
        return queries.ask(owners, local, PATH, Part.class);
    }

    private HostInfo peer(String name, Copy behaviour) throws IOException {
        HttpApi api = HttpApi.bind("127.0.0.1", 0, null);
        api.attach(
                new Router()
                        .add(
                                "/api/partitions/{p}/part",
                                (request, v) -> {
                                    boolean stale = "true".equals(request.param("stale"));
                                    asked.add(name + " " + (stale ? "stale" : "fresh"));
                                    return Response.json(behaviour.answer(name, stale));
                                }));
        peers.add(api);
        return new HostInfo("127.0.0.1", api.port());
    }
}
