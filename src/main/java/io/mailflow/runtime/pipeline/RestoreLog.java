package io.mailflow.runtime.pipeline;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.StateRestoreListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts what Kafka Streams restores from the changelogs into the local stores, and logs it: each
 * store partition at DEBUG, the total at INFO once the instance runs. After a crash or a rebalance,
 * these counts say how much state had to be rebuilt before processing went on.
 *
 * <p>Every stream thread restores its own tasks, so the counts are updated concurrently.
 */
final class RestoreLog implements StateRestoreListener {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreLog.class);

    private final AtomicLong records = new AtomicLong();
    private final AtomicLong storePartitions = new AtomicLong();
    private final AtomicLong sinceLastReport = new AtomicLong();
    private final AtomicLong firstStartNanos = new AtomicLong();

    @Override
    public void onRestoreStart(
            TopicPartition changelog, String store, long startOffset, long endOffset) {
        firstStartNanos.compareAndSet(0, System.nanoTime());
        LOG.debug(
                "Restoring store {} from {} offsets {} to {}",
                store,
                changelog,
                startOffset,
                endOffset);
    }

    @Override
    public void onBatchRestored(
            TopicPartition changelog, String store, long batchEndOffset, long restored) {
        records.addAndGet(restored);
        sinceLastReport.addAndGet(restored);
    }

    @Override
    public void onRestoreEnd(TopicPartition changelog, String store, long totalRestored) {
        storePartitions.incrementAndGet();
        LOG.debug("Restored {} records of store {} from {}", totalRestored, store, changelog);
    }

    @Override
    public void onRestoreSuspended(TopicPartition changelog, String store, long totalRestored) {
        LOG.debug(
                "Stopped restoring store {} from {} after {} records: the task moved",
                store,
                changelog,
                totalRestored);
    }

    /** Every record restored since this instance started. */
    long restoredRecords() {
        return records.get();
    }

    /** Logs what was restored since the last report, if anything; called when processing starts. */
    void report() {
        long restored = sinceLastReport.getAndSet(0);
        long began = firstStartNanos.getAndSet(0);
        if (restored == 0 && began == 0) {
            return;
        }
        long tookMs = began == 0 ? 0 : (System.nanoTime() - began) / 1_000_000;
        LOG.info(
                "Restored {} changelog records in {} ms; {} store partitions restored since start",
                restored,
                tookMs,
                storePartitions.get());
    }
}
