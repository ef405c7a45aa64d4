package io.mailflow.runtime.ship;

import io.mailflow.topology.LineHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the last line of a file that reached the lines topic, so that a restart resumes after it
 * even when the checkpoint was not written after the last commit. Reads a host's partition with
 * {@code read_committed} from the offset a checkpoint names: aborted lines are not there, and
 * committed ones are, in the order they were shipped.
 */
final class Reconciler {
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration WARN_EVERY = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final Admin admin;
    private final Map<String, Object> consumerConfig;
    private final BooleanSupplier stopping;

    Reconciler(Admin admin, Map<String, Object> consumerConfig, BooleanSupplier stopping) {
        this.admin = admin;
        this.consumerConfig = consumerConfig;
        this.stopping = stopping;
    }

    /**
     * The offset after the partition's last record, committed or not: every record a shipper sends
     * from now on lies at or after it.
     */
    long endOffset(TopicPartition partition) throws InterruptedException {
        ListOffsetsOptions uncommitted = new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED);
        try {
            return admin.listOffsets(Map.of(partition, OffsetSpec.latest()), uncommitted)
                    .partitionResult(partition)
                    .get()
                    .offset();
        } catch (ExecutionException e) {
            throw new KafkaException(
                    "cannot find the end offset of " + partition + ": " + e.getCause(),
                    e.getCause());
        }
    }

    /**
     * The last line of {@code path} from {@code host} committed in {@code [from, end)} of {@code
     * partition}. Waits while transactions still open hold back committed records before {@code
     * end}; those end within the producers' transaction timeout.
     *
     * @return the line, or empty if none of the file's lines is there
     * @throws InterruptedException if the shipper is stopped meanwhile
     */
    Optional<ShippedLine> lastLine(
            TopicPartition partition, long from, long end, String host, String path)
            throws InterruptedException {
        if (from >= end) {
            return Optional.empty();
        }
        LOG.info(
                "Looking for lines of {} committed at offsets {} to {} of {}",
                path,
                from,
                end,
                partition);
        byte[] key = host.getBytes(StandardCharsets.UTF_8);
        byte[] file = path.getBytes(StandardCharsets.UTF_8);
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(
                        consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, from);
            return scan(consumer, partition, end, key, file);
        }
    }

    private Optional<ShippedLine> scan(
            KafkaConsumer<byte[], byte[]> consumer,
            TopicPartition partition,
            long end,
            byte[] key,
            byte[] file)
            throws InterruptedException {
        ShippedLine last = null;
        long warnAt = System.nanoTime() + WARN_EVERY.toNanos();
        while (consumer.position(partition) < end) {
            if (stopping.getAsBoolean()) {
                throw new InterruptedException("stopped while reading " + partition);
            }
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            for (ConsumerRecord<byte[], byte[]> r : records.records(partition)) {
                if (r.offset() < end && isLineOf(r, key, file)) {
                    last = shippedLine(r);
                }
            }
            if (System.nanoTime() > warnAt) {
                warnAt = System.nanoTime() + WARN_EVERY.toNanos();
                LOG.warn(
                        "Still waiting for open transactions on {} to end before offset {} (at"
                                + " {})",
                        partition,
                        end,
                        consumer.position(partition));
            }
        }
        return Optional.ofNullable(last);
    }

    private static boolean isLineOf(ConsumerRecord<byte[], byte[]> r, byte[] key, byte[] file) {
        Header fileHeader = r.headers().lastHeader(LineHeaders.FILE);
        return Arrays.equals(r.key(), key)
                && fileHeader != null
                && Arrays.equals(fileHeader.value(), file);
    }

    private static ShippedLine shippedLine(ConsumerRecord<byte[], byte[]> r) {
        String offset = header(r, LineHeaders.OFFSET);
        String fileKey = header(r, LineHeaders.FILE_KEY);
        if (offset != null && fileKey != null) {
            try {
                return new ShippedLine(
                        fileKey, Long.parseLong(offset), r.value().length, r.offset());
            } catch (NumberFormatException e) {
                throw notShipped(r, offset, e);
            }
        }
        throw notShipped(r, offset, null);
    }

    private static KafkaException notShipped(
            ConsumerRecord<byte[], byte[]> r, String offset, Throwable cause) {
        return new KafkaException(
                "the record at offset "
                        + r.offset()
                        + " of "
                        + r.topic()
                        + "-"
                        + r.partition()
                        + " has header "
                        + LineHeaders.OFFSET
                        + "="
                        + offset
                        + " and "
                        + (r.headers().lastHeader(LineHeaders.FILE_KEY) == null ? "no " : "a ")
                        + LineHeaders.FILE_KEY
                        + " header; expected the decimal byte offset and the file identity that"
                        + " mailflow ship writes",
                cause);
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header header = r.headers().lastHeader(name);
        return header == null ? null : text(header.value());
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
