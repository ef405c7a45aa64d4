package io.mailflow.topology;

/**
 * The record headers of a raw line on the lines topic, as {@code mailflow ship} writes them. Values
 * are UTF-8 text. A raw line's host is its record key when it has one; the headers say where in
 * which file the line was, so that a reject can point back at it.
 */
public final class LineHeaders {
    /** The host that wrote the line, for records without a key. */
    public static final String HOST = "host";

    /** The path of the log file the line was read from. */
    public static final String FILE = "file";

    /** The byte offset of the line's first byte in that file, in decimal. */
    public static final String OFFSET = "offset";

    /**
     * The identity of the file the line was read from (device and inode), which tells it from the
     * files the same path named before and after a rotation.
     */
    public static final String FILE_KEY = "file-key";

    private LineHeaders() {}
}
