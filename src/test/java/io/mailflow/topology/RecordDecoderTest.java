package io.mailflow.topology;

import static io.mailflow.topology.TopologyFixture.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class RecordDecoderTest {
    private static final RecordCoordinates AT = new RecordCoordinates("lines", 3, 77);
    private static final String LINE = "20-Jun-03 03:43:31 pop3 connect 1.2.3.4";

    private final RecordDecoder decoder = new RecordDecoder("fallback");

    private SourceLine decode(String key, String value) {
        return decoder.decode(utf8(key), new RecordHeaders(), utf8(value), AT);
    }

    @Test
    void filebeatEnvelope_keepsFilePathAndOffset() {
        SourceLine s =
                decode(
                        null,
                        "{\"log\":{\"file\":{\"path\":\"/logs/webx.log\"},\"offset\":981},"
                                + "\"message\":\""
                                + LINE
                                + "\",\"host\":{\"hostname\":\"x\",\"name\":\"mx\"}}");

        assertThat(s)
                .isEqualTo(
                        new SourceLine(
                                "mx", LINE, "/logs/webx.log", 981L, "lines", 3, 77, null, null, 0));
    }

    @Test
    void vectorEnvelope_keepsItsFile() {
        SourceLine s =
                decode(null, "{\"message\":\"" + LINE + "\",\"host\":\"mx\",\"file\":\"/w.log\"}");

        assertThat(s.host()).isEqualTo("mx");
        assertThat(s.file()).isEqualTo("/w.log");
        assertThat(s.fileOffset()).isNull();
    }

    @Test
    void fluentBitLog_losesItsLineTerminator() {
        SourceLine s = decode("k", "{\"log\":\"" + LINE + "\\r\\n\"}");

        assertThat(s.line()).isEqualTo(LINE);
        assertThat(s.host()).isEqualTo("k");
    }

    @Test
    void messageWins_overAFluentBitLogString() {
        SourceLine s = decode(null, "{\"log\":\"other\",\"message\":\"" + LINE + "\"}");

        assertThat(s.line()).isEqualTo(LINE);
    }

    @Test
    void envelopeAfterLeadingBlanks_isStillAnEnvelope() {
        assertThat(decode(null, " \n {\"message\":\"" + LINE + "\"}").line()).isEqualTo(LINE);
    }

    @Test
    void nonStringMessage_isNoMessage() {
        SourceLine s = decode("k", "{\"message\":{\"text\":\"x\"},\"host\":\"mx\"}");

        assertThat(s.isDecoded()).isFalse();
        assertThat(s.problem()).isEqualTo(RecordProblem.NO_MESSAGE);
        assertThat(s.host()).isEqualTo("k");
    }

    @Test
    void truncatedJson_isBadEnvelopeWithItsColumn() {
        SourceLine s = decode("k", "{\"message\":\"abc");

        assertThat(s.problem()).isEqualTo(RecordProblem.BAD_ENVELOPE);
        assertThat(s.problemColumn()).isGreaterThan(1);
        assertThat(s.line()).isEqualTo("{\"message\":\"abc");
        assertThat(s.offset()).isEqualTo(77);
    }

    @Test
    void rawLine_losesItsTerminatorButNotOtherSpace() {
        assertThat(decode("k", LINE + "  \r\n").line()).isEqualTo(LINE + "  ");
    }

    @Test
    void emptyKey_fallsBackToTheHostHeader() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(LineHeaders.HOST, utf8("from-header"));

        SourceLine s = decoder.decode(new byte[0], headers, utf8(LINE), AT);

        assertThat(s.host()).isEqualTo("from-header");
    }

    @Test
    void rawLineWithShipperHeaders_keepsFileAndOffset() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(LineHeaders.HOST, utf8("mx"));
        headers.add(LineHeaders.FILE, utf8("/var/log/webx/mx.log"));
        headers.add(LineHeaders.OFFSET, utf8("981"));

        SourceLine s = decoder.decode(utf8("mx"), headers, utf8(LINE), AT);

        assertThat(s)
                .isEqualTo(
                        new SourceLine(
                                "mx",
                                LINE,
                                "/var/log/webx/mx.log",
                                981L,
                                "lines",
                                3,
                                77,
                                null,
                                null,
                                0));
    }

    @Test
    void rawLineWithNonNumericOffsetHeader_hasNoOffset() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(LineHeaders.FILE, utf8("/w.log"));
        headers.add(LineHeaders.OFFSET, utf8("12x"));

        SourceLine s = decoder.decode(utf8("mx"), headers, utf8(LINE), AT);

        assertThat(s.file()).isEqualTo("/w.log");
        assertThat(s.fileOffset()).isNull();
    }

    @Test
    void sourceLine_roundTripsThroughItsRepartitionSerde() {
        SourceLine decoded = decode("k", "{\"log\":{\"offset\":5},\"message\":\"" + LINE + "\"}");
        SourceLine broken = decode("k", "{oops");

        for (SourceLine s : new SourceLine[] {decoded, broken}) {
            assertThat(SourceLine.SERDE.decode(SourceLine.SERDE.encode(s))).isEqualTo(s);
        }
    }
}
