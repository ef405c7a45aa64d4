package io.mailflow.core.line;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a stream into log lines the way the parser reads them: a line ends at {@code \n}, a {@code
 * \r} before it is dropped, and the last line needs no terminator. The bytes are left as they are,
 * so that a damaged line reaches its reader as damaged as it was written. A line must fit in
 * memory: the buffer grows to the longest line.
 */
public final class LineSplitter {
    private static final int INITIAL_BUFFER = 64 * 1024;

    /** Receives each line's bytes; the array belongs to the receiver. */
    @FunctionalInterface
    public interface LineSink {
        void accept(byte[] line) throws IOException;
    }

    /**
     * Receives each line as a slice of the splitter's buffer, valid only during the call: nothing
     * is copied.
     */
    @FunctionalInterface
    public interface SliceSink {
        void accept(byte[] buf, int start, int length) throws IOException;
    }

    private LineSplitter() {}

    /**
     * Reads {@code in} to its end, handing a copy of every line, blank ones included, to {@code
     * sink}. Does not close {@code in}.
     *
     * @return the number of lines
     */
    public static long split(InputStream in, LineSink sink) throws IOException {
        return split(
                in,
                INITIAL_BUFFER,
                (buf, start, length) ->
                        sink.accept(Arrays.copyOfRange(buf, start, start + length)));
    }

    /**
     * Reads {@code in} to its end, handing every line, blank ones included, to {@code sink} in
     * place. Does not close {@code in}.
     *
     * @return the number of lines
     */
    public static long split(InputStream in, SliceSink sink) throws IOException {
        return split(in, INITIAL_BUFFER, sink);
    }

    static long split(InputStream in, int initialBuffer, SliceSink sink) throws IOException {
        byte[] buf = new byte[initialBuffer];
        int filled = 0;
        long lines = 0;
        int n;
        while ((n = in.read(buf, filled, buf.length - filled)) != -1) {
            int start = 0;
            for (int i = filled; i < filled + n; i++) {
                if (buf[i] == '\n') {
                    line(buf, start, i, sink);
                    lines++;
                    start = i + 1;
                }
            }
            filled += n - start;
            System.arraycopy(buf, start, buf, 0, filled);
            if (filled == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
        }
        if (filled > 0) {
            line(buf, 0, filled, sink);
            lines++;
        }
        return lines;
    }

    private static void line(byte[] buf, int start, int end, SliceSink sink) throws IOException {
        int stop = end > start && buf[end - 1] == '\r' ? end - 1 : end;
        sink.accept(buf, start, stop - start);
    }
}
