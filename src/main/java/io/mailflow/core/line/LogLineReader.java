package io.mailflow.core.line;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reads a stream of log lines and parses each. Lines end at {@code \n}, a {@code \r} before it is
 * dropped, and the last line needs no terminator. Each line is decoded on its own, so invalid UTF-8
 * spoils only the line that holds it. A line must fit in memory: the buffer grows to the longest
 * line. Not thread-safe: one reader per stream.
 */
public final class LogLineReader {
    private static final int DEFAULT_BUFFER = 64 * 1024;

    private final LogLineParser parser;
    private final int initialBuffer;

    /** Where the results go, one per line, blank lines included. */
    @FunctionalInterface
    public interface ResultSink {
        void accept(ParseResult result) throws IOException;
    }

    public LogLineReader(LogLineParser parser) {
        this(parser, DEFAULT_BUFFER);
    }

    LogLineReader(LogLineParser parser, int initialBuffer) {
        this.parser = Objects.requireNonNull(parser, "parser can't be null");
        this.initialBuffer = initialBuffer;
    }

    /**
     * Reads {@code in} to its end, handing the result of every line to {@code sink}. Does not close
     * {@code in}.
     *
     * @return the number of lines read
     * @throws IOException if reading {@code in} or the sink fails
     */
    public long read(String host, InputStream in, ResultSink sink) throws IOException {
        byte[] buf = new byte[initialBuffer];
        int lineStart = 0;
        int filled = 0;
        long lines = 0;
        int n;
        while ((n = in.read(buf, filled, buf.length - filled)) != -1) {
            int scanFrom = filled;
            filled += n;
            for (int i = scanFrom; i < filled; i++) {
                if (buf[i] == '\n') {
                    sink.accept(parseLine(host, buf, lineStart, i));
                    lines++;
                    lineStart = i + 1;
                }
            }
            filled -= lineStart;
            buf = compact(buf, lineStart, filled);
            lineStart = 0;
        }
        if (filled > 0) {
            sink.accept(parseLine(host, buf, 0, filled));
            lines++;
        }
        return lines;
    }

    private ParseResult parseLine(String host, byte[] buf, int start, int end) {
        int stop = end > start && buf[end - 1] == '\r' ? end - 1 : end;
        return parser.parse(host, buf, start, stop - start);
    }

    /**
     * Moves the unfinished line at {@code start} to the front; grows the buffer if that line fills
     * it.
     */
    private static byte[] compact(byte[] buf, int start, int length) {
        if (length == buf.length) {
            return Arrays.copyOf(buf, buf.length * 2);
        }
        System.arraycopy(buf, start, buf, 0, length);
        return buf;
    }
}
