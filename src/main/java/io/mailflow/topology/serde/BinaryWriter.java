package io.mailflow.topology.serde;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Writes the compact binary form of store values: variable-length integers, length-prefixed UTF-8
 * strings, and a leading length of zero for null.
 */
public final class BinaryWriter {
    private byte[] buf;
    private int size;

    public BinaryWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public BinaryWriter writeByte(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    public BinaryWriter writeBoolean(boolean b) {
        return writeByte(b ? 1 : 0);
    }

    /** An unsigned variable-length integer, seven bits a byte. */
    public BinaryWriter writeVarLong(long v) {
        ensure(10);
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    /** A signed integer, zigzag-encoded so that small negative numbers stay short. */
    public BinaryWriter writeSignedVarLong(long v) {
        return writeVarLong((v << 1) ^ (v >> 63));
    }

    /** A string or null: its UTF-8 length plus one (zero for null), then its bytes. */
    public BinaryWriter writeString(String s) {
        if (s == null) {
            return writeVarLong(0);
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        writeVarLong(utf8.length + 1L);
        ensure(utf8.length);
        System.arraycopy(utf8, 0, buf, size, utf8.length);
        size += utf8.length;
        return this;
    }

    /** An instant or null, at millisecond precision: a presence byte, then epoch millis. */
    public BinaryWriter writeInstant(Instant t) {
        if (t == null) {
            return writeByte(0);
        }
        writeByte(1);
        return writeSignedVarLong(t.toEpochMilli());
    }

    /** A nullable long: a presence byte, then the value. */
    public BinaryWriter writeNullableLong(Long v) {
        if (v == null) {
            return writeByte(0);
        }
        writeByte(1);
        return writeSignedVarLong(v);
    }

    /** An enum constant or null, by name, so that adding or reordering constants is safe. */
    public BinaryWriter writeEnum(Enum<?> e) {
        return writeString(e == null ? null : e.name());
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
