package io.mailflow.runtime.http;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches a request path against route templates such as {@code /api/deliveries/{host}/{id}}.
 * Routes are tried in the order they were added.
 */
final class Router {

    /** Answers a request whose path matched, with the template's variables bound. */
    @FunctionalInterface
    interface Handler {
        Response handle(Request request, Map<String, String> variables);
    }

    private record Route(List<String> template, Handler handler) {}

    private final List<Route> routes = new ArrayList<>();

    Router add(String template, Handler handler) {
        routes.add(new Route(Request.of(template, null, false).segments(), handler));
        return this;
    }

    Response route(Request request) {
        for (Route route : routes) {
            Map<String, String> variables = match(route.template(), request.segments());
            if (variables != null) {
                return route.handler().handle(request, variables);
            }
        }
        throw ApiException.noRoute(request.path());
    }

    private static Map<String, String> match(List<String> template, List<String> segments) {
        if (template.size() != segments.size()) {
            return null;
        }
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String part = template.get(i);
            String actual = segments.get(i);
            if (part.startsWith("{") && part.endsWith("}")) {
                if (actual.isEmpty()) {
                    return null;
                }
                variables.put(part.substring(1, part.length() - 1), actual);
            } else if (!part.equals(actual)) {
                return null;
            }
        }
        return variables;
    }
}
