package io.mailflow.topology;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.mailflow.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Takes the log line, its host and its file position out of one input record. A record is either
 * the raw line (UTF-8) or a JSON envelope from a log shipper, told apart by the first non-blank
 * byte: a Web Crossing line starts with a digit, an envelope with <code>{</code>. Envelopes are
 * read with a streaming parser that looks only at the few fields mailflow needs:
 *
 * <ul>
 *   <li>Filebeat: {@code message}, {@code host.name}, {@code log.file.path}, {@code log.offset}
 *   <li>Vector: {@code message}, {@code host}, {@code file}
 *   <li>Fluent Bit: {@code log}, and {@code hostname} when a filter adds it
 * </ul>
 *
 * The host is the envelope's when it names one; else the record key, else the {@value
 * LineHeaders#HOST} header, else the configured default host. A raw line's file and offset come
 * from the {@value LineHeaders#FILE} and {@value LineHeaders#OFFSET} headers when it has them.
 */
final class RecordDecoder {
    private static final JsonFactory JSON = Json.mapper().getFactory();

    private final String defaultHost;

    RecordDecoder(String defaultHost) {
        this.defaultHost = defaultHost;
    }

    SourceLine decode(byte[] key, Headers headers, byte[] value, RecordCoordinates at) {
        String recordHost = hostOf(key, headers);
        if (!looksLikeEnvelope(value)) {
            return SourceLine.decoded(
                    recordHost,
                    rawLine(value),
                    text(headers, LineHeaders.FILE),
                    fileOffset(headers),
                    at);
        }
        try {
            Envelope e = readEnvelope(value);
            String host = e.host() == null || e.host().isEmpty() ? recordHost : e.host();
            return SourceLine.decoded(host, withoutTerminator(e.text()), e.file, e.offset, at);
        } catch (EnvelopeException problem) {
            return SourceLine.undecodable(
                    recordHost, new String(value, StandardCharsets.UTF_8), at, problem);
        }
    }

    private String hostOf(byte[] key, Headers headers) {
        if (key != null && key.length > 0) {
            return new String(key, StandardCharsets.UTF_8);
        }
        String header = text(headers, LineHeaders.HOST);
        return header != null ? header : defaultHost;
    }

    /** The header's text, or null if the record has no such header or it is empty. */
    private static String text(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        if (header == null || header.value() == null || header.value().length == 0) {
            return null;
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The offset header; null if missing or not a number, since it only helps find a line. */
    private static Long fileOffset(Headers headers) {
        String text = text(headers, LineHeaders.OFFSET);
        if (text == null) {
            return null;
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean looksLikeEnvelope(byte[] value) {
        for (byte b : value) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{';
            }
        }
        return false;
    }

    private static String rawLine(byte[] value) {
        int end = value.length;
        while (end > 0 && (value[end - 1] == '\n' || value[end - 1] == '\r')) {
            end--;
        }
        return new String(value, 0, end, StandardCharsets.UTF_8);
    }

    private static String withoutTerminator(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    private static Envelope readEnvelope(byte[] value) throws EnvelopeException {
        try (JsonParser p = JSON.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new EnvelopeException(
                        RecordProblem.BAD_ENVELOPE,
                        "record starts with '{' but is not a JSON object",
                        column(p.currentLocation()),
                        null);
            }
            Envelope e = new Envelope();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                readField(p, name, p.nextToken(), e);
            }
            if (e.text() == null) {
                throw new EnvelopeException(
                        RecordProblem.NO_MESSAGE,
                        "envelope has no 'message' or 'log' text field",
                        0,
                        null);
            }
            return e;
        } catch (JsonProcessingException ex) {
            throw new EnvelopeException(
                    RecordProblem.BAD_ENVELOPE,
                    "record is not valid JSON at column "
                            + column(ex.getLocation())
                            + ": "
                            + ex.getOriginalMessage(),
                    column(ex.getLocation()),
                    ex);
        } catch (IOException ex) {
            throw new EnvelopeException(
                    RecordProblem.BAD_ENVELOPE, "record could not be read as JSON", 0, ex);
        }
    }

    private static void readField(JsonParser p, String name, JsonToken token, Envelope e)
            throws IOException {
        switch (name) {
            case "message" -> e.message = stringOrSkip(p, token);
            case "log" -> readLog(p, token, e);
            case "host" ->
                    e.host = token == JsonToken.START_OBJECT ? nameIn(p) : stringOrSkip(p, token);
            case "hostname" -> e.hostname = stringOrSkip(p, token);
            case "file" -> e.file = stringOrSkip(p, token);
            default -> p.skipChildren();
        }
    }

    /** Fluent Bit's {@code log} is the line; Filebeat's is an object with the file position. */
    private static void readLog(JsonParser p, JsonToken token, Envelope e) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            e.log = stringOrSkip(p, token);
            return;
        }
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("offset") && value == JsonToken.VALUE_NUMBER_INT) {
                e.offset = p.getLongValue();
            } else if (name.equals("file") && value == JsonToken.START_OBJECT) {
                e.file = fieldIn(p, "path");
            } else {
                p.skipChildren();
            }
        }
    }

    private static String nameIn(JsonParser p) throws IOException {
        return fieldIn(p, "name");
    }

    /** The string field {@code wanted} of the object the parser is in; skips the rest. */
    private static String fieldIn(JsonParser p, String wanted) throws IOException {
        String found = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals(wanted) && value == JsonToken.VALUE_STRING) {
                found = p.getText();
            } else {
                p.skipChildren();
            }
        }
        return found;
    }

    private static String stringOrSkip(JsonParser p, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        p.skipChildren();
        return null;
    }

    private static int column(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getColumnNr());
    }

    /** The fields of an envelope mailflow uses. */
    private static final class Envelope {
        private String message;
        private String log;
        private String host;
        private String hostname;
        private String file;
        private Long offset;

        String text() {
            return message != null ? message : log;
        }

        /**
         * Filebeat and Vector say {@code host}; Fluent Bit filters usually add {@code hostname}.
         */
        String host() {
            return host != null && !host.isEmpty() ? host : hostname;
        }
    }
}
