package io.mailflow.runtime.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mailflow.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * What a handler answers: a status, a content type and the body.
 *
 * @param status the HTTP status code
 * @param contentType the body's media type
 * @param body the body's bytes
 */
public record Response(int status, String contentType, byte[] body) {
    static final String JSON = "application/json";

    /** A 200 with {@code value} as JSON. */
    public static Response json(Object value) {
        return json(200, value);
    }

    public static Response json(int status, Object value) {
        try {
            return new Response(status, JSON, Json.mapper().writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write a " + value.getClass().getName() + " as JSON", e);
        }
    }

    public static Response text(int status, String contentType, String body) {
        return new Response(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON error body every failed request gets: {@code {"status":404,"error":"..."}}. */
    public static Response error(int status, String message) {
        return json(status, Map.of("status", status, "error", message));
    }
}
