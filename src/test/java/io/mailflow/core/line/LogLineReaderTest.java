package io.mailflow.core.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LogLineReaderTest {
    private static final String CONNECT = "20-Jun-03 03:43:31 pop3 connect 1.2.3.4";
    private static final String DISCONNECT = "20-Jun-03 03:43:40 pop3 disconnect 1.2.3.4";

    private final LogLineParser parser = new LogLineParser(HostZones.utc());

    @Test
    void crLfLinesAndUnterminatedLastLine_giveOneResultEach() throws IOException {
        List<ParseResult> results = read(CONNECT + "\r\n\r\n" + DISCONNECT, 64 * 1024);

        assertThat(results)
                .containsExactly(
                        parser.parse("h", CONNECT),
                        ParseResult.blank(),
                        parser.parse("h", DISCONNECT));
        assertThat(results.get(0)).isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void finalNewline_addsNoEmptyLine() throws IOException {
        assertThat(read(CONNECT + "\n", 64 * 1024)).containsExactly(parser.parse("h", CONNECT));
    }

    @Test
    void emptyStream_givesNoResult() throws IOException {
        assertThat(read("", 16)).isEmpty();
    }

    @Test
    void invalidUtf8_spoilsOnlyItsOwnLine() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((CONNECT + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {(byte) 0xE2, (byte) 0x82, '\n'});
        bytes.writeBytes((DISCONNECT + "\n").getBytes(StandardCharsets.UTF_8));
        List<ParseResult> results = new ArrayList<>();

        long lines =
                new LogLineReader(parser)
                        .read("h", new ByteArrayInputStream(bytes.toByteArray()), results::add);

        assertThat(lines).isEqualTo(3);
        assertThat(results.get(0)).isEqualTo(parser.parse("h", CONNECT));
        assertThat(((ParseResult.Rejected) results.get(1)).reject().line()).isEqualTo("\uFFFD");
        assertThat(results.get(2)).isEqualTo(parser.parse("h", DISCONNECT));
    }

    @Property(tries = 300)
    void linesSplitAcrossAnyBufferSize_readAsEachLineAlone(
            @ForAll("lineLists") List<String> lines,
            @ForAll boolean crLf,
            @ForAll boolean lastTerminated,
            @ForAll @IntRange(min = 1, max = 64) int bufferSize)
            throws IOException {
        String terminator = crLf ? "\r\n" : "\n";
        StringBuilder text = new StringBuilder();
        List<ParseResult> expected = new ArrayList<>();
        for (String line : lines) {
            text.append(line).append(terminator);
            expected.add(parser.parse("h", line));
        }
        boolean canEndUnterminated = !lines.isEmpty() && !lines.get(lines.size() - 1).isEmpty();
        if (!lastTerminated && canEndUnterminated) {
            text.setLength(text.length() - terminator.length());
        }

        assertThat(read(text.toString(), bufferSize)).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<String>> lineLists() {
        Arbitrary<String> line =
                Arbitraries.oneOf(
                                WebCrossingLines.lines().map(WebCrossingLines.Rendered::line),
                                Arbitraries.strings().ofMaxLength(80))
                        .map(s -> s.replace("\n", " "));
        return line.list().ofMaxSize(12);
    }

    private List<ParseResult> read(String text, int bufferSize) throws IOException {
        List<ParseResult> results = new ArrayList<>();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        new LogLineReader(parser, bufferSize)
                .read("h", new ByteArrayInputStream(bytes), results::add);
        return results;
    }
}
