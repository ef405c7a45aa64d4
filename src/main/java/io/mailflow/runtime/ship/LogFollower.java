package io.mailflow.runtime.ship;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one log file like {@code tail -F}, one {@link #poll} at a time, and hands each complete
 * line to a {@link LineSink}. Needs no Kafka: the caller decides what a line becomes and when to
 * poll again.
 *
 * <ul>
 *   <li>Only lines ending in {@code \n} are handed on; a partial last line waits for its newline.
 *       One {@code \r} before the {@code \n} is dropped. A line longer than {@value
 *       #MAX_LINE_BYTES} bytes is cut to that length, so that it still fits a Kafka record.
 *   <li>Rotation: when the path names another file, the old one is read until it stopped growing
 *       for one whole poll, its unterminated last line (if any) is handed on as it is, and the new
 *       file is read from its start at the next poll. A poll never mixes lines of two files.
 *   <li>Truncation: when the file is shorter than what was read, reading starts again at 0.
 *   <li>A missing file is waited for and read from its start when it appears.
 * </ul>
 *
 * <p>{@link #position()} says where to resume after the last line handed on; {@link StartPoint#at}
 * resumes there even after the file was rotated meanwhile, as long as the rotated file stays in the
 * same directory. Not thread-safe.
 */
public final class LogFollower implements AutoCloseable {
    /** Lines are cut to this many bytes, well below Kafka's default record size limit. */
    public static final int MAX_LINE_BYTES = 256 * 1024;

    private static final int READ_CHUNK = 256 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(LogFollower.class);

    private final Path path;
    private final byte[] buf = new byte[MAX_LINE_BYTES + READ_CHUNK];

    /** How to open a file; null once one is open. */
    private StartPoint start;

    private FileChannel channel;
    private String fileKey;
    private FileHead fileHead;

    /** The pending line is {@code buf[head, tail)}; {@code [head, scan)} holds no newline. */
    private int head;

    private int tail;
    private int scan;

    /** The file offset of {@code buf[head]}: the first byte not yet handed on. */
    private long headOffset;

    /** Bytes of the pending line dropped beyond {@link #MAX_LINE_BYTES}. */
    private long dropped;

    private boolean rotated;
    private boolean switchDue;
    private boolean caughtUp;
    private boolean waitingLogged;
    private long bytesRead;

    public LogFollower(Path path, StartPoint start) {
        this.path = Objects.requireNonNull(path, "path can't be null");
        this.start = Objects.requireNonNull(start, "start can't be null");
    }

    public Path path() {
        return path;
    }

    /**
     * Opens the file the start point names, unless one is open already.
     *
     * @return true if a file is open; false while there is none to open yet
     * @throws IOException if the file exists but cannot be read
     */
    public boolean open() throws IOException {
        if (channel != null) {
            return true;
        }
        if (start instanceof StartPoint.AfterLine after) {
            start = resolveAfterLine(after.lineEnd(), after.head());
        }
        if (start instanceof StartPoint.End || start instanceof StartPoint.Beginning) {
            start = resolveAtPath();
        }
        return start instanceof StartPoint.At at && openAt(at.position(), at.head());
    }

    /**
     * Hands on up to {@code maxLines} complete lines, in file order.
     *
     * @return the number of lines handed on
     * @throws IOException if the file cannot be read
     */
    public int poll(LineSink sink, int maxLines) throws IOException {
        caughtUp = false;
        if (switchDue) {
            switchToPath();
        }
        if (!open()) {
            caughtUp = true;
            return 0;
        }
        long before = readOffset();
        int lines = drain(sink, maxLines);
        if (lines < maxLines) {
            caughtUp = true;
            lines += inspectAtEnd(sink, readOffset() > before);
        }
        return lines;
    }

    /** True if the last poll read all there was. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Where to resume after the last line handed on. */
    public FilePosition position() {
        if (channel != null) {
            return new FilePosition(fileKey, headOffset);
        }
        return start instanceof StartPoint.At at ? at.position() : FilePosition.NO_FILE_YET;
    }

    /**
     * The head of the open file up to {@link #position()}: the bytes shipped, which will not
     * change. {@link FileHead#NONE} while no file is open.
     *
     * @throws IOException if the file cannot be read
     */
    public FileHead head() throws IOException {
        if (channel == null) {
            return FileHead.NONE;
        }
        int length = (int) Math.min(headOffset, FileHead.MAX_LENGTH);
        if (fileHead == null || fileHead.length() != length) {
            fileHead = FileHead.of(channel, length);
        }
        return fileHead;
    }

    /**
     * Bytes of the open file not read yet; 0 while none is open.
     *
     * @throws IOException if the file's size cannot be read
     */
    public long bytesBehind() throws IOException {
        return channel == null ? 0 : Math.max(0, channel.size() - readOffset());
    }

    /** Bytes read from files so far, line terminators included. */
    public long bytesRead() {
        return bytesRead;
    }

    /**
     * Goes back to {@code position}, after the lines handed on since then were lost, e.g. in an
     * aborted transaction.
     *
     * @throws IOException if the file cannot be read
     */
    public void rewind(FilePosition position) throws IOException {
        switchDue = false;
        if (channel != null && position.isIn(fileKey)) {
            resetBufferAt(position.offset());
            return;
        }
        closeChannel();
        start = StartPoint.at(position);
        open();
    }

    @Override
    public void close() throws IOException {
        closeChannel();
    }

    private int drain(LineSink sink, int maxLines) throws IOException {
        int lines = 0;
        while (true) {
            while (lines < maxLines && handOnNextLine(sink)) {
                lines++;
            }
            if (lines == maxLines || !fill()) {
                return lines;
            }
        }
    }

    /** Hands on the next complete line in the buffer, if there is one. */
    private boolean handOnNextLine(LineSink sink) {
        for (int i = scan; i < tail; i++) {
            if (buf[i] == '\n') {
                handOn(sink, i, headOffset + dropped + (i - head) + 1);
                head = i + 1;
                scan = head;
                return true;
            }
        }
        scan = tail;
        if (tail - head > MAX_LINE_BYTES) {
            dropped += tail - (head + MAX_LINE_BYTES);
            tail = head + MAX_LINE_BYTES;
            scan = tail;
        }
        return false;
    }

    /** Hands on {@code buf[head, end)} and moves the line's start to {@code next}. */
    private void handOn(LineSink sink, int end, long next) {
        int stop = dropped == 0 && end > head && buf[end - 1] == '\r' ? end - 1 : end;
        int length = Math.min(stop - head, MAX_LINE_BYTES);
        if (dropped > 0 || stop - head > MAX_LINE_BYTES) {
            LOG.warn(
                    "Line at offset {} of {} is {} bytes long; shipping its first {}",
                    headOffset,
                    path,
                    next - headOffset,
                    MAX_LINE_BYTES);
        }
        byte[] line = Arrays.copyOfRange(buf, head, head + length);
        sink.accept(new FollowedLine(path, fileKey, headOffset, line));
        headOffset = next;
        dropped = 0;
    }

    /** Reads more of the file into the buffer; false at its end. */
    private boolean fill() throws IOException {
        if (buf.length - tail < READ_CHUNK && head > 0) {
            System.arraycopy(buf, head, buf, 0, tail - head);
            tail -= head;
            scan -= head;
            head = 0;
        }
        int n = channel.read(ByteBuffer.wrap(buf, tail, buf.length - tail), readOffset());
        if (n <= 0) {
            return false;
        }
        tail += n;
        bytesRead += n;
        return true;
    }

    /** The file offset of {@code buf[tail]}: how far the file has been read. */
    private long readOffset() {
        return headOffset + dropped + (tail - head);
    }

    /** At the end of the open file: looks for rotation and truncation. */
    private int inspectAtEnd(LineSink sink, boolean grew) throws IOException {
        String now = FileIdentity.of(path);
        if (now == null) {
            return 0;
        }
        if (now.equals(fileKey)) {
            rotated = false;
            if (channel.size() < readOffset()) {
                LOG.info(
                        "{} is now {} bytes, less than the {} read: reading it again from offset"
                                + " 0",
                        path,
                        channel.size(),
                        readOffset());
                resetBufferAt(0);
            }
            return 0;
        }
        if (!rotated) {
            rotated = true;
            LOG.info("{} names another file now; reading the rest of the old one first", path);
            return 0;
        }
        if (grew) {
            return 0;
        }
        switchDue = true;
        return handOnUnterminatedLine(sink);
    }

    /** The rotated file's last line will never get its newline: hands it on as it is. */
    private int handOnUnterminatedLine(LineSink sink) {
        if (tail == head && dropped == 0) {
            return 0;
        }
        long end = readOffset();
        LOG.info(
                "Shipping the last line of the rotated {} at offset {}: it has no newline",
                path,
                headOffset);
        handOn(sink, tail, end);
        head = tail;
        scan = tail;
        return 1;
    }

    private void switchToPath() throws IOException {
        LOG.info("Done with the rotated file of {} at offset {}", path, headOffset);
        closeChannel();
        start = StartPoint.beginning();
        switchDue = false;
        rotated = false;
    }

    /** The start point as a position in the file the path names now, if there is one. */
    private StartPoint resolveAtPath() throws IOException {
        String key = FileIdentity.of(path);
        if (key == null) {
            logWaiting();
            // A file that appears after start-up is new: all of it is to be shipped.
            return StartPoint.beginning();
        }
        try {
            long offset = start instanceof StartPoint.End ? startOfPartialLastLine() : 0;
            return StartPoint.at(new FilePosition(key, offset));
        } catch (NoSuchFileException e) {
            return StartPoint.beginning();
        }
    }

    /** The position after the line that ends at {@code lineEnd}, found in the file. */
    private StartPoint resolveAfterLine(FilePosition lineEnd, FileHead head) throws IOException {
        Path file = locate(lineEnd.fileKey(), head);
        if (file == null) {
            logLoss(lineEnd);
            return StartPoint.beginning();
        }
        long offset = lineEnd.offset();
        if (Files.size(file) >= offset) {
            offset = nextLineStart(file, offset);
        }
        return StartPoint.at(new FilePosition(lineEnd.fileKey(), offset), head);
    }

    private boolean openAt(FilePosition position, FileHead head) throws IOException {
        if (position.fileKey() == null) {
            start = StartPoint.beginning();
            return open();
        }
        Path file = locate(position.fileKey(), head);
        if (file == null) {
            logLoss(position);
            start = StartPoint.beginning();
            return open();
        }
        long size = Files.size(file);
        if (size < position.offset()) {
            LOG.info(
                    "{} is {} bytes, less than the {} already shipped: reading it from offset 0",
                    file,
                    size,
                    position.offset());
            return openFile(file, position.fileKey(), 0);
        }
        return openFile(file, position.fileKey(), position.offset());
    }

    private void logLoss(FilePosition position) {
        LOG.warn(
                "The file {} last read as {} is no longer there; any lines it got after offset {}"
                        + " are not shipped",
                position.fileKey(),
                path,
                position.offset());
    }

    /**
     * The file with {@code key} and {@code head}: the path's own, else a file in the same directory
     * that it was rotated to. Null if there is none.
     */
    private Path locate(String key, FileHead head) throws IOException {
        Path found = key.equals(FileIdentity.of(path)) ? path : rotatedTo(key);
        if (found != null && !head.matches(found)) {
            LOG.info(
                    "{} has the identity {} of a file shipped before, but other first bytes:"
                            + " it is a new file",
                    found,
                    key);
            return null;
        }
        return found;
    }

    private Path rotatedTo(String key) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        try (Stream<Path> siblings = Files.list(dir)) {
            for (Iterator<Path> it = siblings.iterator(); it.hasNext(); ) {
                Path sibling = it.next();
                if (key.equals(identityOrNull(sibling))) {
                    return sibling;
                }
            }
        }
        return null;
    }

    /** A sibling that cannot be looked at is not the one looked for. */
    private static String identityOrNull(Path file) {
        try {
            return FileIdentity.of(file);
        } catch (IOException e) {
            return null;
        }
    }

    private boolean openFile(Path file, String key, long offset) throws IOException {
        FileChannel opened;
        try {
            opened = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            return false;
        }
        if (!key.equals(FileIdentity.of(file))) {
            // Replaced between looking and opening: try again at the next poll.
            opened.close();
            return false;
        }
        channel = opened;
        fileKey = key;
        start = null;
        waitingLogged = false;
        rotated = !file.equals(path);
        resetBufferAt(offset);
        if (rotated) {
            LOG.info("{} was rotated to {}: reading the rest of it first", path, file);
        }
        LOG.info("Reading {} from offset {} (file {})", file, offset, key);
        return true;
    }

    private void logWaiting() {
        if (!waitingLogged) {
            waitingLogged = true;
            LOG.info("Waiting for {} to appear", path);
        }
    }

    private void resetBufferAt(long offset) {
        head = 0;
        tail = 0;
        scan = 0;
        dropped = 0;
        headOffset = offset;
        fileHead = null;
    }

    private void closeChannel() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
            fileKey = null;
        }
    }

    /** The start of the path's last line if it has no newline yet; else the file's size. */
    private long startOfPartialLastLine() throws IOException {
        try (FileChannel in = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = in.size();
            int length = (int) Math.min(size, MAX_LINE_BYTES);
            ByteBuffer tailBytes = ByteBuffer.allocate(length);
            readFully(in, tailBytes, size - length);
            for (int i = length - 1; i >= 0; i--) {
                if (tailBytes.get(i) == '\n') {
                    return size - length + i + 1;
                }
            }
            return size <= MAX_LINE_BYTES ? 0 : size;
        }
    }

    /** The offset after the first newline at or after {@code from}, or the file's size. */
    private static long nextLineStart(Path file, long from) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer chunk = ByteBuffer.allocate(READ_CHUNK);
            long offset = from;
            int n;
            while ((n = in.read(chunk.clear(), offset)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (chunk.get(i) == '\n') {
                        return offset + i + 1;
                    }
                }
                offset += n;
            }
            return offset;
        }
    }

    private static void readFully(FileChannel in, ByteBuffer target, long offset)
            throws IOException {
        long at = offset;
        while (target.hasRemaining()) {
            int n = in.read(target, at);
            if (n < 0) {
                throw new IOException("file shrank while reading at offset " + at);
            }
            at += n;
        }
    }
}
