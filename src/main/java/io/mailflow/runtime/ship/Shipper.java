package io.mailflow.runtime.ship;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ships log files to the lines topic, each line exactly once, until stopped.
 *
 * <h2>Records</h2>
 *
 * Each complete line becomes one record: key the host, value the line's bytes without terminator,
 * headers {@code host}, {@code file} (the absolute path followed), {@code offset} (of the line in
 * the file) and {@code file-key} (the file's device and inode, which tell a rotated file from its
 * successor); see {@link io.mailflow.topology.LineHeaders}. All files of a host go to the partition
 * Kafka's default partitioner picks for the host, so that the host's lines keep their order.
 *
 * <h2>Neither skipping nor resending a line</h2>
 *
 * Each file has its own transactional producer, its transactional id derived from host and path
 * ({@link ShipClients#transactionalId}). A file is shipped in rounds: read up to {@link
 * ShipSettings#linesPerTransaction()} lines, send them in one transaction, commit, then write the
 * file's checkpoint ({@link Checkpoints}): the position after the last line, and the partition
 * offset after the last record committed. Lines are thus on the topic before the checkpoint says
 * so. A crash between the commit and the checkpoint leaves a checkpoint that is one round behind,
 * so a restart does not trust it alone:
 *
 * <ol>
 *   <li>{@code initTransactions()} with the same transactional id fences any shipper still running
 *       the file and aborts the round it left open: its lines will never be read.
 *   <li>The partition is read with {@code read_committed} from the checkpoint's partition offset to
 *       the partition's end. A record of this host and path found there was committed after the
 *       checkpoint was written; the last one names the file and offset of the last line shipped,
 *       and shipping resumes after its line terminator, which is looked up in the file. With none
 *       found, the checkpoint is up to date, and shipping resumes at its position.
 * </ol>
 *
 * Since records after the checkpoint's partition offset are newer than the checkpoint, this is the
 * larger of the two positions, and the scan is only as long as the records written since the last
 * checkpoint. A failed commit or any other Kafka error is handled the same way: the file's shipper
 * starts over from the checkpoint and the topic, never guessing which round made it.
 *
 * <p>A file without a checkpoint is read from its end (or from its start with {@link
 * ShipSettings#fromStart()}), and gets its checkpoint before its first line is sent. A checkpoint
 * for another topic is resumed from without a look at the topic.
 *
 * <p>Each file is locked in the checkpoint directory while shipped, so a second shipper of it there
 * stops at once. Two shippers with separate checkpoint directories fence each other in turn; since
 * each starts over from the topic, every line still goes out once.
 */
public final class Shipper {
    private static final long TOPIC_LOOKUP_SECONDS = 60;
    private static final Duration TOPIC_RETRY = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(Shipper.class);

    private final ShipSettings settings;
    private final Checkpoints checkpoints;
    private final StopSignal stop = new StopSignal();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final List<FileShipper> shippers = new ArrayList<>();

    public Shipper(ShipSettings settings, Checkpoints checkpoints) {
        this.settings = Objects.requireNonNull(settings, "settings can't be null");
        this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints can't be null");
    }

    /**
     * Ships until {@link #stop()} is called, then commits what was sent and writes the checkpoints.
     *
     * @throws ShipperException if the topic cannot be looked up, or a file cannot be shipped for a
     *     reason that retrying would not change (e.g. authorization, or another shipper took the
     *     file over); a topic that does not exist yet is waited for
     */
    public void run() throws ShipperException, InterruptedException {
        try (Admin admin = Admin.create(ShipClients.admin(settings))) {
            int partitions;
            try {
                partitions = partitionCount(admin);
            } catch (InterruptedException e) {
                LOG.info("Stopped before the topic {} appeared", settings.topic());
                return;
            }
            Reconciler reconciler =
                    new Reconciler(
                            admin,
                            ShipClients.consumer(settings, "mailflow-ship-reconcile"),
                            stop::requested);
            List<Thread> threads = new ArrayList<>();
            for (FollowedFile file : settings.files()) {
                int partition = ShipClients.partitionOf(file.host(), partitions);
                FileShipper shipper =
                        new FileShipper(file, settings, partition, checkpoints, reconciler, stop);
                synchronized (shippers) {
                    shippers.add(shipper);
                }
                Thread thread = new Thread(shipper, "ship-" + file.path().getFileName());
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            throwFirstFatal();
        } finally {
            finished.countDown();
        }
    }

    /** Asks {@link #run()} to finish; returns at once. */
    public void stop() {
        stop.request();
    }

    /**
     * Waits up to {@code seconds} for {@link #run()} to return.
     *
     * @return true if it did
     */
    public boolean awaitFinished(long seconds) throws InterruptedException {
        return finished.await(seconds, TimeUnit.SECONDS);
    }

    /** The progress of the backfill, summed over the files. */
    public ShipProgress progress() {
        long lines = 0;
        long bytesRead = 0;
        long backfillBytes = 0;
        long startedAt = Long.MAX_VALUE;
        long caughtUpAt = 0;
        boolean backfilled;
        synchronized (shippers) {
            backfilled = shippers.size() == settings.files().size();
            for (FileShipper s : shippers) {
                lines += s.backfillLines();
                bytesRead += s.backfillBytesRead();
                backfillBytes += Math.max(0, s.backfillBytes());
                startedAt = s.startedAt() == 0 ? startedAt : Math.min(startedAt, s.startedAt());
                caughtUpAt = Math.max(caughtUpAt, s.caughtUpAt());
                backfilled &= s.caughtUpAt() != 0;
            }
        }
        long end = backfilled ? caughtUpAt : System.nanoTime();
        Duration elapsed =
                startedAt == Long.MAX_VALUE ? Duration.ZERO : Duration.ofNanos(end - startedAt);
        return new ShipProgress(lines, bytesRead, backfillBytes, elapsed, backfilled);
    }

    /**
     * The topic's partition count. A topic that does not exist yet is waited for, since the
     * pipeline may be starting beside the shipper and create it.
     */
    private int partitionCount(Admin admin) throws ShipperException, InterruptedException {
        String topic = settings.topic();
        boolean warned = false;
        while (true) {
            OptionalInt partitions = describe(admin, topic);
            if (partitions.isPresent()) {
                LOG.info(
                        "Shipping {} file(s) to {} ({} partitions) at {}",
                        settings.files().size(),
                        topic,
                        partitions.getAsInt(),
                        settings.bootstrapServers());
                return partitions.getAsInt();
            }
            if (!warned) {
                warned = true;
                LOG.warn(
                        "The topic {} does not exist at {}; waiting for it to be created (e.g. by"
                                + " mailflow run --create-topics)",
                        topic,
                        settings.bootstrapServers());
            }
            stop.sleep(TOPIC_RETRY);
            if (stop.requested()) {
                throw new InterruptedException("stopped while waiting for the topic " + topic);
            }
        }
    }

    /** The topic's partition count, or empty if it does not exist. */
    private OptionalInt describe(Admin admin, String topic)
            throws ShipperException, InterruptedException {
        try {
            TopicDescription description =
                    admin.describeTopics(List.of(topic))
                            .allTopicNames()
                            .get(TOPIC_LOOKUP_SECONDS, TimeUnit.SECONDS)
                            .get(topic);
            return OptionalInt.of(description.partitions().size());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return OptionalInt.empty();
            }
            throw new ShipperException(
                    "cannot look up the topic " + topic + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new ShipperException(
                    "no answer from the Kafka brokers at "
                            + settings.bootstrapServers()
                            + " within "
                            + TOPIC_LOOKUP_SECONDS
                            + " s",
                    e);
        }
    }

    private void throwFirstFatal() throws ShipperException {
        for (FileShipper s : shippers) {
            if (s.fatal() != null) {
                throw s.fatal();
            }
        }
    }
}
