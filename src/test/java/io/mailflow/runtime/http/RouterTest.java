package io.mailflow.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final Router router =
            new Router()
                    .add("/api/deliveries/{host}/{messageId}", (r, v) -> answer("message", v))
                    .add("/api/deliveries", (r, v) -> answer("list", v))
                    .add("/", (r, v) -> answer("root", v))
                    .add("/{file}", (r, v) -> answer("file", v));

    @Test
    void templateVariables_areBoundFromTheDecodedPath() {
        Response response = router.route(Request.of("/api/deliveries/mail 01/2549", null, false));

        assertThat(body(response)).isEqualTo("message {host=mail 01, messageId=2549}");
    }

    @Test
    void literalRoute_winsOverALaterTemplate() {
        assertThat(body(router.route(Request.of("/api/deliveries", "", false))))
                .isEqualTo("list {}");
        assertThat(body(router.route(Request.of("/", null, false)))).isEqualTo("root {}");
        assertThat(body(router.route(Request.of("/app.js", null, false))))
                .isEqualTo("file {file=app.js}");
    }

    @Test
    void unknownPath_isA404NamingThePath() {
        assertThatThrownBy(() -> router.route(Request.of("/api/nothing/here", null, false)))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("/api/nothing/here");
    }

    @Test
    void emptyVariable_doesNotMatch() {
        assertThatThrownBy(() -> router.route(Request.of("/api/deliveries//2549", null, false)))
                .isInstanceOf(ApiException.class);
    }

    private static Response answer(String name, Map<String, String> variables) {
        return Response.text(200, "text/plain", name + " " + new java.util.TreeMap<>(variables));
    }

    private static String body(Response response) {
        return new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
