package io.mailflow.runtime.http;

import io.mailflow.core.delivery.Attempt;
import io.mailflow.core.delivery.Delivery;
import io.mailflow.core.delivery.DeliveryStatus;
import io.mailflow.topology.OutcomeRecord;
import io.mailflow.topology.StoreKeys;
import java.util.List;
import java.util.Map;

/**
 * The records the API answers with, and that instances send each other. One instance reads them
 * from its stores; another, asked by a client, may receive them as JSON and read them back.
 */
final class Views {
    private Views() {}

    /**
     * One delivery as the API shows it: its outcome, as on the outcomes topic, and the failed
     * attempts kept in the store.
     *
     * @param key {@code host/messageId/recipient}, as on the outcomes topic
     * @param outcome the fields of the latest outcome record
     * @param failures failed attempts, oldest first; long histories keep the first and the latest
     * @param failuresNotKept failed attempts left out of {@code failures}
     */
    record DeliveryView(
            String key, OutcomeRecord outcome, List<Attempt> failures, int failuresNotKept) {
        static DeliveryView of(Delivery delivery) {
            return new DeliveryView(
                    StoreKeys.outcome(delivery.key()),
                    OutcomeRecord.of(delivery),
                    delivery.failures().kept(),
                    delivery.failures().dropped());
        }
    }

    /** All recipients of one message, from one partition. */
    record MessageAnswer(
            String host, long messageId, List<DeliveryView> deliveries, boolean stale) {}

    /**
     * A part of one partition's deliveries, in store-key order.
     *
     * @param items the deliveries that passed the filter
     * @param lastKey the store key of the last delivery read, matching or not; null if none
     * @param exhausted whether the partition has nothing after {@code lastKey}
     * @param stale whether a standby or restoring copy answered
     */
    record PartitionPage(
            List<DeliveryView> items, String lastKey, boolean exhausted, boolean stale) {}

    /** Counts per status, e.g. of one domain, and whether any part came from a stale copy. */
    record StatusCounts(Map<DeliveryStatus, Long> counts, boolean stale) {}

    /** Counts per status of every recipient domain in one partition. */
    record DomainCounts(Map<String, Map<DeliveryStatus, Long>> byDomain, boolean stale) {}

    /** Error lines of one host and category in the hour starting at {@code hour}. */
    record HourCount(String hour, String host, String category, long count) {}

    /** Hourly error counts, and whether any part came from a stale copy. */
    record HourCounts(List<HourCount> counts, boolean stale) {}
}
