package io.mailflow.generate;

import com.fasterxml.jackson.core.JsonGenerator;
import io.mailflow.json.Json;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Writes the ground truth: one JSON object per line in {@code deliveries.jsonl}, {@code
 * inbound.jsonl}, {@code sessions.jsonl} and {@code damaged.jsonl}, and {@code summary.json}.
 *
 * <p>The records are streamed field by field, in the order of their components and in the form the
 * shared mapper gives them, so that {@link GroundTruth} reads them back with that mapper. A run
 * writes millions of them, which databinding each one would make several times slower.
 */
final class TruthWriter implements Closeable {
    static final String DELIVERIES = "deliveries.jsonl";
    static final String INBOUND = "inbound.jsonl";
    static final String SESSIONS = "sessions.jsonl";
    static final String DAMAGED = "damaged.jsonl";
    static final String SUMMARY = "summary.json";

    private final IsoSeconds instants = new IsoSeconds();
    private final JsonGenerator deliveries;
    private final JsonGenerator inbound;
    private final JsonGenerator sessions;
    private final JsonGenerator damaged;

    TruthWriter(Path directory) throws IOException {
        this.deliveries = open(directory.resolve(DELIVERIES));
        this.inbound = open(directory.resolve(INBOUND));
        this.sessions = open(directory.resolve(SESSIONS));
        this.damaged = open(directory.resolve(DAMAGED));
    }

    void delivery(DeliveryTruth d) throws IOException {
        JsonGenerator out = deliveries;
        out.writeStartObject();
        out.writeStringField("host", d.host());
        out.writeNumberField("messageId", d.messageId());
        out.writeStringField("recipient", d.recipient());
        out.writeStringField("sender", d.sender());
        writeName(out, "origin", d.origin());
        out.writeStringField("clientIp", d.clientIp());
        writeInstant(out, "queuedAt", d.queuedAt());
        writeName(out, "status", d.status());
        writeName(out, "errorCategory", d.errorCategory());
        out.writeNumberField("attempts", d.attempts());
        writeInstant(out, "completedAt", d.completedAt());
        endLine(out);
    }

    void inbound(InboundTruth mail) throws IOException {
        JsonGenerator out = inbound;
        out.writeStartObject();
        out.writeStringField("host", mail.host());
        out.writeStringField("sender", mail.sender());
        out.writeStringField("recipient", mail.recipient());
        out.writeStringField("clientIp", mail.clientIp());
        writeInstant(out, "receivedAt", mail.receivedAt());
        endLine(out);
    }

    void session(SessionTruth s) throws IOException {
        JsonGenerator out = sessions;
        out.writeStartObject();
        out.writeStringField("host", s.host());
        writeName(out, "protocol", s.protocol());
        out.writeStringField("user", s.user());
        out.writeStringField("clientIp", s.clientIp());
        writeInstant(out, "connectAt", s.connectAt());
        writeInstant(out, "loginAt", s.loginAt());
        writeInstant(out, "disconnectAt", s.disconnectAt());
        endLine(out);
    }

    void damaged(DamagedLine line) throws IOException {
        JsonGenerator out = damaged;
        out.writeStartObject();
        out.writeStringField("host", line.host());
        out.writeNumberField("lineNumber", line.lineNumber());
        writeName(out, "damage", line.damage());
        writeName(out, "expectedReason", line.expectedReason());
        endLine(out);
    }

    static void writeSummary(Path directory, GenerationSummary summary) throws IOException {
        String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(summary);
        Files.writeString(directory.resolve(SUMMARY), json + "\n", StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        try (JsonGenerator first = deliveries;
                JsonGenerator second = inbound;
                JsonGenerator third = sessions;
                JsonGenerator fourth = damaged) {
            // Leaving the block closes all four files, even when closing one of them fails.
        }
    }

    private static JsonGenerator open(Path file) throws IOException {
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        JsonGenerator generator = Json.mapper().getFactory().createGenerator(out);
        generator.setRootValueSeparator(null);
        return generator;
    }

    private void writeInstant(JsonGenerator out, String field, Instant value) throws IOException {
        out.writeStringField(field, value == null ? null : instants.format(value));
    }

    private static void writeName(JsonGenerator out, String field, Enum<?> value)
            throws IOException {
        out.writeStringField(field, value == null ? null : value.name());
    }

    private static void endLine(JsonGenerator out) throws IOException {
        out.writeEndObject();
        out.writeRaw('\n');
    }
}
