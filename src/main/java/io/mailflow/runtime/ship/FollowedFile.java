package io.mailflow.runtime.ship;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A log file to follow and the host whose log it is.
 *
 * @param path the file's path; after a rotation, the path names the new file
 * @param host the Web Crossing server that writes it, the key of its records
 */
public record FollowedFile(Path path, String host) {
    public FollowedFile {
        Objects.requireNonNull(path, "path can't be null");
        Objects.requireNonNull(host, "host can't be null");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host of " + path + " must not be empty");
        }
    }
}
