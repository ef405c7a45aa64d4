package io.mailflow.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.mailflow.generate.GeneratorSettings;
import io.mailflow.generate.LogGenerator;
import io.mailflow.runtime.ship.Checkpoints;
import io.mailflow.runtime.ship.FollowedFile;
import io.mailflow.runtime.ship.ShipClients;
import io.mailflow.runtime.ship.ShipSettings;
import io.mailflow.runtime.ship.Shipper;
import io.mailflow.topology.LineHeaders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mailflow ship} against a real broker: every line of a followed file lands on the lines
 * topic exactly once, through appends, rotation, restarts and a crash between a commit and its
 * checkpoint.
 */
@WithSharedKafka
class ShipIT {
    private static final String HOST = "mail01";
    private static final int PARTITIONS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir Path dir;

    private final KafkaCluster kafka;
    private String topic;
    private Path logs;
    private Path log;
    private Path checkpointDir;
    private List<Line> spareLines;
    private KafkaConsumer<byte[], byte[]> watcher;
    private int watched;

    ShipIT(KafkaCluster kafka) {
        this.kafka = kafka;
    }

    @BeforeEach
    void generateLogsAndTopic() throws Exception {
        topic = kafka.uniqueTopic("ship-lines");
        try (Admin admin = kafka.admin()) {
            admin.createTopics(List.of(new NewTopic(topic, PARTITIONS, (short) 1))).all().get();
        }
        logs = dir.resolve("logs");
        new LogGenerator(GeneratorSettings.of(1, 800)).writeTo(logs);
        log = logs.resolve(HOST + ".log");
        checkpointDir = dir.resolve("checkpoints");
        Path spare = dir.resolve("spare");
        new LogGenerator(GeneratorSettings.of(1, 300).withSeed(2)).writeTo(spare);
        spareLines = linesIn(spare.resolve(HOST + ".log"));
    }

    @AfterEach
    void closeWatcher() {
        if (watcher != null) {
            watcher.close();
        }
    }

    @Test
    void backfillAppendRotateStopAppendRestart_shipsEveryLineOnceInOrder() throws Exception {
        try (RunningShipper shipper = start(true)) {
            awaitLinesOnTopic(linesIn(log).size());
            append(log, 0, 100);
            awaitLinesOnTopic(linesIn(log).size());

            Path rotated = logs.resolve(HOST + ".log.1");
            Files.move(log, rotated);
            append(rotated, 100, 120);
            append(log, 120, 170);
            awaitLinesOnTopic(linesIn(rotated).size() + linesIn(log).size());
        }
        append(log, 170, 260);
        try (RunningShipper shipper = start(false)) {
            awaitLinesOnTopic(totalLines());
        }

        assertTopicHoldsEachLineOnce();
    }

    @Test
    void checkpointOlderThanTheTopic_resendsNothingAndSkipsNothing() throws Exception {
        Path staleCheckpoint = dir.resolve("stale.json");
        try (RunningShipper shipper = start(true)) {
            awaitLinesOnTopic(linesIn(log).size());
            Files.copy(checkpointFile(), staleCheckpoint);
            append(log, 0, 200);
            awaitLinesOnTopic(linesIn(log).size());
        }
        // As if the shipper died after its last commit, before the checkpoint of that commit.
        Files.copy(staleCheckpoint, checkpointFile(), StandardCopyOption.REPLACE_EXISTING);
        append(log, 200, 230);

        try (RunningShipper shipper = start(false)) {
            awaitLinesOnTopic(totalLines());
        }

        assertTopicHoldsEachLineOnce();
    }

    @Test
    void checkpointOlderThanARotation_resumesInTheNewFile() throws Exception {
        Path staleCheckpoint = dir.resolve("stale.json");
        Path rotated = logs.resolve(HOST + ".log.1");
        try (RunningShipper shipper = start(true)) {
            awaitLinesOnTopic(linesIn(log).size());
            Files.copy(checkpointFile(), staleCheckpoint);
            Files.move(log, rotated);
            append(log, 0, 120);
            awaitLinesOnTopic(linesIn(rotated).size() + linesIn(log).size());
        }
        Files.copy(staleCheckpoint, checkpointFile(), StandardCopyOption.REPLACE_EXISTING);
        append(log, 120, 140);

        try (RunningShipper shipper = start(false)) {
            awaitLinesOnTopic(totalLines());
        }

        assertTopicHoldsEachLineOnce();
    }

    @Test
    void transactionLeftOpenByADeadShipper_isAbortedAndNeverRead() throws Exception {
        try (RunningShipper shipper = start(true)) {
            awaitLinesOnTopic(linesIn(log).size());
        }
        leaveOpenTransactionOfTheShipper("a line a crashed shipper never committed");
        append(log, 0, 50);

        try (RunningShipper shipper = start(false)) {
            awaitLinesOnTopic(totalLines());
        }

        assertTopicHoldsEachLineOnce();
    }

    @Test
    void secondShipperWithTheSameCheckpoints_stopsAtOnce() throws Exception {
        try (RunningShipper first = start(true)) {
            awaitLinesOnTopic(linesIn(log).size());
            try (RunningShipper second = start(false)) {
                assertThat(second.awaitFailure())
                        .hasMessageStartingWith(
                                "another mailflow ship is following " + Checkpoints.absolute(log));
            }
            append(log, 0, 20);
            awaitLinesOnTopic(totalLines());
        }

        assertTopicHoldsEachLineOnce();
    }

    @Test
    void twoShippersOfTheSameFileFencingEachOther_stillShipEachLineOnce() throws Exception {
        try (RunningShipper first = start(true)) {
            awaitLinesOnTopic(linesIn(log).size());
            try (RunningShipper second = start(false, dir.resolve("other-checkpoints"))) {
                awaitStarted(second);
                for (int from = 0; from < 100; from += 20) {
                    append(log, from, from + 20);
                    Thread.sleep(300);
                }
                awaitLinesOnTopic(totalLines());
                // Fenced, a shipper either stops or starts over; either is fine here.
                second.tolerateFailure();
            }
            first.tolerateFailure();
        }

        assertTopicHoldsEachLineOnce();
    }

    @Test
    void topicCreatedAfterTheShipperStarted_getsEveryLine() throws Exception {
        String late = kafka.uniqueTopic("late-lines");
        topic = late;
        try (RunningShipper shipper = start(true)) {
            Thread.sleep(500);
            try (Admin admin = kafka.admin()) {
                admin.createTopics(List.of(new NewTopic(late, PARTITIONS, (short) 1))).all().get();
            }
            awaitLinesOnTopic(totalLines());
        }

        assertTopicHoldsEachLineOnce();
    }

    /** Waits until the shipper has read its file to the end once. */
    private static void awaitStarted(RunningShipper shipper) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!shipper.shipper.progress().backfilled()) {
            assertThat(System.nanoTime()).as("shipper started in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Starts a shipper of {@link #log} with short polls and small transactions. */
    private RunningShipper start(boolean fromStart) throws Exception {
        return start(fromStart, checkpointDir);
    }

    private RunningShipper start(boolean fromStart, Path checkpoints) throws Exception {
        ShipSettings settings =
                new ShipSettings(
                        kafka.bootstrapServers(),
                        topic,
                        List.of(new FollowedFile(log, HOST)),
                        fromStart,
                        Map.of(),
                        Duration.ofMillis(100),
                        1_000);
        return new RunningShipper(new Shipper(settings, Checkpoints.in(checkpoints)));
    }

    private Path checkpointFile() throws Exception {
        return Checkpoints.in(checkpointDir).fileOf(log);
    }

    /** Appends the spare lines {@code [from, to)}, each with its newline. */
    private void append(Path file, int from, int to) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (Line line : spareLines.subList(from, to)) {
            bytes.write(line.bytes());
            bytes.write('\n');
        }
        Files.write(
                file, bytes.toByteArray(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private void leaveOpenTransactionOfTheShipper(String line) {
        String id = ShipClients.transactionalId(HOST, Checkpoints.absolute(log));
        Map<String, Object> config =
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        id);
        KafkaProducer<byte[], byte[]> dead =
                new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
        dead.initTransactions();
        dead.beginTransaction();
        int partition = ShipClients.partitionOf(HOST, PARTITIONS);
        dead.send(
                new ProducerRecord<>(topic, partition, HOST.getBytes(UTF_8), line.getBytes(UTF_8)));
        dead.flush();
        // Closed without commit or abort, as a killed process would leave it.
        dead.close(Duration.ZERO);
    }

    /** Every line of the files now in the log directory. */
    private int totalLines() throws IOException {
        int total = 0;
        for (Path file : logFiles()) {
            total += linesIn(file).size();
        }
        return total;
    }

    private List<Path> logFiles() throws IOException {
        try (var files = Files.list(logs)) {
            // mail01.log.1 before mail01.log: the order the shipper reads them in
            return files.filter(Files::isRegularFile).sorted(Comparator.reverseOrder()).toList();
        }
    }

    /** Waits until the topic holds {@code expected} committed lines, or more. */
    private void awaitLinesOnTopic(int expected) {
        if (watcher == null) {
            watcher = consumer();
            watcher.assign(partitions());
            watcher.seekToBeginning(partitions());
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (watched < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "expected "
                                + expected
                                + " lines on "
                                + topic
                                + " within "
                                + TIMEOUT
                                + ", saw "
                                + watched);
            }
            watched += watcher.poll(Duration.ofMillis(100)).count();
        }
    }

    /**
     * The topic holds, per file, the file's lines in order, each once, with their headers; all in
     * the host's partition, keyed by host.
     */
    private void assertTopicHoldsEachLineOnce() throws IOException {
        List<ConsumerRecord<byte[], byte[]>> records = readTopic();
        int partition = ShipClients.partitionOf(HOST, PARTITIONS);
        List<String> fileKeysInOrder = new ArrayList<>();
        int total = 0;
        for (Path file : logFiles()) {
            String key = fileKey(file);
            List<ConsumerRecord<byte[], byte[]>> ofFile =
                    records.stream()
                            .filter(r -> key.equals(header(r, LineHeaders.FILE_KEY)))
                            .toList();
            List<Line> lines = linesIn(file);
            assertThat(ofFile).as("records of %s", file).hasSize(lines.size());
            for (int i = 0; i < lines.size(); i++) {
                ConsumerRecord<byte[], byte[]> r = ofFile.get(i);
                assertThat(r.partition()).isEqualTo(partition);
                assertThat(new String(r.key(), UTF_8)).isEqualTo(HOST);
                assertThat(header(r, LineHeaders.HOST)).isEqualTo(HOST);
                assertThat(header(r, LineHeaders.FILE)).isEqualTo(Checkpoints.absolute(log));
                assertThat(header(r, LineHeaders.OFFSET))
                        .isEqualTo(Long.toString(lines.get(i).offset()));
                assertThat(r.value()).as("line %d of %s", i, file).isEqualTo(lines.get(i).bytes());
            }
            fileKeysInOrder.add(key);
            total += lines.size();
        }
        assertThat(records).hasSize(total);
        assertThat(records.stream().map(r -> header(r, LineHeaders.FILE_KEY)).distinct())
                .as("the files one after the other, the rotated one first")
                .containsExactlyElementsOf(fileKeysInOrder);
    }

    /** Every committed record of the topic, in partition and offset order. */
    private List<ConsumerRecord<byte[], byte[]>> readTopic() {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.assign(partitions());
            consumer.seekToBeginning(partitions());
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions());
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions().stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("cannot read " + topic + " to its end");
                }
                consumer.poll(Duration.ofMillis(100)).forEach(records::add);
            }
        }
        records.sort(
                Comparator.comparingInt((ConsumerRecord<byte[], byte[]> r) -> r.partition())
                        .thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    private List<TopicPartition> partitions() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < PARTITIONS; p++) {
            partitions.add(new TopicPartition(topic, p));
        }
        return partitions;
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config =
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        10_000);
        return new KafkaConsumer<>(
                config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static String header(ConsumerRecord<byte[], byte[]> r, String name) {
        Header header = r.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), UTF_8);
    }

    private static String fileKey(Path file) throws IOException {
        return String.valueOf(Files.readAttributes(file, BasicFileAttributes.class).fileKey());
    }

    /** The file's complete lines, split the way the shipper documents it. */
    private static List<Line> linesIn(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<Line> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                lines.add(new Line(start, Arrays.copyOfRange(bytes, start, end)));
                start = i + 1;
            }
        }
        return lines;
    }

    private record Line(long offset, byte[] bytes) {}

    /** A shipper running on its own thread until closed, which stops it the way SIGTERM does. */
    private static final class RunningShipper implements AutoCloseable {
        private final Shipper shipper;
        private final Thread thread;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private boolean failureExpected;

        RunningShipper(Shipper shipper) {
            this.shipper = shipper;
            this.thread = new Thread(this::run, "ship-it");
            thread.start();
        }

        private void run() {
            try {
                shipper.run();
            } catch (Exception e) {
                failure.set(e);
            }
        }

        /** Waits for the shipper to stop by itself, and returns why it did. */
        Throwable awaitFailure() {
            join();
            assertThat(failure.get()).as("why the shipper stopped").isNotNull();
            failureExpected = true;
            return failure.get();
        }

        void tolerateFailure() {
            failureExpected = true;
        }

        @Override
        public void close() {
            shipper.stop();
            join();
            if (!failureExpected) {
                assertThat(failure.get()).isNull();
            }
        }

        private void join() {
            try {
                thread.join(TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(thread.isAlive()).as("shipper still running").isFalse();
        }
    }
}
