package io.mailflow.runtime.ship;

import java.util.Objects;

/**
 * Where shipping of one followed file stands, as kept in its checkpoint file.
 *
 * @param version the format of the checkpoint file, {@value #VERSION}
 * @param path the followed path, absolute
 * @param host the host the file's lines were shipped for, their record key
 * @param fileKey the identity of the file being read, or null before one appeared
 * @param offset the byte offset of the first line not yet shipped in that file
 * @param headLength how many of the file's first bytes {@code headCrc32c} covers
 * @param headCrc32c the checksum of those bytes, see {@link FileHead}
 * @param topic the topic the lines went to
 * @param partition the partition the lines went to
 * @param topicOffset the offset in that partition from which records of this file, if any, were
 *     committed after this checkpoint was written
 */
public record Checkpoint(
        int version,
        String path,
        String host,
        String fileKey,
        long offset,
        int headLength,
        long headCrc32c,
        String topic,
        int partition,
        long topicOffset) {

    /** The format this code writes and reads. */
    public static final int VERSION = 1;

    public Checkpoint {
        Objects.requireNonNull(path, "path can't be null");
        Objects.requireNonNull(host, "host can't be null");
        Objects.requireNonNull(topic, "topic can't be null");
    }

    /** A checkpoint of the current format. */
    public static Checkpoint of(
            String path,
            String host,
            FilePosition position,
            FileHead head,
            String topic,
            int partition,
            long topicOffset) {
        return new Checkpoint(
                VERSION,
                path,
                host,
                position.fileKey(),
                position.offset(),
                head.length(),
                head.crc32c(),
                topic,
                partition,
                topicOffset);
    }

    public FilePosition position() {
        return new FilePosition(fileKey, offset);
    }

    public FileHead head() {
        return new FileHead(headLength, headCrc32c);
    }
}
