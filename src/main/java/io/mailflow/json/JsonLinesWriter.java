package io.mailflow.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes values as JSON Lines: one compact document per line, null fields left out, in the {@link
 * Json#compactMapper()} form. Characters beyond ASCII are written as escapes such as {@code
 * \\u00e9}, so the output is the same whatever encoding the writer underneath uses. It neither
 * flushes after each value nor closes the writer: the caller does both. Not thread-safe.
 */
public final class JsonLinesWriter implements Flushable {
    private final ObjectWriter writer =
            Json.compactMapper().writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
    private final JsonGenerator generator;

    public JsonLinesWriter(Writer out) throws IOException {
        generator = Json.compactMapper().createGenerator(out);
        generator.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        generator.setHighestNonEscapedChar(127);
        generator.setRootValueSeparator(null);
    }

    /** Writes {@code value} and a line feed. */
    public void write(Object value) throws IOException {
        writer.writeValue(generator, value);
        generator.writeRaw('\n');
    }

    /** Hands everything written so far to the writer underneath and flushes it. */
    @Override
    public void flush() throws IOException {
        generator.flush();
    }
}
