package io.mailflow.runtime.ship;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The identity of a file, which survives renames: device and inode where the platform has them
 * ({@link BasicFileAttributes#fileKey()}), else the creation time.
 */
final class FileIdentity {
    private FileIdentity() {}

    /**
     * The identity of the regular file at {@code path}, or null if there is none.
     *
     * @throws IOException if the file exists but its attributes cannot be read
     */
    static String of(Path path) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (!attributes.isRegularFile()) {
            return null;
        }
        Object key = attributes.fileKey();
        // Windows has no file key; a rename keeps the creation time, a new file gets its own.
        return key != null ? key.toString() : "created=" + attributes.creationTime().toMillis();
    }
}
