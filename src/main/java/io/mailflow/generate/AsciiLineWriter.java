package io.mailflow.generate;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes lines ending in {@code \n} through its own buffer. Text lines must be ASCII, which every
 * generated line is; damaged lines are written as raw bytes.
 */
final class AsciiLineWriter implements Closeable {
    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private char[] chars = new char[256];
    private int used;

    AsciiLineWriter(OutputStream out) {
        this.out = out;
    }

    void writeLine(StringBuilder line) throws IOException {
        int length = line.length();
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        line.getChars(0, length, chars, 0);
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c >= 0x80) {
                throw new IllegalArgumentException(
                        "generated lines must be ASCII, but column "
                                + (i + 1)
                                + " is U+"
                                + Integer.toHexString(c));
            }
            put((byte) c);
        }
        put((byte) '\n');
    }

    void writeLine(byte[] line) throws IOException {
        for (byte b : line) {
            put(b);
        }
        put((byte) '\n');
    }

    @Override
    public void close() throws IOException {
        try (out) {
            out.write(buffer, 0, used);
            used = 0;
        }
    }

    private void put(byte b) throws IOException {
        if (used == buffer.length) {
            out.write(buffer, 0, used);
            used = 0;
        }
        buffer[used++] = b;
    }
}
