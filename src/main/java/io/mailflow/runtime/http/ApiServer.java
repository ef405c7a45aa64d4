package io.mailflow.runtime.http;

import io.mailflow.runtime.metrics.RecentRejects;
import java.io.IOException;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/** Starts mailflow's HTTP API for one pipeline instance. */
public final class ApiServer {
    private ApiServer() {}

    /**
     * Where the API listens and how it is reached.
     *
     * @param bindAddress the address to listen on; a non-loopback one needs a token
     * @param port the port to listen on, 0 for any free one
     * @param token the bearer token required under {@code /api/} and {@code /metrics}, or null
     * @param advertised how other instances reach this one: its {@code application.server}
     */
    public record Settings(String bindAddress, int port, String token, HostInfo advertised) {}

    /**
     * Serves the API of {@code streams}.
     *
     * @param sourceTopic the topic that feeds the delivery stores
     * @param partitionCount how many partitions that topic has
     * @param rejects the latest rejects of this instance
     * @param metrics the Prometheus text of this instance's metrics
     */
    public static HttpApi start(
            Settings settings,
            KafkaStreams streams,
            String sourceTopic,
            IntSupplier partitionCount,
            RecentRejects rejects,
            Supplier<String> metrics)
            throws IOException {
        Ownership ownership =
                new Ownership(streams, settings.advertised(), sourceTopic, partitionCount);
        LocalStores local = new LocalStores(streams);
        PeerClient peers = new PeerClient(settings.token());
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
        return HttpApi.start(
                settings.bindAddress(), settings.port(), settings.token(), routes.router());
    }
}
