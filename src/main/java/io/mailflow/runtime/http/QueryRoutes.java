package io.mailflow.runtime.http;

import io.mailflow.runtime.http.Views.MessageAnswer;
import io.mailflow.runtime.http.Views.StatusCounts;
import io.mailflow.runtime.metrics.RecentRejects;
import io.mailflow.runtime.metrics.RecentRejects.Entry;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The routes of mailflow's HTTP API. Public routes answer for the whole application; routes under
 * {@code /api/partitions/} answer from this instance's copy of one partition and are what instances
 * ask each other.
 */
final class QueryRoutes {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final Instant NO_LOWER_BOUND = Instant.EPOCH;
    private static final Instant NO_UPPER_BOUND = Instant.parse("9999-12-31T23:59:59Z");

    private final QueryService queries;
    private final LocalStores local;
    private final Ownership ownership;
    private final PeerClient peers;
    private final RecentRejects rejects;
    private final Health health;
    private final Supplier<String> metrics;

    QueryRoutes(
            QueryService queries,
            LocalStores local,
            Ownership ownership,
            PeerClient peers,
            RecentRejects rejects,
            Health health,
            Supplier<String> metrics) {
        this.queries = queries;
        this.local = local;
        this.ownership = ownership;
        this.peers = peers;
        this.rejects = rejects;
        this.health = health;
        this.metrics = metrics;
    }

    Router router() {
        return new Router()
                .add("/api/deliveries/{host}/{messageId}", this::message)
                .add("/api/deliveries", (r, v) -> Response.json(page(r)))
                .add("/api/stats/domains/{domain}", this::domain)
                .add("/api/stats/errors", this::errors)
                .add("/api/stats/overview", (r, v) -> Response.json(queries.overview()))
                .add("/api/instances", (r, v) -> Response.json(instances()))
                .add("/api/rejects/recent", (r, v) -> Response.json(recentRejects()))
                .add("/api/partitions/{p}/messages/{host}/{messageId}", this::partitionMessage)
                .add("/api/partitions/{p}/deliveries", this::partitionPage)
                .add("/api/partitions/{p}/domains/{domain}", this::partitionDomain)
                .add("/api/partitions/{p}/domains", this::partitionDomains)
                .add("/api/partitions/{p}/errors", this::partitionErrors)
                .add("/api/instances/self/rejects", (r, v) -> ownRejects())
                .add("/health/live", (r, v) -> health.live())
                .add("/health/ready", (r, v) -> health.ready())
                .add("/metrics", (r, v) -> Response.text(200, PROMETHEUS, metrics.get()))
                .add("/", (r, v) -> StaticFiles.get("index.html"))
                .add("/{file}", (r, v) -> StaticFiles.get(v.get("file")));
    }

    private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    private Response message(Request request, Map<String, String> v) {
        String host = v.get("host");
        long id = messageId(v.get("messageId"));
        MessageAnswer answer = queries.message(host, id);
        if (answer.deliveries().isEmpty()) {
            throw ApiException.notFound("deliveries", host + "/" + id);
        }
        return Response.json(answer);
    }

    private Map<String, Object> page(Request request) {
        int limit = request.intParam("limit", DEFAULT_LIMIT, MAX_LIMIT);
        String cursor = request.param("cursor");
        return queries.page(
                DeliveryFilter.of(request),
                limit,
                cursor == null ? Cursor.START : Cursor.decode(cursor));
    }

    private Response domain(Request request, Map<String, String> v) {
        String domain = v.get("domain").toLowerCase(java.util.Locale.ROOT);
        StatusCounts counts = queries.domain(domain);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("domain", domain);
        answer.put("counts", counts.counts());
        answer.put("total", counts.counts().values().stream().mapToLong(Long::longValue).sum());
        answer.put("stale", counts.stale());
        return Response.json(answer);
    }

    private Response errors(Request request, Map<String, String> v) {
        Instant from = instant(request, "from", NO_LOWER_BOUND);
        Instant to = instant(request, "to", NO_UPPER_BOUND);
        if (from.isAfter(to)) {
            throw ApiException.badParameter("from", from.toString(), "a time before 'to'");
        }
        return Response.json(queries.errors(request.param("host"), from, to));
    }

    private Map<String, Object> instances() {
        List<Map<String, Object>> list = new ArrayList<>();
        for (StreamsMetadata instance : ownership.instances()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("address", address(instance.hostInfo()));
            row.put("self", ownership.isSelf(instance.hostInfo()));
            row.put("activePartitions", partitions(instance.topicPartitions()));
            row.put("standbyPartitions", partitions(instance.standbyTopicPartitions()));
            row.put("stores", new ArrayList<>(instance.stateStoreNames()));
            list.add(row);
        }
        list.sort(Comparator.comparing(row -> (String) row.get("address")));
        return Map.of("instances", list);
    }

    private Map<String, Object> recentRejects() {
        List<Entry> all = new ArrayList<>();
        boolean partial = false;
        for (StreamsMetadata instance : ownership.instances()) {
            if (ownership.isSelf(instance.hostInfo())) {
                all.addAll(rejects.latest());
                continue;
            }
            try {
                all.addAll(
                        peers.get(
                                        instance.hostInfo(),
                                        "/api/instances/self/rejects?",
                                        RecentRejects.Answer.class)
                                .rejects());
            } catch (PeerClient.PeerUnavailable e) {
                partial = true;
            }
        }
        if (ownership.instances().stream().noneMatch(i -> ownership.isSelf(i.hostInfo()))) {
            all.addAll(rejects.latest());
        }
        all.sort(Comparator.comparing(Entry::time).reversed());
        List<Entry> latest =
                all.size() > RecentRejects.CAPACITY ? all.subList(0, RecentRejects.CAPACITY) : all;
        return Map.of("rejects", latest, "stale", partial);
    }

    private Response ownRejects() {
        return Response.json(new RecentRejects.Answer(rejects.latest()));
    }

    private Response partitionMessage(Request request, Map<String, String> v) {
        return Response.json(
                local.message(
                        partition(v),
                        v.get("host"),
                        messageId(v.get("messageId")),
                        stale(request)));
    }

    private Response partitionPage(Request request, Map<String, String> v) {
        int limit = request.intParam("limit", DEFAULT_LIMIT, MAX_LIMIT);
        return Response.json(
                local.page(
                        partition(v),
                        request.param("after"),
                        DeliveryFilter.of(request),
                        limit,
                        QueryService.SCAN_BUDGET,
                        stale(request)));
    }

    private Response partitionDomain(Request request, Map<String, String> v) {
        return Response.json(local.domainCounts(partition(v), v.get("domain"), stale(request)));
    }

    private Response partitionDomains(Request request, Map<String, String> v) {
        return Response.json(local.allDomainCounts(partition(v), stale(request)));
    }

    private Response partitionErrors(Request request, Map<String, String> v) {
        return Response.json(
                local.errorCounts(
                        partition(v),
                        request.param("host"),
                        instant(request, "from", NO_LOWER_BOUND),
                        instant(request, "to", NO_UPPER_BOUND),
                        stale(request)));
    }

    private static boolean stale(Request request) {
        return "true".equals(request.param("stale"));
    }

    private static int partition(Map<String, String> v) {
        String text = v.get("p");
        try {
            int p = Integer.parseInt(text);
            if (p >= 0) {
                return p;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badParameter("partition", text, "a partition number");
    }

    private static long messageId(String text) {
        try {
            long id = Long.parseLong(text);
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badParameter("messageId", text, "a Web Crossing message ID number");
    }

    private static Instant instant(Request request, String name, Instant fallback) {
        String text = request.param(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            throw ApiException.badParameter(
                    name, text, "an ISO-8601 instant such as 2003-06-20T08:00:00Z");
        }
    }

    private static String address(HostInfo host) {
        return host.host() + ":" + host.port();
    }

    private static List<String> partitions(
            java.util.Set<org.apache.kafka.common.TopicPartition> partitions) {
        return partitions.stream().map(Object::toString).sorted().toList();
    }
}
