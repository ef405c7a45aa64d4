package io.mailflow.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpApiTest {
    private static final String TOKEN = "secret";

    private final HttpClient client = HttpClient.newHttpClient();
    private HttpApi api;

    @AfterEach
    void close() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void beforeRoutesAreAttached_liveIsUpAndEverythingElseIs503() throws Exception {
        api = HttpApi.bind("127.0.0.1", 0, null);

        assertThat(get("/health/live", null).statusCode()).isEqualTo(200);
        assertThat(get("/health/live", null).body()).contains("\"status\":\"UP\"");
        assertThat(get("/health/ready", null).statusCode()).isEqualTo(503);
        assertThat(get("/api/stats/overview", null).statusCode()).isEqualTo(503);
        assertThat(get("/", null).body()).contains("mailflow is starting");
    }

    @Test
    void attachedRoutes_answerAndUnknownPathsAre404() throws Exception {
        api = HttpApi.bind("127.0.0.1", 0, null);
        api.attach(new Router().add("/api/echo/{word}", (r, v) -> Response.json(v)));

        assertThat(get("/api/echo/hello", null).body()).isEqualTo("{\"word\":\"hello\"}");
        HttpResponse<String> missing = get("/api/nothing", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("/api/nothing");
    }

    @Test
    void token_isNeededForApiAndMetricsButNotForProbesOrFiles() throws Exception {
        api = HttpApi.bind("127.0.0.1", 0, TOKEN);
        api.attach(
                new Router()
                        .add("/api/x", (r, v) -> Response.text(200, "text/plain", "x"))
                        .add("/metrics", (r, v) -> Response.text(200, "text/plain", "m"))
                        .add("/health/live", (r, v) -> Response.text(200, "text/plain", "up"))
                        .add("/{file}", (r, v) -> Response.text(200, "text/plain", "file")));

        HttpResponse<String> refused = get("/api/x", null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(get("/api/x", "wrong").statusCode()).isEqualTo(401);
        assertThat(get("/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/x", TOKEN).body()).isEqualTo("x");
        assertThat(get("/metrics", TOKEN).body()).isEqualTo("m");
        assertThat(get("/health/live", null).body()).isEqualTo("up");
        assertThat(get("/index.html", null).body()).isEqualTo("file");
    }

    @Test
    void storeThatMoved_is503AndUnexpectedFailure_is500WithoutItsMessage() throws Exception {
        api = HttpApi.bind("127.0.0.1", 0, null);
        api.attach(
                new Router()
                        .add(
                                "/moved",
                                (r, v) -> {
                                    throw new InvalidStateStoreException("store migrated");
                                })
                        .add(
                                "/broken",
                                (r, v) -> {
                                    throw new IllegalArgumentException("user@example.com");
                                }));

        HttpResponse<String> moved = get("/moved", null);
        assertThat(moved.statusCode()).isEqualTo(503);
        assertThat(moved.body()).contains("store migrated");
        HttpResponse<String> broken = get("/broken", null);
        assertThat(broken.statusCode()).isEqualTo(500);
        assertThat(broken.body()).contains("IllegalArgumentException").doesNotContain("@");
    }

    @Test
    void methodOtherThanGet_is405() throws Exception {
        api = HttpApi.bind("127.0.0.1", 0, null);
        api.attach(new Router().add("/api/x", (r, v) -> Response.text(200, "text/plain", "x")));

        HttpResponse<String> response =
                client.send(
                        HttpRequest.newBuilder(uri("/api/x"))
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("POST");
    }

    @Test
    void nonLoopbackAddressWithoutToken_isRefusedBeforeBinding() {
        assertThatThrownBy(() -> HttpApi.bind("0.0.0.0", 0, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http.bind.address")
                .hasMessageContaining("http.token");
    }

    private HttpResponse<String> get(String path, String token)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create(api.baseUrl() + path);
    }
}
