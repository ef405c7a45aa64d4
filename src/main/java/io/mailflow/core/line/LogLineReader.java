package io.mailflow.core.line;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads a stream of log lines, cut as {@link LineSplitter} cuts them, and parses each. Each line is
 * decoded on its own, so invalid UTF-8 spoils only the line that holds it. Not thread-safe: one
 * reader per stream.
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
        return LineSplitter.split(
                in,
                initialBuffer,
                (buf, start, length) -> sink.accept(parser.parse(host, buf, start, length)));
    }
}
