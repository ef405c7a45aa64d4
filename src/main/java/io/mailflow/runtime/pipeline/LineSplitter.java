package io.mailflow.runtime.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a stream into log lines the way the parser reads them: a line ends at {@code \n}, a {@code
 * \r} before it is dropped, and the last line needs no terminator. The bytes are left as they are,
 * so that a damaged line reaches the pipeline as damaged as it was written.
 */
public final class LineSplitter {
    private static final int INITIAL_BUFFER = 64 * 1024;

    /** Receives each line's bytes; the array belongs to the receiver. */
    @FunctionalInterface
    public interface LineSink {
        void accept(byte[] line) throws IOException;
    }

    private LineSplitter() {}

    /**
     * Reads {@code in} to its end, handing every line, blank ones included, to {@code sink}.
     *
     * @return the number of lines
     */
    public static long split(InputStream in, LineSink sink) throws IOException {
        byte[] buf = new byte[INITIAL_BUFFER];
        int filled = 0;
        long lines = 0;
        int n;
        while ((n = in.read(buf, filled, buf.length - filled)) != -1) {
            int start = 0;
            for (int i = filled; i < filled + n; i++) {
                if (buf[i] == '\n') {
                    sink.accept(line(buf, start, i));
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
            sink.accept(line(buf, 0, filled));
            lines++;
        }
        return lines;
    }

    private static byte[] line(byte[] buf, int start, int end) {
        int stop = end > start && buf[end - 1] == '\r' ? end - 1 : end;
        return Arrays.copyOfRange(buf, start, stop);
    }
}
