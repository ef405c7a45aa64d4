package io.mailflow.it;

import io.mailflow.generate.DeliveryTruth;
import io.mailflow.generate.GroundTruth;
import io.mailflow.json.Json;
import io.mailflow.topology.OutcomeRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.streams.KeyValue;

/**
 * The outcome records of a run, key by key in the order they were written, and what exactly-once
 * means for them.
 *
 * <p>One key ({@code host/messageId/recipient}) carries the deliveries of a reused message ID one
 * after the other; a record with another queued time than the one before starts the next delivery.
 * A record is written whenever a line changes what the record shows, another attempt included, so a
 * <em>status change</em> is a record whose status differs from the previous record of the same
 * delivery, or the first record of a delivery. Each is named by the delivery's queued time, the old
 * and new status and the time of the line that caused it.
 */
final class OutcomeHistory {
    /** How many differing keys a failure shows. */
    private static final int SHOWN = 3;

    private final Map<String, List<String>> jsonByKey = new TreeMap<>();
    private final Map<String, List<OutcomeRecord>> recordsByKey = new TreeMap<>();

    /** The history of {@code records}, given in the order they were written per key. */
    OutcomeHistory(List<KeyValue<String, byte[]>> records) {
        for (KeyValue<String, byte[]> kv : records) {
            String json = new String(kv.value, StandardCharsets.UTF_8);
            jsonByKey.computeIfAbsent(kv.key, k -> new ArrayList<>()).add(json);
            recordsByKey.computeIfAbsent(kv.key, k -> new ArrayList<>()).add(parse(json));
        }
    }

    /** Per key, every record's JSON in the order written. */
    Map<String, List<String>> records() {
        return jsonByKey;
    }

    int size() {
        return jsonByKey.values().stream().mapToInt(List::size).sum();
    }

    /** Per key, the latest record of each delivery, as {@link #describe(OutcomeRecord)}. */
    Map<String, List<String>> latestPerDelivery() {
        Map<String, List<String>> latest = new TreeMap<>();
        recordsByKey.forEach(
                (key, records) -> {
                    List<String> deliveries = new ArrayList<>();
                    OutcomeRecord previous = null;
                    for (OutcomeRecord r : records) {
                        if (previous != null && sameDelivery(previous, r)) {
                            deliveries.set(deliveries.size() - 1, describe(r));
                        } else {
                            deliveries.add(describe(r));
                        }
                        previous = r;
                    }
                    latest.put(key, deliveries);
                });
        return latest;
    }

    /** Per key, the status changes of its deliveries in the order they were written. */
    Map<String, List<String>> statusChanges() {
        Map<String, List<String>> changes = new TreeMap<>();
        recordsByKey.forEach((key, records) -> changes.put(key, statusChangesOf(records)));
        return changes;
    }

    /** The keys whose records hold the same status change twice, with those changes. */
    Map<String, List<String>> repeatedStatusChanges() {
        Map<String, List<String>> repeated = new TreeMap<>();
        statusChanges()
                .forEach(
                        (key, changes) -> {
                            List<String> twice = repeats(changes);
                            if (!twice.isEmpty()) {
                                repeated.put(key, twice);
                            }
                        });
        return repeated;
    }

    /**
     * The keys with a record written twice: no line makes the pipeline write a record equal to an
     * earlier one of the same key, so a repeat is a line whose effect was written twice.
     */
    Map<String, List<String>> repeatedRecords() {
        Map<String, List<String>> repeated = new TreeMap<>();
        jsonByKey.forEach(
                (key, jsons) -> {
                    List<String> twice = repeats(jsons);
                    if (!twice.isEmpty()) {
                        repeated.put(key, twice);
                    }
                });
        return repeated;
    }

    /** Per key, each of its deliveries in the truth, in queued order, as {@link #describe}. */
    static Map<String, List<String>> expectedLatest(GroundTruth truth) {
        return truth.deliveries().stream()
                .sorted(Comparator.comparing(DeliveryTruth::queuedAt))
                .collect(
                        Collectors.groupingBy(
                                d -> d.host() + "/" + d.messageId() + "/" + d.recipient(),
                                TreeMap::new,
                                Collectors.mapping(OutcomeHistory::describe, Collectors.toList())));
    }

    /**
     * The keys on which {@code expected} and {@code actual} differ, with both sides for the first
     * few of them, so that a failure stays readable.
     */
    static List<String> differences(
            Map<String, List<String>> expected, Map<String, List<String>> actual) {
        Set<String> keys = new HashSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        List<String> differing =
                keys.stream()
                        .sorted()
                        .filter(k -> !Objects.equals(expected.get(k), actual.get(k)))
                        .toList();
        List<String> shown = new ArrayList<>();
        for (String k : differing.subList(0, Math.min(SHOWN, differing.size()))) {
            shown.add(k + "\n  expected: " + expected.get(k) + "\n  actual:   " + actual.get(k));
        }
        if (differing.size() > SHOWN) {
            shown.add("and " + (differing.size() - SHOWN) + " more keys");
        }
        return shown;
    }

    private static List<String> statusChangesOf(List<OutcomeRecord> records) {
        List<String> changes = new ArrayList<>();
        OutcomeRecord previous = null;
        for (OutcomeRecord r : records) {
            boolean newDelivery = previous == null || !sameDelivery(previous, r);
            if (newDelivery || previous.status() != r.status()) {
                String from = newDelivery ? "NEW" : previous.status().name();
                changes.add(r.queuedAt() + " " + from + "->" + r.status() + " at " + r.updatedAt());
            }
            previous = r;
        }
        return changes;
    }

    /**
     * A delivery whose queued line was not seen yet has no queued time; the record that brings one
     * belongs to the same delivery.
     */
    private static boolean sameDelivery(OutcomeRecord previous, OutcomeRecord next) {
        return previous.queuedAt() == null
                || next.queuedAt() == null
                || previous.queuedAt().equals(next.queuedAt());
    }

    private static List<String> repeats(List<String> values) {
        Set<String> seen = new HashSet<>();
        return values.stream().filter(v -> !seen.add(v)).toList();
    }

    private static OutcomeRecord parse(String json) {
        try {
            return Json.mapper().readValue(json, OutcomeRecord.class);
        } catch (IOException e) {
            throw new UncheckedIOException("an outcome record is not an OutcomeRecord", e);
        }
    }

    /** The fields the ground truth knows, in one line. */
    static String describe(DeliveryTruth d) {
        return join(
                d.sender(),
                d.origin(),
                d.clientIp(),
                d.queuedAt(),
                d.status(),
                d.errorCategory(),
                d.attempts(),
                d.completedAt());
    }

    static String describe(OutcomeRecord o) {
        return join(
                o.sender(),
                o.origin(),
                o.clientIp(),
                o.queuedAt(),
                o.status(),
                o.errorCategory(),
                o.attempts(),
                o.completedAt());
    }

    private static String join(Object... fields) {
        return Stream.of(fields).map(Objects::toString).collect(Collectors.joining(" "));
    }
}
