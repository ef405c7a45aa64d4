package io.mailflow.topology.serde;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Reads what {@link BinaryWriter} wrote; fails with the offset when the bytes run out. */
public final class BinaryReader {
    private final byte[] buf;
    private final String what;
    private int pos;

    /**
     * @param buf the bytes to read
     * @param what what the bytes hold, for error messages (e.g. "delivery state")
     */
    public BinaryReader(byte[] buf, String what) {
        this.buf = buf;
        this.what = what;
    }

    public int readByte() {
        need(1);
        return buf[pos++] & 0xFF;
    }

    public boolean readBoolean() {
        return readByte() != 0;
    }

    public long readVarLong() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalStateException(what + " has a malformed number before byte " + pos);
    }

    public int readVarInt() {
        long v = readVarLong();
        if (v > Integer.MAX_VALUE) {
            throw new IllegalStateException(
                    what + " has a count of " + v + " before byte " + pos + ", expected an int");
        }
        return (int) v;
    }

    public long readSignedVarLong() {
        long v = readVarLong();
        return (v >>> 1) ^ -(v & 1);
    }

    public String readString() {
        int lengthPlusOne = readVarInt();
        if (lengthPlusOne == 0) {
            return null;
        }
        int length = lengthPlusOne - 1;
        need(length);
        String s = new String(buf, pos, length, StandardCharsets.UTF_8);
        pos += length;
        return s;
    }

    public Instant readInstant() {
        return readByte() == 0 ? null : Instant.ofEpochMilli(readSignedVarLong());
    }

    public Long readNullableLong() {
        return readByte() == 0 ? null : readSignedVarLong();
    }

    public <E extends Enum<E>> E readEnum(Class<E> type) {
        String name = readString();
        if (name == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    what + " names " + type.getSimpleName() + " '" + name + "', which is unknown",
                    e);
        }
    }

    /** Fails unless the version byte is {@code expected}. */
    public void expectVersion(int expected) {
        int version = readByte();
        if (version != expected) {
            throw new IllegalStateException(
                    what + " has format version " + version + ", expected " + expected);
        }
    }

    private void need(int n) {
        if (pos + n > buf.length) {
            throw new IllegalStateException(
                    what
                            + " is truncated: needed "
                            + n
                            + " byte(s) at offset "
                            + pos
                            + " of "
                            + buf.length);
        }
    }
}
