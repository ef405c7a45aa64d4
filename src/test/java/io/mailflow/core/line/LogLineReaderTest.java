package io.mailflow.core.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.mailflow.testing.Gens;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

class LogLineReaderTest {
    private static final String CONNECT = "20-Jun-03 03:43:31 pop3 connect 1.2.3.4";
    private static final String DISCONNECT = "20-Jun-03 03:43:40 pop3 disconnect 1.2.3.4";

    private final LogLineParser parser = new LogLineParser(HostZones.utc());

    @Test
    void crLfLinesAndUnterminatedLastLine_giveOneResultEach() {
        List<ParseResult> results = read(CONNECT + "\r\n\r\n" + DISCONNECT, 64 * 1024);

        assertThat(results)
                .containsExactly(
                        parser.parse("h", CONNECT),
                        ParseResult.blank(),
                        parser.parse("h", DISCONNECT));
        assertThat(results.get(0)).isInstanceOf(ParseResult.Parsed.class);
    }

    @Test
    void finalNewline_addsNoEmptyLine() {
        assertThat(read(CONNECT + "\n", 64 * 1024)).containsExactly(parser.parse("h", CONNECT));
    }

    @Test
    void emptyStream_givesNoResult() {
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

    @Test
    void linesSplitAcrossAnyBufferSize_readAsEachLineAlone() {
        qt().withExamples(300)
                .forAll(lineLists(), booleans().all(), booleans().all(), integers().between(1, 64))
                .checkAssert(this::assertReadAsEachLineAlone);
    }

    private void assertReadAsEachLineAlone(
            List<String> lines, boolean crLf, boolean lastTerminated, int bufferSize) {
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

    private static Gen<List<String>> lineLists() {
        Gen<String> line =
                Generate.oneOf(
                                WebCrossingLines.lines().map(WebCrossingLines.Rendered::line),
                                Gens.anyStrings(80))
                        .map(s -> s.replace("\n", " "));
        return lists().of(line).ofSizeBetween(0, 12);
    }

    private List<ParseResult> read(String text, int bufferSize) {
        List<ParseResult> results = new ArrayList<>();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            new LogLineReader(parser, bufferSize)
                    .read("h", new ByteArrayInputStream(bytes), results::add);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a byte array failed", e);
        }
        return results;
    }
}
