package io.mailflow.generate;

import com.fasterxml.jackson.databind.MappingIterator;
import io.mailflow.json.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The ground truth of one generation run, read back from its {@code truth/} folder: what tests of
 * later layers compare their results with.
 *
 * @param deliveries every delivery, host by host, in the order they were queued
 * @param inbound every message received for a local mailbox
 * @param sessions every pop3 and imap session
 * @param damaged every damaged line
 * @param summary the totals
 */
public record GroundTruth(
        List<DeliveryTruth> deliveries,
        List<InboundTruth> inbound,
        List<SessionTruth> sessions,
        List<DamagedLine> damaged,
        GenerationSummary summary) {

    /**
     * Reads the truth that {@link LogGenerator#writeTo(Path)} wrote into {@code directory}.
     *
     * @throws IOException if a file is missing or is not what the generator writes
     */
    public static GroundTruth read(Path directory) throws IOException {
        Path truth = directory.resolve(LogGenerator.TRUTH_FOLDER);
        return new GroundTruth(
                readLines(truth.resolve(TruthWriter.DELIVERIES), DeliveryTruth.class),
                readLines(truth.resolve(TruthWriter.INBOUND), InboundTruth.class),
                readLines(truth.resolve(TruthWriter.SESSIONS), SessionTruth.class),
                readLines(truth.resolve(TruthWriter.DAMAGED), DamagedLine.class),
                Json.mapper()
                        .readValue(
                                truth.resolve(TruthWriter.SUMMARY).toFile(),
                                GenerationSummary.class));
    }

    private static <T> List<T> readLines(Path file, Class<T> type) throws IOException {
        try (MappingIterator<T> values = Json.mapper().readerFor(type).readValues(file.toFile())) {
            return values.readAll();
        }
    }
}
