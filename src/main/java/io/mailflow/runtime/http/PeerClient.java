package io.mailflow.runtime.http;

import io.mailflow.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.apache.kafka.streams.state.HostInfo;

/** Asks another mailflow instance for a part of an answer, over its HTTP API. */
final class PeerClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    /** Another instance could not answer: unreachable, too slow, or without the partition. */
    static final class PeerUnavailable extends RuntimeException {
        PeerUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final String authorization;

    /**
     * @param token the bearer token instances share, or null when none is required
     */
    PeerClient(String token) {
        this.authorization = token == null || token.isEmpty() ? null : "Bearer " + token;
    }

    /** GETs {@code pathAndQuery} from {@code peer} and reads the JSON answer as {@code type}. */
    <T> T get(HostInfo peer, String pathAndQuery, Class<T> type) {
        URI uri = URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri)
                        .timeout(REQUEST_TIMEOUT)
                        .header(Request.FORWARDED_HEADER, "true")
                        .GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response =
                    client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new PeerUnavailable(
                        peer + " answered " + response.statusCode() + " to " + uri.getPath(), null);
            }
            return Json.mapper().readValue(response.body(), type);
        } catch (IOException e) {
            throw new PeerUnavailable(peer + " did not answer " + uri.getPath(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PeerUnavailable("interrupted while asking " + peer, e);
        }
    }
}
