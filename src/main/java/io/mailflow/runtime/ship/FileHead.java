package io.mailflow.runtime.ship;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32C;

/**
 * A checksum of a file's first bytes. A file deleted while the shipper was down may leave its
 * identity (inode) to the next file created; the first bytes of a log, which start with a
 * timestamp, tell the two apart.
 *
 * @param length how many bytes of the file's start the checksum covers, at most {@value
 *     #MAX_LENGTH}
 * @param crc32c their CRC-32C
 */
public record FileHead(int length, long crc32c) {
    /** Bytes enough to hold a few whole lines, so the first timestamp and more are covered. */
    public static final int MAX_LENGTH = 1024;

    /** The head of no bytes, which every file matches. */
    public static final FileHead NONE = new FileHead(0, new CRC32C().getValue());

    public FileHead {
        if (length < 0 || length > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "length must be from 0 to " + MAX_LENGTH + ", but was " + length);
        }
    }

    /** The head of the first {@code min(upTo, MAX_LENGTH)} bytes that {@code in} holds. */
    static FileHead of(FileChannel in, long upTo) throws IOException {
        ByteBuffer bytes = ByteBuffer.allocate((int) Math.min(upTo, MAX_LENGTH));
        int n;
        do {
            n = in.read(bytes, bytes.position());
        } while (n > 0 && bytes.hasRemaining());
        CRC32C crc = new CRC32C();
        crc.update(bytes.flip());
        return new FileHead(bytes.limit(), crc.getValue());
    }

    /** True if {@code file} starts with the bytes this head was taken of. */
    boolean matches(Path file) throws IOException {
        if (length == 0) {
            return true;
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            return equals(of(in, length));
        } catch (NoSuchFileException e) {
            return false;
        }
    }
}
