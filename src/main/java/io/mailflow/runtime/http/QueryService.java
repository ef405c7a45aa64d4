package io.mailflow.runtime.http;

import io.mailflow.core.delivery.DeliveryStatus;
import io.mailflow.runtime.http.Ownership.Owners;
import io.mailflow.runtime.http.Views.DeliveryView;
import io.mailflow.runtime.http.Views.DomainCounts;
import io.mailflow.runtime.http.Views.HourCount;
import io.mailflow.runtime.http.Views.HourCounts;
import io.mailflow.runtime.http.Views.MessageAnswer;
import io.mailflow.runtime.http.Views.PartitionPage;
import io.mailflow.runtime.http.Views.StatusCounts;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers the public queries from all partitions, wherever they live: one partition for a key,
 * every partition, in order, for listings and counts.
 */
final class QueryService {
    /** Store entries one partition request reads at most, so that a sparse filter stays cheap. */
    static final int SCAN_BUDGET = 10_000;

    static final int TOP_DOMAINS = 10;

    private final Ownership ownership;
    private final LocalStores local;
    private final PartitionQueries partitions;

    QueryService(Ownership ownership, LocalStores local, PartitionQueries partitions) {
        this.ownership = ownership;
        this.local = local;
        this.partitions = partitions;
    }

    /** Every recipient of one message: {@code messageId} on {@code host}. */
    MessageAnswer message(String host, long messageId) {
        Owners owners = ownership.ownersOfHost(host);
        int p = owners.partition();
        return partitions.ask(
                owners,
                stale -> local.message(p, host, messageId, stale),
                "/api/partitions/" + p + "/messages/" + encode(host) + "/" + messageId + "?",
                MessageAnswer.class);
    }

    /** One page of deliveries that pass {@code filter}, from {@code cursor} on. */
    Map<String, Object> page(DeliveryFilter filter, int limit, Cursor cursor) {
        List<Owners> all = ownership.allPartitions();
        List<DeliveryView> items = new ArrayList<>();
        boolean stale = false;
        int p = cursor.partition();
        String after = cursor.after();
        Cursor next = null;
        while (p < all.size() && next == null) {
            if (filter.host() != null && ownership.ownersOfHost(filter.host()).partition() != p) {
                p++;
                after = null;
                continue;
            }
            PartitionPage page = partitionPage(all.get(p), after, filter, limit - items.size());
            items.addAll(page.items());
            stale |= page.stale();
            if (!page.exhausted()) {
                next = new Cursor(p, page.lastKey());
            } else {
                p++;
                after = null;
                if (items.size() == limit && p < all.size()) {
                    next = new Cursor(p, null);
                }
            }
        }
        Map<String, Object> answer = new HashMap<>();
        answer.put("items", items);
        answer.put("nextCursor", next == null ? null : next.encode());
        answer.put("stale", stale);
        return answer;
    }

    /** Counts per status of deliveries to {@code domain}, summed over all partitions. */
    StatusCounts domain(String domain) {
        Map<DeliveryStatus, Long> sum = new EnumMap<>(DeliveryStatus.class);
        boolean stale = false;
        for (Owners owners : ownership.allPartitions()) {
            int p = owners.partition();
            StatusCounts part =
                    partitions.ask(
                            owners,
                            s -> local.domainCounts(p, domain, s),
                            "/api/partitions/" + p + "/domains/" + encode(domain) + "?",
                            StatusCounts.class);
            part.counts().forEach((status, n) -> sum.merge(status, n, Long::sum));
            stale |= part.stale();
        }
        return new StatusCounts(sum, stale);
    }

    /** Counts per status of all deliveries, and the recipient domains that fail most. */
    Map<String, Object> overview() {
        Map<DeliveryStatus, Long> byStatus = new EnumMap<>(DeliveryStatus.class);
        Map<String, Map<DeliveryStatus, Long>> byDomain = new HashMap<>();
        boolean stale = false;
        for (Owners owners : ownership.allPartitions()) {
            int p = owners.partition();
            DomainCounts part =
                    partitions.ask(
                            owners,
                            s -> local.allDomainCounts(p, s),
                            "/api/partitions/" + p + "/domains?",
                            DomainCounts.class);
            part.byDomain().forEach((domain, counts) -> add(domain, counts, byStatus, byDomain));
            stale |= part.stale();
        }
        Map<String, Object> answer = new HashMap<>();
        answer.put("byStatus", byStatus);
        answer.put("total", byStatus.values().stream().mapToLong(Long::longValue).sum());
        answer.put("topFailingDomains", topFailing(byDomain));
        answer.put("stale", stale);
        return answer;
    }

    /** Hourly error counts per host and category, of one host or all, within [from, to]. */
    HourCounts errors(String host, Instant from, Instant to) {
        List<Owners> targets =
                host == null ? ownership.allPartitions() : List.of(ownership.ownersOfHost(host));
        List<HourCount> counts = new ArrayList<>();
        boolean stale = false;
        String query =
                "?from=" + from + "&to=" + to + (host == null ? "" : "&host=" + encode(host));
        for (Owners owners : targets) {
            int p = owners.partition();
            HourCounts part =
                    partitions.ask(
                            owners,
                            s -> local.errorCounts(p, host, from, to, s),
                            "/api/partitions/" + p + "/errors" + query,
                            HourCounts.class);
            counts.addAll(part.counts());
            stale |= part.stale();
        }
        counts.sort(
                Comparator.comparing(HourCount::hour)
                        .thenComparing(HourCount::host)
                        .thenComparing(HourCount::category));
        return new HourCounts(counts, stale);
    }

    private PartitionPage partitionPage(
            Owners owners, String after, DeliveryFilter filter, int limit) {
        int p = owners.partition();
        String path =
                "/api/partitions/"
                        + p
                        + "/deliveries?limit="
                        + limit
                        + (after == null ? "" : "&after=" + encode(after))
                        + filter.toQuery();
        return partitions.ask(
                owners,
                stale -> local.page(p, after, filter, limit, SCAN_BUDGET, stale),
                path,
                PartitionPage.class);
    }

    private static void add(
            String domain,
            Map<DeliveryStatus, Long> counts,
            Map<DeliveryStatus, Long> byStatus,
            Map<String, Map<DeliveryStatus, Long>> byDomain) {
        Map<DeliveryStatus, Long> domainCounts =
                byDomain.computeIfAbsent(domain, d -> new EnumMap<>(DeliveryStatus.class));
        counts.forEach(
                (status, n) -> {
                    byStatus.merge(status, n, Long::sum);
                    domainCounts.merge(status, n, Long::sum);
                });
    }

    private static List<Map<String, Object>> topFailing(
            Map<String, Map<DeliveryStatus, Long>> byDomain) {
        List<Map<String, Object>> rows = new ArrayList<>();
        byDomain.forEach(
                (domain, counts) -> {
                    long failed =
                            counts.entrySet().stream()
                                    .filter(e -> e.getKey().isFailure())
                                    .mapToLong(Map.Entry::getValue)
                                    .sum();
                    long total = counts.values().stream().mapToLong(Long::longValue).sum();
                    if (failed > 0) {
                        rows.add(Map.of("domain", domain, "failed", failed, "total", total));
                    }
                });
        rows.sort(
                Comparator.comparing((Map<String, Object> r) -> (Long) r.get("failed"))
                        .reversed()
                        .thenComparing(r -> (String) r.get("domain")));
        return rows.size() > TOP_DOMAINS ? rows.subList(0, TOP_DOMAINS) : rows;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
