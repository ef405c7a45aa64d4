package io.mailflow.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.mailflow.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseTest {

    record Sample(String name, Instant at, List<Integer> numbers) {}

    @Test
    void json_isA200WithTheValueWrittenByTheSharedMapper() throws IOException {
        Response response =
                Response.json(
                        new Sample("mail01", Instant.parse("2003-06-20T08:27:18Z"), List.of(1, 2)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/json");
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.get("name").asText()).isEqualTo("mail01");
        assertThat(body.get("at").asText()).isEqualTo("2003-06-20T08:27:18Z");
        assertThat(body.get("numbers").toString()).isEqualTo("[1,2]");
    }

    @Test
    void jsonWithStatus_keepsTheStatus() {
        Response response = Response.json(503, Map.of("status", "DOWN"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"status\":\"DOWN\"}");
    }

    @Test
    void text_isEncodedAsUtf8WithTheGivenType() {
        Response response = Response.text(200, "text/plain; charset=utf-8", "Grüße");

        assertThat(response.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(response.body()).isEqualTo("Grüße".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void error_isJsonWithTheStatusAndTheMessage() throws IOException {
        Response response = Response.error(404, "no deliveries entry for key 'mail01/2549'");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).isEqualTo("application/json");
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(404);
        assertThat(body.get("error").asText())
                .isEqualTo("no deliveries entry for key 'mail01/2549'");
    }

    @Test
    void valueJacksonCannotWrite_isAnIllegalStateNamingItsTypeAndKeepingTheCause() {
        assertThatThrownBy(() -> Response.json(new Unwritable()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Unwritable.class.getName())
                .hasCauseInstanceOf(JsonProcessingException.class);
    }

    /** A bean whose only property cannot be read. */
    static final class Unwritable {
        public String getValue() {
            throw new UnsupportedOperationException("unreadable");
        }
    }
}
