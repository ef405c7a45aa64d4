package io.mailflow.runtime.config;

import io.mailflow.runtime.config.ConfigKey.ValueParser;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.internals.Topic;

/** The ways a configuration text becomes a value; each rejects what it cannot read. */
final class Parsers {
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern HOST_PORT =
            Pattern.compile("[A-Za-z0-9._\\-]+:(\\d{1,5})|\\[[0-9A-Fa-f:.]+]:(\\d{1,5})");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._\\-]+|[0-9A-Fa-f:]+");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9._\\-]+");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,15})(KiB|MiB|GiB)?");
    private static final int MAX_PORT = 65535;

    private Parsers() {}

    static ValueParser<String> identifier() {
        return text -> {
            if (!IDENTIFIER.matcher(text).matches()) {
                throw new IllegalArgumentException(
                        "only letters, digits, '.', '_' and '-' may be used");
            }
            return text;
        };
    }

    static ValueParser<String> topicName() {
        return text -> {
            try {
                Topic.validate(text);
                return text;
            } catch (InvalidTopicException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        };
    }

    static ValueParser<String> hostPortList() {
        return text -> {
            List<String> servers = List.of(text.split(",", -1));
            for (String server : servers) {
                Matcher m = HOST_PORT.matcher(server.trim());
                if (!m.matches() || port(m.group(1) != null ? m.group(1) : m.group(2)) < 1) {
                    throw new IllegalArgumentException("'" + server.trim() + "' is not host:port");
                }
            }
            return String.join(",", servers.stream().map(String::trim).toList());
        };
    }

    static ValueParser<String> host() {
        return text -> {
            if (!HOST.matcher(text).matches()) {
                throw unreadable();
            }
            return text;
        };
    }

    /** A host name or address, or the empty text for none. */
    static ValueParser<String> optionalHost() {
        ValueParser<String> host = host();
        return text -> text.isEmpty() ? text : host.parse(text);
    }

    /** Any text at all; for secrets, whose values must never appear in a message. */
    static ValueParser<String> anyText() {
        return text -> text;
    }

    static ValueParser<Integer> intRange(int min, int max) {
        return text -> {
            int value;
            try {
                value = Integer.parseInt(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a whole number", e);
            }
            if (value < min || value > max) {
                throw new IllegalArgumentException("out of range");
            }
            return value;
        };
    }

    static ValueParser<Integer> port() {
        return intRange(0, MAX_PORT);
    }

    static ValueParser<Boolean> bool() {
        return text ->
                switch (text.toLowerCase(Locale.ROOT)) {
                    case "true" -> true;
                    case "false" -> false;
                    default -> throw unreadable();
                };
    }

    static <E extends Enum<E>> ValueParser<E> lowercaseEnum(Class<E> type) {
        return text -> {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().toLowerCase(Locale.ROOT).equals(text)) {
                    return constant;
                }
            }
            throw unreadable();
        };
    }

    /** A positive duration: {@code 48h}, {@code 90m}, {@code 7d}, {@code 500ms} or ISO-8601. */
    static ValueParser<Duration> positiveDuration() {
        return text -> {
            Duration value = duration(text);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("must be longer than zero");
            }
            return value;
        };
    }

    /** Like {@link #positiveDuration()}, zero allowed. */
    static ValueParser<Duration> nonNegativeDuration() {
        return text -> {
            Duration value = duration(text);
            if (value.isNegative()) {
                throw new IllegalArgumentException("must not be negative");
            }
            return value;
        };
    }

    /**
     * An amount of memory of at least {@code min} bytes: a number of bytes, or of {@code KiB},
     * {@code MiB} or {@code GiB}, such as {@code 512MiB}.
     */
    static ValueParser<Long> size(long min) {
        return text -> {
            Matcher m = SIZE.matcher(text);
            if (!m.matches()) {
                throw unreadable();
            }
            int shift =
                    m.group(2) == null
                            ? 0
                            : switch (m.group(2)) {
                                case "KiB" -> 10;
                                case "MiB" -> 20;
                                default -> 30;
                            };
            long amount = Long.parseLong(m.group(1));
            if (amount > Long.MAX_VALUE >> shift) {
                throw new IllegalArgumentException("too large");
            }
            long bytes = amount << shift;
            if (bytes < min) {
                throw new IllegalArgumentException("too small");
            }
            return bytes;
        };
    }

    static <T> ValueParser<Optional<T>> optional(ValueParser<T> parser) {
        return text -> text.isEmpty() ? Optional.empty() : Optional.of(parser.parse(text));
    }

    static ValueParser<ZoneId> zone() {
        return Parsers::zoneId;
    }

    /** {@code host=Zone} pairs separated by commas; an empty text is an empty map. */
    static ValueParser<Map<String, ZoneId>> zonesByHost() {
        return text -> {
            Map<String, ZoneId> zones = new LinkedHashMap<>();
            if (text.isEmpty()) {
                return zones;
            }
            for (String pair : text.split(",", -1)) {
                int equals = pair.indexOf('=');
                String host = equals < 0 ? "" : pair.substring(0, equals).trim();
                if (host.isEmpty()) {
                    throw new IllegalArgumentException("'" + pair.trim() + "' is not host=zone");
                }
                if (zones.put(host, zoneId(pair.substring(equals + 1).trim())) != null) {
                    throw new IllegalArgumentException("host " + host + " is given twice");
                }
            }
            return zones;
        };
    }

    /** A path to a regular file that can be read now. */
    static ValueParser<Path> readableFile() {
        return text -> {
            Path path;
            try {
                path = Path.of(text);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("not a path", e);
            }
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new IllegalArgumentException("no readable file there");
            }
            return path;
        };
    }

    static ValueParser<Path> path() {
        return text -> {
            if (text.isEmpty()) {
                throw new IllegalArgumentException("empty");
            }
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("not a path", e);
            }
        };
    }

    private static Duration duration(String text) {
        Matcher m = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw unreadable(e);
        }
    }

    private static ZoneId zoneId(String text) {
        try {
            // normalized() turns "UTC" and "Z" into one zone, ZoneOffset.UTC.
            return ZoneId.of(text).normalized();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + text + "'", e);
        }
    }

    /** A rejection with nothing to add to the key's "expected ..." text. */
    private static IllegalArgumentException unreadable() {
        return new IllegalArgumentException((String) null);
    }

    private static IllegalArgumentException unreadable(Throwable cause) {
        return new IllegalArgumentException(null, cause);
    }

    private static int port(String digits) {
        int port = Integer.parseInt(digits);
        return port > MAX_PORT ? -1 : port;
    }
}
