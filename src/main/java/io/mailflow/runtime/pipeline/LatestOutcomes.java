package io.mailflow.runtime.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.mailflow.core.delivery.DeliveryStatus;
import io.mailflow.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The latest outcome of each delivery among the records of the outcomes topic, read in offset
 * order. A record key names a host, a message ID and a recipient; Web Crossing reuses message IDs,
 * so one key can carry several deliveries one after the other, told apart by their queued time.
 */
final class LatestOutcomes {
    private final Map<String, List<Outcome>> byKey = new LinkedHashMap<>();

    /** One outcome record: its JSON as written to the topic, with the fields replay looks at. */
    record Outcome(byte[] json, String queuedAt, DeliveryStatus status) {}

    /**
     * Takes the next outcome record of {@code key}; a null value (a tombstone) forgets the key.
     *
     * @throws UncheckedIOException if {@code json} is not an outcome record
     */
    void accept(String key, byte[] json) {
        if (json == null) {
            byKey.remove(key);
            return;
        }
        Outcome outcome = read(json);
        List<Outcome> deliveries = byKey.computeIfAbsent(key, k -> new ArrayList<>());
        int last = deliveries.size() - 1;
        if (last >= 0 && sameDelivery(deliveries.get(last), outcome)) {
            deliveries.set(last, outcome);
        } else {
            deliveries.add(outcome);
        }
    }

    /** The latest outcome of every delivery, key by key in the order keys first appeared. */
    List<Outcome> latest() {
        return byKey.values().stream().flatMap(List::stream).toList();
    }

    /** How many deliveries have each status, every status listed. */
    Map<DeliveryStatus, Long> countByStatus() {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        for (DeliveryStatus status : DeliveryStatus.values()) {
            counts.put(status, 0L);
        }
        latest().forEach(o -> counts.merge(o.status(), 1L, Long::sum));
        return counts;
    }

    /**
     * A delivery whose queued line was not seen yet has no queued time; the outcome that brings one
     * belongs to the same delivery.
     */
    private static boolean sameDelivery(Outcome previous, Outcome next) {
        return previous.queuedAt() == null
                || next.queuedAt() == null
                || Objects.equals(previous.queuedAt(), next.queuedAt());
    }

    private static Outcome read(byte[] json) {
        try {
            JsonNode node = Json.mapper().readTree(json);
            JsonNode queuedAt = node.get("queuedAt");
            String queued = queuedAt == null || queuedAt.isNull() ? null : queuedAt.asText();
            return new Outcome(json, queued, DeliveryStatus.valueOf(node.get("status").asText()));
        } catch (IOException | RuntimeException e) {
            throw new UncheckedIOException(
                    "an outcome record is not the JSON the pipeline writes",
                    e instanceof IOException io ? io : new IOException(e));
        }
    }
}
