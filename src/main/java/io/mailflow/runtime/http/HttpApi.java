package io.mailflow.runtime.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mailflow's HTTP server: the JDK's own, a small thread pool, and a {@link Router}. Paths under
 * {@code /api/} and {@code /metrics} need the bearer token when one is set; health probes and the
 * dashboard's static files never do (the dashboard sends the token on its API calls).
 */
public final class HttpApi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    private static final int THREADS = 8;
    private static final Health STARTING = new Health(() -> KafkaStreams.State.CREATED);

    private final HttpServer server;
    private final ExecutorService executor;
    private final BearerToken token;
    private volatile Router router;

    private HttpApi(HttpServer server, BearerToken token) {
        this.server = server;
        this.token = token;
        this.executor = Executors.newFixedThreadPool(THREADS, HttpApi::daemonThread);
        server.setExecutor(executor);
        server.createContext("/", this::serve);
    }

    /**
     * Listens on {@code bindAddress:port} (port 0 picks a free one), answering 503 to everything
     * but the liveness probe until {@link #attach} gives it its routes. Binding first tells the
     * pipeline its port, which other instances must know before the pipeline starts.
     *
     * @throws IllegalArgumentException when the address is not a loopback address and no token is
     *     set: the API would expose delivery data, mail addresses included, to the network
     * @throws IOException when the port cannot be bound
     */
    public static HttpApi bind(String bindAddress, int port, String bearerToken)
            throws IOException {
        BearerToken token = BearerToken.of(bearerToken);
        InetAddress address = InetAddress.getByName(bindAddress);
        if (!address.isLoopbackAddress() && !token.required()) {
            throw new IllegalArgumentException(
                    "http.bind.address "
                            + bindAddress
                            + " is not a loopback address: set http.token to require a bearer"
                            + " token");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(address, port), 64);
        HttpApi api = new HttpApi(server, token);
        server.start();
        LOG.info("HTTP API listening on {}", api.baseUrl());
        return api;
    }

    /** Starts answering with {@code routes}. */
    void attach(Router routes) {
        this.router = Objects.requireNonNull(routes, "routes can't be null");
    }

    /** The address clients reach this server at, e.g. {@code http://127.0.0.1:7070}. */
    public String baseUrl() {
        InetSocketAddress bound = server.getAddress();
        return "http://" + bound.getAddress().getHostAddress() + ":" + bound.getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdown();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange;
                InputStream ignored = exchange.getRequestBody()) {
            send(exchange, answer(exchange));
        }
    }

    private Response answer(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        try {
            if (!"GET".equals(exchange.getRequestMethod())) {
                throw ApiException.methodNotAllowed(exchange.getRequestMethod());
            }
            if (needsToken(path)
                    && !token.admits(exchange.getRequestHeaders().getFirst("Authorization"))) {
                throw ApiException.unauthorized();
            }
            Router routes = router;
            if (routes == null) {
                return beforeAttach(path);
            }
            boolean forwarded = exchange.getRequestHeaders().containsKey(Request.FORWARDED_HEADER);
            return routes.route(
                    Request.of(path, exchange.getRequestURI().getRawQuery(), forwarded));
        } catch (ApiException e) {
            return Response.error(e.status(), e.getMessage());
        } catch (InvalidStateStoreException e) {
            return Response.error(503, "the store is not available here now: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("HTTP request to {} failed", path, e);
            return Response.error(500, "internal error: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Answers while Kafka Streams is being built: alive but not ready, since a liveness probe that
     * failed now would restart an instance that is merely starting.
     */
    private static Response beforeAttach(String path) {
        return switch (path) {
            case "/health/live" -> STARTING.live();
            case "/health/ready" -> STARTING.ready();
            default -> throw ApiException.unavailable("mailflow is starting");
        };
    }

    private static boolean needsToken(String path) {
        return path.startsWith("/api/") || path.equals("/metrics");
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        if (response.status() == 401) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        }
        int length = response.body().length;
        // The JDK's server reads a length of 0 as "chunked"; -1 says "no body".
        exchange.sendResponseHeaders(response.status(), length == 0 ? -1 : length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    private static Thread daemonThread(Runnable task) {
        Thread thread = new Thread(task, "mailflow-http");
        thread.setDaemon(true);
        return thread;
    }
}
