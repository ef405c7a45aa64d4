package io.mailflow.runtime.ship;

/**
 * A place in one particular file: the file's identity and a byte offset in it. The identity tells a
 * rotated or replaced file from the one a path named before.
 *
 * @param fileKey the file's identity ({@link FileIdentity#of}), or null before any file was seen
 * @param offset the byte offset of the first line not yet shipped
 */
public record FilePosition(String fileKey, long offset) {
    /** No file seen yet: the first file to appear is read from its start. */
    public static final FilePosition NO_FILE_YET = new FilePosition(null, 0);

    public FilePosition {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, but was " + offset);
        }
    }

    /** True if this position belongs to the file with {@code key}. */
    boolean isIn(String key) {
        return fileKey != null && fileKey.equals(key);
    }
}
