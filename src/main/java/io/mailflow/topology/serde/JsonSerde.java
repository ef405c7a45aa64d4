package io.mailflow.topology.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mailflow.json.Json;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON with mailflow's shared mapper. Writes any value by its runtime type, so one serde serves a
 * sealed family of records; reads into {@code type}.
 *
 * @param <T> the value type
 */
public final class JsonSerde<T> implements Serde<T> {
    private final Class<T> type;

    private JsonSerde(Class<T> type) {
        this.type = type;
    }

    public static <T> JsonSerde<T> of(Class<T> type) {
        return new JsonSerde<>(type);
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : write(topic, value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(topic, bytes);
    }

    private byte[] write(String topic, T value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new SerializationException(
                    "cannot write a " + value.getClass().getSimpleName() + " for topic " + topic,
                    e);
        }
    }

    private T read(String topic, byte[] bytes) {
        try {
            return Json.mapper().readValue(bytes, type);
        } catch (IOException e) {
            throw new SerializationException(
                    "cannot read a " + type.getSimpleName() + " from topic " + topic, e);
        }
    }
}
