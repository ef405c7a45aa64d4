package io.mailflow.runtime.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The dashboard's files, served from the jar. Nothing comes from a CDN: installations are often
 * offline.
 */
final class StaticFiles {
    private static final String ROOT = "/io/mailflow/runtime/http/dashboard/";
    private static final Map<String, String> TYPES =
            Map.of(
                    "html", "text/html; charset=utf-8",
                    "css", "text/css; charset=utf-8",
                    "js", "text/javascript; charset=utf-8",
                    "svg", "image/svg+xml");

    private StaticFiles() {}

    /** The named file of the dashboard, or a 404 naming it. */
    static Response get(String name) {
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
        if (type == null || name.contains("..") || name.contains("/")) {
            throw ApiException.noRoute("/" + name);
        }
        try (InputStream in = StaticFiles.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw ApiException.noRoute("/" + name);
            }
            return new Response(200, type, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dashboard file " + name, e);
        }
    }
}
