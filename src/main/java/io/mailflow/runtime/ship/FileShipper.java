package io.mailflow.runtime.ship;

import io.mailflow.topology.LineHeaders;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships one followed file with its own transactional producer; see {@link Shipper} for the
 * protocol. Any Kafka or file error other than a fatal one makes it start over the way a restart
 * would: a new producer, the checkpoint, and a look at the topic for lines committed after it.
 */
final class FileShipper implements Runnable {
    private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(FileShipper.class);

    private final FollowedFile file;
    private final String path;
    private final byte[] hostBytes;
    private final byte[] pathBytes;
    private final ShipSettings settings;
    private final TopicPartition partition;
    private final String transactionalId;
    private final Checkpoints checkpoints;
    private final Reconciler reconciler;
    private final StopSignal stop;

    private final AtomicLong linesShipped = new AtomicLong();
    private final AtomicLong bytesRead = new AtomicLong();
    private volatile long backfillBytes = -1;
    private volatile long startedAt;
    private volatile long caughtUpAt;
    private volatile long backfillLines;
    private volatile long backfillBytesRead;
    private volatile ShipperException fatal;

    private KafkaProducer<byte[], byte[]> producer;
    private String lastFileKey;
    private byte[] lastFileKeyBytes;
    private LogFollower follower;
    private long bytesReadBefore;
    private long topicOffset;
    private Checkpoint written;

    FileShipper(
            FollowedFile file,
            ShipSettings settings,
            int partition,
            Checkpoints checkpoints,
            Reconciler reconciler,
            StopSignal stop) {
        this.file = file;
        this.path = Checkpoints.absolute(file.path());
        this.hostBytes = utf8(file.host());
        this.pathBytes = utf8(path);
        this.settings = settings;
        this.partition = new TopicPartition(settings.topic(), partition);
        this.transactionalId = ShipClients.transactionalId(file.host(), path);
        this.checkpoints = checkpoints;
        this.reconciler = reconciler;
        this.stop = stop;
    }

    @Override
    public void run() {
        try (Closeable lock = checkpoints.lock(file.path())) {
            shipUntilStopped();
        } catch (CheckpointException e) {
            fail(e);
        } catch (IOException e) {
            LOG.warn("Cannot release the lock of {}", path, e);
        }
    }

    private void shipUntilStopped() {
        Duration backoff = FIRST_BACKOFF;
        while (!stop.requested()) {
            try {
                start();
                backoff = FIRST_BACKOFF;
                follow();
            } catch (ProducerFencedException
                    | AuthenticationException
                    | AuthorizationException
                    | UnsupportedVersionException
                    | CheckpointException e) {
                fail(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.request();
            } catch (KafkaException | IOException e) {
                LOG.warn(
                        "Shipping {} failed; starting over from its checkpoint in {} s",
                        path,
                        backoff.toSeconds(),
                        e);
                closeQuietly();
                stop.sleep(backoff);
                backoff = min(backoff.multipliedBy(2), MAX_BACKOFF);
            } catch (RuntimeException e) {
                // A fault of the shipper itself: stop all files rather than lose this one quietly.
                fail(e);
            } finally {
                closeQuietly();
            }
        }
        LOG.info(
                "Stopped shipping {} at offset {} of file {}; {} lines shipped",
                path,
                written == null ? 0 : written.offset(),
                written == null ? null : written.fileKey(),
                linesShipped.get());
    }

    /** The error that stopped this file for good, or null. */
    ShipperException fatal() {
        return fatal;
    }

    /** Bytes to read beyond the start position when shipping began; -1 until known. */
    long backfillBytes() {
        return backfillBytes;
    }

    /** {@link System#nanoTime()} when shipping first began, or 0 before. */
    long startedAt() {
        return startedAt;
    }

    /** {@link System#nanoTime()} when the file was first read to its end, or 0 before. */
    long caughtUpAt() {
        return caughtUpAt;
    }

    /** Lines shipped until the file was first read to its end, or so far. */
    long backfillLines() {
        return caughtUpAt == 0 ? linesShipped.get() : backfillLines;
    }

    /** Bytes read until the file was first read to its end, or so far. */
    long backfillBytesRead() {
        return caughtUpAt == 0 ? bytesRead.get() : backfillBytesRead;
    }

    private void fail(Exception e) {
        fatal =
                new ShipperException(
                        e instanceof CheckpointException
                                ? e.getMessage()
                                : "cannot ship "
                                        + path
                                        + " to "
                                        + partition
                                        + ": "
                                        + e.getMessage(),
                        e);
        LOG.error(
                "Stopping: cannot ship {} to {} with transactional id {}: {}",
                path,
                partition,
                transactionalId,
                e.getMessage(),
                e);
        stop.request();
    }

    /** What a restart does: fence and abort, then resume where the topic and checkpoint say. */
    private void start() throws IOException, CheckpointException, InterruptedException {
        producer =
                new KafkaProducer<>(
                        ShipClients.producer(settings, transactionalId),
                        new ByteArraySerializer(),
                        new ByteArraySerializer());
        producer.initTransactions();
        long end = reconciler.endOffset(partition);
        Optional<Checkpoint> checkpoint = checkpoints.read(file.path());
        follower = new LogFollower(file.path(), startPoint(checkpoint, end));
        follower.open();
        bytesReadBefore = follower.bytesRead();
        if (startedAt == 0) {
            backfillBytes = follower.bytesBehind();
            startedAt = System.nanoTime();
        }
        topicOffset = end;
        writeCheckpoint();
        LOG.info(
                "Shipping {} as host {} to {} from offset {} of file {} (transactional id {})",
                path,
                file.host(),
                partition,
                written.offset(),
                written.fileKey(),
                transactionalId);
    }

    private StartPoint startPoint(Optional<Checkpoint> checkpoint, long end)
            throws InterruptedException {
        if (checkpoint.isEmpty()) {
            LOG.info(
                    "No checkpoint for {}: starting at its {}",
                    path,
                    settings.fromStart() ? "start" : "end");
            return settings.fromStart() ? StartPoint.beginning() : StartPoint.end();
        }
        Checkpoint saved = checkpoint.get();
        if (!saved.topic().equals(partition.topic())) {
            LOG.warn(
                    "The checkpoint of {} is for topic {}, not {}: resuming at its offset {}"
                            + " without looking for later lines in {}",
                    path,
                    saved.topic(),
                    partition.topic(),
                    saved.offset(),
                    saved.topic());
            return StartPoint.at(saved.position(), saved.head());
        }
        return afterLastCommitted(saved, end);
    }

    /**
     * After the file's last line committed since the checkpoint was written, if any: such lines
     * exist when the shipper stopped between a commit and the checkpoint that follows it.
     */
    private StartPoint afterLastCommitted(Checkpoint saved, long end) throws InterruptedException {
        TopicPartition shippedTo = new TopicPartition(saved.topic(), saved.partition());
        long shippedEnd = shippedTo.equals(partition) ? end : reconciler.endOffset(shippedTo);
        Optional<ShippedLine> last =
                reconciler.lastLine(shippedTo, saved.topicOffset(), shippedEnd, saved.host(), path);
        if (last.isEmpty()) {
            return StartPoint.at(saved.position(), saved.head());
        }
        ShippedLine line = last.get();
        LOG.info(
                "{} has lines committed after its checkpoint, the last at offset {} of file {}"
                        + " ({} offset {}): resuming after it",
                path,
                line.offset(),
                line.fileKey(),
                shippedTo,
                line.recordOffset());
        FileHead head = line.fileKey().equals(saved.fileKey()) ? saved.head() : FileHead.NONE;
        return StartPoint.afterLineEndingAt(line.end(), head);
    }

    private void follow() throws IOException {
        while (!stop.requested()) {
            shipBatch();
            if (follower.caughtUp()) {
                noteFirstCatchUp();
                stop.sleep(settings.pollInterval());
            }
        }
    }

    private void noteFirstCatchUp() {
        if (caughtUpAt == 0) {
            backfillLines = linesShipped.get();
            backfillBytesRead = bytesRead.get();
            caughtUpAt = System.nanoTime();
            LOG.info("Read {} to its end: {} lines shipped so far", path, backfillLines);
        }
    }

    /** Ships one poll's lines in one transaction, then checkpoints. */
    private void shipBatch() throws IOException {
        Transaction transaction = new Transaction();
        int lines = follower.poll(transaction, settings.linesPerTransaction());
        if (transaction.begun) {
            producer.commitTransaction();
            topicOffset = Math.max(topicOffset, transaction.lastOffset.get() + 1);
            linesShipped.addAndGet(lines);
        }
        bytesRead.addAndGet(follower.bytesRead() - bytesReadBefore);
        bytesReadBefore = follower.bytesRead();
        if (!follower.position().equals(written.position())) {
            writeCheckpoint();
        }
    }

    private void writeCheckpoint() throws IOException {
        Checkpoint checkpoint =
                Checkpoint.of(
                        path,
                        file.host(),
                        follower.position(),
                        follower.head(),
                        partition.topic(),
                        partition.partition(),
                        topicOffset);
        checkpoints.write(checkpoint);
        written = checkpoint;
    }

    private ProducerRecord<byte[], byte[]> record(FollowedLine line) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(LineHeaders.HOST, hostBytes);
        headers.add(LineHeaders.FILE, pathBytes);
        headers.add(LineHeaders.OFFSET, utf8(Long.toString(line.offset())));
        headers.add(LineHeaders.FILE_KEY, fileKeyBytes(line.fileKey()));
        return new ProducerRecord<>(
                partition.topic(), partition.partition(), null, hostBytes, line.bytes(), headers);
    }

    /** The file key's bytes, made once per file rather than once per line. */
    private byte[] fileKeyBytes(String fileKey) {
        if (!fileKey.equals(lastFileKey)) {
            lastFileKey = fileKey;
            lastFileKeyBytes = utf8(fileKey);
        }
        return lastFileKeyBytes;
    }

    private void closeQuietly() {
        if (producer != null) {
            try {
                producer.close(Duration.ZERO);
            } catch (KafkaException e) {
                LOG.debug("Closing the producer of {} failed", path, e);
            }
            producer = null;
        }
        if (follower != null) {
            try {
                follower.close();
            } catch (IOException e) {
                LOG.debug("Closing {} failed", path, e);
            }
            follower = null;
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The lines of one poll: begins the transaction with the first of them. */
    private final class Transaction implements LineSink {
        private final AtomicLong lastOffset = new AtomicLong(-1);
        private boolean begun;

        @Override
        public void accept(FollowedLine line) {
            if (!begun) {
                producer.beginTransaction();
                begun = true;
            }
            producer.send(record(line), this::acknowledged);
        }

        private void acknowledged(RecordMetadata metadata, Exception e) {
            if (e == null) {
                lastOffset.accumulateAndGet(metadata.offset(), Math::max);
            }
        }
    }
}
