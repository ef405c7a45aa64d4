package io.mailflow.runtime.http;

import io.mailflow.runtime.metrics.RecentRejects;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/** Serves mailflow's HTTP API for one pipeline instance. */
public final class ApiServer {
    private ApiServer() {}

    /**
     * Serves the API of {@code streams} on {@code api}, already bound.
     *
     * @param advertised how other instances reach this one: its {@code application.server}
     * @param token the bearer token instances share, or null
     * @param sourceTopic the topic that feeds the delivery stores
     * @param partitionCount how many partitions that topic has
     * @param rejects the latest rejects of this instance
     * @param metrics the Prometheus text of this instance's metrics
     */
    public static void serve(
            HttpApi api,
            HostInfo advertised,
            String token,
            KafkaStreams streams,
            String sourceTopic,
            IntSupplier partitionCount,
            RecentRejects rejects,
            Supplier<String> metrics) {
        Ownership ownership = new Ownership(streams, advertised, sourceTopic, partitionCount);
        LocalStores local = new LocalStores(streams);
        PeerClient peers = new PeerClient(token);
        QueryService queries =
                new QueryService(ownership, local, new PartitionQueries(ownership, peers));
        QueryRoutes routes =
                new QueryRoutes(
                        queries,
                        local,
                        ownership,
                        peers,
                        rejects,
                        new Health(streams::state),
                        metrics);
        api.attach(routes.router());
    }
}
