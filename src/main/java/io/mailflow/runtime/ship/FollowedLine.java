package io.mailflow.runtime.ship;

import java.nio.file.Path;

/**
 * One complete line of a followed file.
 *
 * @param path the followed path, also while the file it named is read after a rotation
 * @param fileKey the identity of the file the line was read from
 * @param offset the byte offset of the line's first byte in that file
 * @param bytes the line as written, without its {@code \n} and the {@code \r} before it
 */
public record FollowedLine(Path path, String fileKey, long offset, byte[] bytes) {}
