package io.mailflow.core.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineSplitterTest {
    private static final String QUEUED =
            "20-Jun-03 08:09:46 smtp-out OK ID=2549 Send email. Outgoing message queued To:"
                    + " support@support.webcrossing.com From: babies@diapers.smell.com";

    @Test
    void crlfAndLfLines_loseOnlyTheirTerminators() throws IOException {
        List<String> lines = split(QUEUED + "\r\n\n20-Jun-03 03:43:31 pop3 connect 1.2.3.4\n");

        assertThat(lines).containsExactly(QUEUED, "", "20-Jun-03 03:43:31 pop3 connect 1.2.3.4");
    }

    @Test
    void lastLineWithoutTerminator_isKept() throws IOException {
        assertThat(split("a\nb")).containsExactly("a", "b");
    }

    @Test
    void loneCarriageReturnInsideALine_isKept() throws IOException {
        assertThat(split("a\rb\r\n")).containsExactly("a\rb");
    }

    @Test
    void invalidUtf8_passesThroughByteForByte() throws IOException {
        byte[] damaged = {'a', (byte) 0xC3, (byte) 0x28, '\n'};
        List<byte[]> lines = new ArrayList<>();

        LineSplitter.split(new ByteArrayInputStream(damaged), lines::add);

        assertThat(lines).singleElement().isEqualTo(Arrays.copyOf(damaged, 3));
    }

    @Test
    void linesLongerThanTheBufferAndSplitAcrossReads_comeOutWhole() throws IOException {
        String longLine = "x".repeat(200_000);
        String text = "first\n" + longLine + "\nlast\n";
        InputStream trickle = new TrickleStream(text.getBytes(StandardCharsets.UTF_8), 7_001);
        List<String> lines = new ArrayList<>();

        long count =
                LineSplitter.split(trickle, l -> lines.add(new String(l, StandardCharsets.UTF_8)));

        assertThat(count).isEqualTo(3);
        assertThat(lines).containsExactly("first", longLine, "last");
    }

    @Test
    void slices_coverEachLineInThePlaceItWasRead() throws IOException {
        InputStream trickle = new TrickleStream("ab\r\n\ncd".getBytes(StandardCharsets.UTF_8), 2);
        List<String> lines = new ArrayList<>();

        long count =
                LineSplitter.split(
                        trickle,
                        4,
                        (buf, start, length) ->
                                lines.add(new String(buf, start, length, StandardCharsets.UTF_8)));

        assertThat(count).isEqualTo(3);
        assertThat(lines).containsExactly("ab", "", "cd");
    }

    private static List<String> split(String text) throws IOException {
        List<String> lines = new ArrayList<>();
        LineSplitter.split(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                line -> lines.add(new String(line, StandardCharsets.UTF_8)));
        return lines;
    }

    /** Returns at most {@code chunk} bytes per read, as a pipe or socket might. */
    private static final class TrickleStream extends ByteArrayInputStream {
        private final int chunk;

        TrickleStream(byte[] bytes, int chunk) {
            super(bytes);
            this.chunk = chunk;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
        }
    }
}
