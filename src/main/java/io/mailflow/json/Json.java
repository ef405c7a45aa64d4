package io.mailflow.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of mailflow: instants as ISO-8601 strings in UTC, records by their
 * component names. Every topic, file and HTTP answer is written with it, so they all agree.
 */
public final class Json {
    private static final ObjectMapper MAPPER =
            JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .build();

    private Json() {}

    /** The shared, thread-safe mapper. Configure nothing on it: copy it instead. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
