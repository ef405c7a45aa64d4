package io.mailflow.runtime.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as a handler sees it: the path split into segments and the query parameters.
 *
 * @param path the decoded path, e.g. {@code /api/deliveries/mail01/2549}
 * @param segments the path's segments, decoded
 * @param query the first value of each query parameter
 * @param forwarded whether another mailflow instance sent this request on a client's behalf
 */
public record Request(
        String path, List<String> segments, Map<String, String> query, boolean forwarded) {

    /** The header that marks a request one instance forwarded to another. */
    public static final String FORWARDED_HEADER = "X-Mailflow-Forwarded";

    static Request of(String path, String rawQuery, boolean forwarded) {
        List<String> segments =
                path.isEmpty() || path.equals("/")
                        ? List.of()
                        : List.of(path.substring(1).split("/", -1));
        return new Request(path, segments, parseQuery(rawQuery), forwarded);
    }

    /** A query parameter, or null when absent or empty. */
    public String param(String name) {
        String value = query.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** A positive integer parameter within {@code [1, max]}, or {@code fallback} when absent. */
    public int intParam(String name, int fallback, int max) {
        String value = param(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= 1 && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below with the expected range
        }
        throw ApiException.badParameter(name, value, "an integer from 1 to " + max);
    }

    private static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> params = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
