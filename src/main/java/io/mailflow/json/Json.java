package io.mailflow.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of mailflow: instants as ISO-8601 strings in UTC, records by their
 * component names, unknown fields skipped when reading. Every topic, file and HTTP answer is
 * written with it, so they all agree.
 */
public final class Json {
    private static final ObjectMapper MAPPER = builder().build();
    private static final ObjectMapper COMPACT_MAPPER =
            builder()
                    .defaultPropertyInclusion(
                            JsonInclude.Value.construct(
                                    JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
                    .build();

    private Json() {}

    /** The shared, thread-safe mapper. Configure nothing on it: copy it instead. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * The shared mapper's configuration, but null fields are left out: for output read by people
     * and scripts, where a record's unused fields are noise. Thread-safe; configure nothing on it.
     */
    public static ObjectMapper compactMapper() {
        return COMPACT_MAPPER;
    }

    private static JsonMapper.Builder builder() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // A reader skips fields it does not know, so a newer writer does not break it.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }
}
