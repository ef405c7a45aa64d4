package io.mailflow.runtime.http;

import io.mailflow.core.delivery.Delivery;
import io.mailflow.core.delivery.DeliveryStatus;
import io.mailflow.runtime.http.Views.DeliveryView;
import io.mailflow.runtime.http.Views.DomainCounts;
import io.mailflow.runtime.http.Views.HourCount;
import io.mailflow.runtime.http.Views.HourCounts;
import io.mailflow.runtime.http.Views.MessageAnswer;
import io.mailflow.runtime.http.Views.PartitionPage;
import io.mailflow.runtime.http.Views.StatusCounts;
import io.mailflow.topology.DeliveryTopology;
import io.mailflow.topology.StoreKeys;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

/**
 * Reads one partition of this instance's stores. Asked with {@code stale} false, it answers only
 * from the active copy; with {@code stale} true, from a standby or restoring copy too. A partition
 * this instance does not hold is a 503, which tells the asking instance to try another owner.
 */
final class LocalStores {
    private static final StringSerializer KEYS = new StringSerializer();

    private final KafkaStreams streams;

    LocalStores(KafkaStreams streams) {
        this.streams = streams;
    }

    MessageAnswer message(int partition, String host, long messageId, boolean stale) {
        List<DeliveryView> found = new ArrayList<>();
        ReadOnlyKeyValueStore<String, Delivery> store = deliveries(partition, stale);
        try (KeyValueIterator<String, Delivery> it =
                store.prefixScan(StoreKeys.messagePrefix(host, messageId), KEYS)) {
            it.forEachRemaining(entry -> found.add(DeliveryView.of(entry.value)));
        }
        return new MessageAnswer(host, messageId, found, stale);
    }

    /**
     * Up to {@code limit} deliveries that pass {@code filter}, after store key {@code after}
     * (exclusive; null for the start), reading at most {@code scanBudget} entries.
     */
    PartitionPage page(
            int partition,
            String after,
            DeliveryFilter filter,
            int limit,
            int scanBudget,
            boolean stale) {
        ReadOnlyKeyValueStore<String, Delivery> store = deliveries(partition, stale);
        List<DeliveryView> items = new ArrayList<>();
        String lastKey = after;
        int scanned = 0;
        try (KeyValueIterator<String, Delivery> it = scan(store, after, filter)) {
            while (it.hasNext()) {
                if (items.size() == limit || scanned == scanBudget) {
                    return new PartitionPage(items, lastKey, false, stale);
                }
                KeyValue<String, Delivery> entry = it.next();
                if (after != null && entry.key.compareTo(after) <= 0) {
                    continue;
                }
                scanned++;
                lastKey = entry.key;
                if (filter.test(entry.value)) {
                    items.add(DeliveryView.of(entry.value));
                }
            }
        }
        return new PartitionPage(items, lastKey, true, stale);
    }

    StatusCounts domainCounts(int partition, String domain, boolean stale) {
        Map<DeliveryStatus, Long> counts = new EnumMap<>(DeliveryStatus.class);
        try (KeyValueIterator<String, Long> it =
                domainStore(partition, stale).prefixScan(StoreKeys.domainPrefix(domain), KEYS)) {
            it.forEachRemaining(e -> counts.merge(statusOf(e.key), e.value, Long::sum));
        }
        return new StatusCounts(counts, stale);
    }

    DomainCounts allDomainCounts(int partition, boolean stale) {
        Map<String, Map<DeliveryStatus, Long>> byDomain = new TreeMap<>();
        try (KeyValueIterator<String, Long> it = domainStore(partition, stale).all()) {
            it.forEachRemaining(
                    e ->
                            byDomain.computeIfAbsent(
                                            domainOf(e.key),
                                            d -> new EnumMap<>(DeliveryStatus.class))
                                    .merge(statusOf(e.key), e.value, Long::sum));
        }
        return new DomainCounts(byDomain, stale);
    }

    HourCounts errorCounts(int partition, String host, Instant from, Instant to, boolean stale) {
        ReadOnlyWindowStore<String, Long> store =
                store(
                        DeliveryTopology.ERROR_COUNTS_STORE,
                        QueryableStoreTypes.windowStore(),
                        partition,
                        stale);
        List<HourCount> counts = new ArrayList<>();
        try (KeyValueIterator<Windowed<String>, Long> it = store.fetchAll(from, to)) {
            while (it.hasNext()) {
                KeyValue<Windowed<String>, Long> entry = it.next();
                String[] parts = entry.key.key().split("\u0000", 2);
                if (host == null || host.equals(parts[0])) {
                    counts.add(
                            new HourCount(
                                    entry.key.window().startTime().toString(),
                                    parts[0],
                                    parts[1],
                                    entry.value));
                }
            }
        }
        return new HourCounts(counts, stale);
    }

    private static KeyValueIterator<String, Delivery> scan(
            ReadOnlyKeyValueStore<String, Delivery> store, String after, DeliveryFilter filter) {
        if (filter.host() != null) {
            return store.prefixScan(filter.host() + '\u0000', KEYS);
        }
        return store.range(after, null);
    }

    private ReadOnlyKeyValueStore<String, Delivery> deliveries(int partition, boolean stale) {
        return store(
                DeliveryTopology.DELIVERIES_STORE,
                QueryableStoreTypes.keyValueStore(),
                partition,
                stale);
    }

    private ReadOnlyKeyValueStore<String, Long> domainStore(int partition, boolean stale) {
        return store(
                DeliveryTopology.DOMAIN_COUNTS_STORE,
                QueryableStoreTypes.keyValueStore(),
                partition,
                stale);
    }

    private <T> T store(String name, QueryableStoreType<T> type, int partition, boolean stale) {
        StoreQueryParameters<T> params =
                StoreQueryParameters.fromNameAndType(name, type).withPartition(partition);
        try {
            return RunningStreams.call(
                    streams, () -> streams.store(stale ? params.enableStaleStores() : params));
        } catch (InvalidStateStoreException e) {
            throw ApiException.unavailable(
                    "partition " + partition + " of store " + name + " is not here: " + e);
        }
    }

    private static String domainOf(String storeKey) {
        return storeKey.substring(0, storeKey.indexOf('\u0000'));
    }

    private static DeliveryStatus statusOf(String storeKey) {
        return DeliveryStatus.valueOf(storeKey.substring(storeKey.indexOf('\u0000') + 1));
    }
}
