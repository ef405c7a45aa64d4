package io.mailflow.runtime.ship;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.mailflow.json.Json;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The checkpoint files of a directory, one small JSON file per followed path. A file is replaced
 * whole: the new content goes to a temporary file, is forced to disk, and is moved over the old
 * one, so a crash leaves either the old or the new checkpoint, never a torn one. Thread-safe as
 * long as each path is written by one thread.
 */
public final class Checkpoints {
    private static final ObjectWriter WRITER =
            Json.mapper().writerFor(Checkpoint.class).withDefaultPrettyPrinter();
    private static final ObjectReader READER = Json.mapper().readerFor(Checkpoint.class);
    private static final String SUFFIX = ".json";
    private static final int NAME_HASH_LENGTH = 12;

    private final Path dir;

    private Checkpoints(Path dir) {
        this.dir = dir;
    }

    /**
     * The checkpoints in {@code dir}, which is created if missing.
     *
     * @throws CheckpointException if the directory cannot be created, read or written
     */
    public static Checkpoints in(Path dir) throws CheckpointException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CheckpointException(
                    "cannot create the checkpoint directory " + dir + ": " + e, e);
        }
        if (!Files.isReadable(dir) || !Files.isWritable(dir) || !Files.isExecutable(dir)) {
            throw new CheckpointException(
                    "the checkpoint directory "
                            + dir
                            + " is not readable and writable; expected a directory the shipper"
                            + " may read and write",
                    null);
        }
        return new Checkpoints(dir);
    }

    /**
     * The checkpoint of {@code followed}, if there is one.
     *
     * @throws CheckpointException if the checkpoint file cannot be read or is not a checkpoint of
     *     {@code followed}
     */
    public Optional<Checkpoint> read(Path followed) throws CheckpointException {
        Path file = fileOf(followed);
        byte[] json;
        try {
            json = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CheckpointException("cannot read the checkpoint " + file + ": " + e, e);
        }
        return Optional.of(parse(file, json, absolute(followed)));
    }

    /**
     * Replaces the checkpoint of {@code checkpoint.path()}.
     *
     * @throws IOException if it cannot be written; the previous checkpoint is then unchanged
     */
    public void write(Checkpoint checkpoint) throws IOException {
        Path file = fileOf(Path.of(checkpoint.path()));
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel out =
                FileChannel.open(
                        temporary,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(WRITER.writeValueAsBytes(checkpoint));
            while (bytes.hasRemaining()) {
                out.write(bytes);
            }
            out.force(true);
        }
        moveOver(temporary, file);
    }

    /**
     * Locks {@code followed} for this process, so that two shippers using this directory never
     * follow the same file. The lock is the operating system's: it ends with the process.
     *
     * @return the lock, to be closed when done with the file
     * @throws CheckpointException if another shipper holds the lock, or it cannot be taken
     */
    public Closeable lock(Path followed) throws CheckpointException {
        Path checkpoint = fileOf(followed);
        Path lockFile = checkpoint.resolveSibling(checkpoint.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            channel =
                    FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return channel::close;
            }
        } catch (OverlappingFileLockException e) {
            // Held by another shipper of this same process, as in tests.
        } catch (IOException e) {
            closeQuietly(channel);
            throw new CheckpointException("cannot lock " + lockFile + ": " + e, e);
        }
        closeQuietly(channel);
        throw new CheckpointException(
                "another mailflow ship is following "
                        + absolute(followed)
                        + " (it holds "
                        + lockFile
                        + "); expected one shipper per file",
                null);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // the lock, if any, goes with the channel; nothing else to release
        }
    }

    /**
     * The checkpoint file of {@code followed}: its file name, for people, and a hash of its
     * absolute path, so that files of the same name in different directories do not collide.
     */
    public Path fileOf(Path followed) {
        String path = absolute(followed);
        String name =
                String.valueOf(Path.of(path).getFileName()).replaceAll("[^A-Za-z0-9._-]", "_");
        return dir.resolve(
                name + "-" + Hashes.sha256Hex(path).substring(0, NAME_HASH_LENGTH) + SUFFIX);
    }

    /** The form of a followed path that checkpoints and record headers carry. */
    public static String absolute(Path followed) {
        return followed.toAbsolutePath().normalize().toString();
    }

    private static Checkpoint parse(Path file, byte[] json, String expectedPath)
            throws CheckpointException {
        Checkpoint checkpoint;
        try {
            checkpoint = READER.readValue(json);
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException(
                    "the checkpoint "
                            + file
                            + " is not a checkpoint ("
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                            + "); delete it to start that file afresh",
                    e);
        }
        if (checkpoint.version() != Checkpoint.VERSION) {
            throw new CheckpointException(
                    "the checkpoint "
                            + file
                            + " has version "
                            + checkpoint.version()
                            + "; expected "
                            + Checkpoint.VERSION,
                    null);
        }
        if (!checkpoint.path().equals(expectedPath)) {
            throw new CheckpointException(
                    "the checkpoint "
                            + file
                            + " is for "
                            + checkpoint.path()
                            + "; expected "
                            + expectedPath,
                    null);
        }
        return checkpoint;
    }

    private static void moveOver(Path temporary, Path file) throws IOException {
        try {
            Files.move(
                    temporary,
                    file,
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException(
                    "the checkpoint directory's file system cannot replace " + file + " atomically",
                    e);
        }
    }
}
