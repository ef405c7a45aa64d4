package io.mailflow.topology;

import static io.mailflow.topology.TopologyFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.core.line.EventType;
import io.mailflow.core.line.RejectReason;
import java.time.Instant;
import java.util.Arrays;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Raw lines and shipper envelopes, the host each names, and records that cannot be read. */
class InputRecordsTest {
    private static final Instant T = Instant.parse("2024-03-12T10:00:00Z");
    private static final String LINE =
            WebxLines.queued(T, 42, "bob@remote.example.com", "alice@example.org");

    private final TopologyFixture f = new TopologyFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private String hostOfOutcome() {
        return f.outcomes.readValue().host();
    }

    private static String quoted(String s) {
        return TopologyFixture.json(s);
    }

    @Test
    void filebeatEnvelope_givesItsMessageAndNestedHostName() {
        String envelope =
                "{\"@timestamp\":\"2024-03-12T10:00:01.000Z\",\"@metadata\":{\"beat\":\"filebeat\"},"
                    + "\"log\":{\"offset\":1234,\"file\":{\"path\":\"/var/log/webx.log\"}},"
                    + "\"message\":"
                        + quoted(LINE)
                        + ",\"input\":{\"type\":\"filestream\"},"
                        + "\"host\":{\"name\":\"fb-host\",\"os\":{\"family\":\"debian\"}},"
                        + "\"agent\":{\"type\":\"filebeat\",\"version\":\"8.13.0\"}}";

        f.pipeRecord(null, utf8(envelope), new RecordHeaders());

        assertThat(hostOfOutcome()).isEqualTo("fb-host");
    }

    @Test
    void vectorEnvelope_givesItsMessageAndHost() {
        String envelope =
                "{\"file\":\"/var/log/webx.log\",\"host\":\"vector-host\",\"message\":"
                        + quoted(LINE)
                        + ",\"source_type\":\"file\",\"timestamp\":\"2024-03-12T10:00:01Z\"}";

        f.pipeRecord(null, utf8(envelope), new RecordHeaders());

        assertThat(hostOfOutcome()).isEqualTo("vector-host");
    }

    @Test
    void fluentBitEnvelope_givesItsLogAndTakesTheHostFromTheKey() {
        String envelope = "{\"date\":1710237601.0,\"log\":" + quoted(LINE + "\n") + "}";

        f.pipeRecord(utf8("fluent-key-host"), utf8(envelope), new RecordHeaders());

        assertThat(hostOfOutcome()).isEqualTo("fluent-key-host");
        assertThat(f.rejects.isEmpty()).isTrue();
    }

    @Test
    void fluentBitEnvelopeWithHostname_takesTheHostFromIt() {
        String envelope = "{\"hostname\":\"fluent-host\",\"log\":" + quoted(LINE) + "}";

        f.pipeRecord(null, utf8(envelope), new RecordHeaders());

        assertThat(hostOfOutcome()).isEqualTo("fluent-host");
    }

    @Test
    void rawLineWithKey_takesTheHostFromTheKey() {
        f.pipeRecord(utf8("key-host"), utf8(LINE + "\r\n"), new RecordHeaders());

        assertThat(hostOfOutcome()).isEqualTo("key-host");
    }

    @Test
    void rawLineWithHostHeaderAndNoKey_takesTheHostFromTheHeader() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(LineHeaders.HOST, utf8("header-host"));

        f.pipeRecord(null, utf8(LINE), headers);

        assertThat(hostOfOutcome()).isEqualTo("header-host");
    }

    @Test
    void rawLineWithNeitherKeyNorHeader_takesTheDefaultHost() {
        f.pipeRecord(null, utf8(LINE), new RecordHeaders());

        assertThat(hostOfOutcome()).isEqualTo(PipelineSettings.DEFAULT.defaultHost());
    }

    @Test
    void brokenEnvelope_isRejectedWithItsSourceCoordinates() {
        f.pipe("mail01", LINE);
        String broken = "{\"message\": \"" + LINE + "\", \"host\": ";

        f.pipeRecord(utf8("mail01"), utf8(broken), new RecordHeaders());

        RejectRecord reject = f.rejects.readValue();
        assertThat(reject.reason()).isEqualTo(RecordProblem.BAD_ENVELOPE.name());
        assertThat(reject.host()).isEqualTo("mail01");
        assertThat(reject.line()).isEqualTo(broken);
        assertThat(reject.topic()).isEqualTo("webx.log.lines");
        assertThat(reject.partition()).isZero();
        assertThat(reject.offset()).isEqualTo(1);
        assertThat(reject.message()).contains("not valid JSON");
        assertThat(f.metrics.rejects(RecordProblem.BAD_ENVELOPE.name())).isEqualTo(1);
    }

    @Test
    void envelopeWithoutMessage_isRejected() {
        f.pipeRecord(
                utf8("mail01"), utf8("{\"host\":\"h\",\"level\":\"info\"}"), new RecordHeaders());

        RejectRecord reject = f.rejects.readValue();
        assertThat(reject.reason()).isEqualTo(RecordProblem.NO_MESSAGE.name());
        assertThat(reject.offset()).isZero();
    }

    @Test
    void jsonThatIsNoObject_isRejected() {
        f.pipeRecord(utf8("mail01"), utf8("{ ]"), new RecordHeaders());

        assertThat(f.rejects.readValue().reason()).isEqualTo(RecordProblem.BAD_ENVELOPE.name());
    }

    @Test
    void damagedLine_isRejectedWithTheParsersReasonAndSourceCoordinates() {
        f.pipe("mail01", LINE, LINE.substring(0, 9) + "xx:00:00 smtp-out OK ID=1");

        RejectRecord reject = f.rejects.readValue();
        assertThat(Arrays.stream(RejectReason.values()).map(Enum::name)).contains(reject.reason());
        assertThat(reject.offset()).isEqualTo(1);
        assertThat(reject.topic()).isEqualTo("webx.log.lines");
        assertThat(reject.line()).startsWith(LINE.substring(0, 9));
        assertThat(reject.message()).isNotBlank();
        assertThat(f.metrics.rejects()).isEqualTo(1);
    }

    @Test
    void blankLineAndEmptyRecord_areCountedAsBlankAndWriteNothing() {
        f.pipe("mail01", "", "   ");
        f.pipeRecord(utf8("mail01"), null, new RecordHeaders());

        assertThat(f.metrics.linesRead()).isEqualTo(3);
        assertThat(f.metrics.blankLines()).isEqualTo(3);
        assertThat(f.rejects.isEmpty()).isTrue();
        assertThat(f.outcomes.isEmpty()).isTrue();
    }

    @Test
    void lineOfAKindMailflowDoesNotModel_isCountedAsAnEvent() {
        f.pipe("mail01", WebxLines.stamp(T) + " http OK GET /webx?14@@.1 from 1.2.3.4");

        assertThat(f.metrics.events(EventType.OTHER)).isEqualTo(1);
        assertThat(f.rejects.isEmpty()).isTrue();
    }
}
