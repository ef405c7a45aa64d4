package io.mailflow.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The temporary directories the embedded broker, the demo and the bench make and remove. */
public final class WorkDirectories {
    private static final Logger LOG = LoggerFactory.getLogger(WorkDirectories.class);

    private WorkDirectories() {}

    /**
     * Deletes {@code directory} and everything in it, as far as it can: what cannot be deleted is
     * logged and left, so that cleaning up never hides the result of the work before it.
     */
    public static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(WorkDirectories::deleteOne);
        } catch (IOException e) {
            LOG.warn("Cannot delete the directory {}", directory, e);
        }
    }

    private static void deleteOne(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}", path, e);
        }
    }
}
