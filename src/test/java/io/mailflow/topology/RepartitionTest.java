package io.mailflow.topology;

import static io.mailflow.topology.TopologyFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/** Input keyed by host needs no repartition; other input is repartitioned once, same results. */
class RepartitionTest {
    private static final Instant T = Instant.parse("2024-03-12T10:00:00Z");
    private static final PipelineSettings NOT_KEYED =
            PipelineSettings.DEFAULT.withInputKeyedByHost(false);

    @Test
    void inputKeyedByHost_isOneSubTopologyWithoutInternalTopics() {
        TopologyDescription d =
                DeliveryTopology.build(
                                PipelineSettings.DEFAULT,
                                io.mailflow.core.classify.ErrorClassifier.builtIn(),
                                PipelineMetrics.none())
                        .describe();

        assertThat(d.subtopologies()).hasSize(1);
        assertThat(d.toString()).doesNotContain("repartition");
    }

    @Test
    void inputNotKeyedByHost_isRepartitionedOnceThroughANamedTopic() {
        TopologyDescription d =
                DeliveryTopology.build(
                                NOT_KEYED,
                                io.mailflow.core.classify.ErrorClassifier.builtIn(),
                                PipelineMetrics.none())
                        .describe();

        assertThat(d.subtopologies()).hasSize(2);
        assertThat(d.toString())
                .contains("(topics: [" + DeliveryTopology.LINES_BY_HOST + "-repartition])");
    }

    @Test
    void inputNotKeyedByHost_givesTheSameOutputsAsKeyedInput() {
        List<String> keyed = run(PipelineSettings.DEFAULT);
        List<String> notKeyed = run(NOT_KEYED);

        assertThat(notKeyed).isEqualTo(keyed);
        assertThat(keyed).hasSizeGreaterThan(10);
    }

    @Test
    void inputNotKeyedByHost_rejectsNameTheSourceTopicCoordinates() {
        try (TopologyFixture f = new TopologyFixture(NOT_KEYED)) {
            f.pipeRecord(
                    null,
                    utf8("{\"host\":\"a\",\"message\":\"damaged line\"}"),
                    new RecordHeaders());
            f.pipeRecord(null, utf8("{broken"), new RecordHeaders());

            List<RejectRecord> rejects = f.rejects.readValuesToList();
            assertThat(rejects).extracting(RejectRecord::topic).containsOnly("webx.log.lines");
            assertThat(rejects).extracting(RejectRecord::offset).containsExactly(0L, 1L);
            assertThat(rejects).extracting(RejectRecord::host).containsExactly("a", "unknown-host");
        }
    }

    /** Vector envelopes of two hosts, unkeyed; returns every output record as text. */
    private static List<String> run(PipelineSettings settings) {
        try (TopologyFixture f = new TopologyFixture(settings)) {
            for (String host : List.of("mail01", "mail02")) {
                for (String line : lines()) {
                    String envelope =
                            "{\"host\":\""
                                    + host
                                    + "\",\"message\":"
                                    + TopologyFixture.json(line)
                                    + "}";
                    f.pipeRecord(null, utf8(envelope), new RecordHeaders());
                }
            }
            List<String> out = new ArrayList<>();
            f.outcomes.readKeyValuesToList().forEach(kv -> out.add(kv.key + " " + kv.value));
            f.errors.readKeyValuesToList().forEach(kv -> out.add(kv.key + " " + kv.value));
            f.inbound.readKeyValuesToList().forEach(kv -> out.add(kv.key + " " + kv.value));
            f.sessions.readKeyValuesToList().forEach(kv -> out.add(kv.key + " " + kv.value));
            f.rejects
                    .readValuesToList()
                    .forEach(r -> out.add(r.host() + " " + r.reason() + " " + r.line()));
            return out;
        }
    }

    private static List<String> lines() {
        String from = "alice@example.org";
        String to = "bob@remote.example.com";
        return List.of(
                WebxLines.received(T, from, to, "1.2.3.4"),
                WebxLines.queued(T.plusSeconds(1), 5, to, from),
                WebxLines.error(T.plusSeconds(60), 5, "Connect error", to, from),
                WebxLines.sent(T.plusSeconds(90), 5, to, from),
                WebxLines.received(T.plusSeconds(100), "x@y.org", "local@example.org", "7.7.7.7"),
                WebxLines.connect(T.plusSeconds(200), "pop3", "1.2.3.4"),
                WebxLines.login(T.plusSeconds(200), "pop3", "alice", "1.2.3.4"),
                WebxLines.disconnect(T.plusSeconds(230), "pop3", "1.2.3.4"),
                "not a web crossing line",
                WebxLines.queued(T.plusSeconds(600), 6, to, from));
    }
}
