package io.mailflow.topology.serde;

import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A serde for a store value in the compact binary form, from a write and a read function.
 *
 * @param <T> the value type
 */
public final class BinarySerde<T> implements Serde<T> {
    private final String what;
    private final int sizeHint;
    private final BiConsumer<BinaryWriter, T> write;
    private final Function<BinaryReader, T> read;

    /**
     * @param what what the values are, for error messages
     * @param sizeHint the usual size of one value in bytes
     * @param write writes one non-null value
     * @param read reads one value
     */
    public BinarySerde(
            String what,
            int sizeHint,
            BiConsumer<BinaryWriter, T> write,
            Function<BinaryReader, T> read) {
        this.what = what;
        this.sizeHint = sizeHint;
        this.write = write;
        this.read = read;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, value) -> value == null ? null : encode(value);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decode(bytes);
    }

    public byte[] encode(T value) {
        BinaryWriter w = new BinaryWriter(sizeHint);
        write.accept(w, value);
        return w.toByteArray();
    }

    public T decode(byte[] bytes) {
        try {
            return read.apply(new BinaryReader(bytes, what));
        } catch (IllegalStateException | IllegalArgumentException | NullPointerException e) {
            throw new SerializationException("cannot read " + what + ": " + e.getMessage(), e);
        }
    }
}
