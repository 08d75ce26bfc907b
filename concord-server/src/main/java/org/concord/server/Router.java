package org.concord.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The routes of the server: method, path template ({@code /api/errors/{id}}) and who may call it.
 * The table is also what the OpenAPI test compares the document with.
 */
final class Router {

    /** Handles one matched request. */
    @FunctionalInterface
    interface Handler {
        void handle(Exchange exchange) throws Exception;
    }

    record Route(String method, String template, Access access, Handler handler) {
        List<String> segments() {
            return split(template);
        }
    }

    /** What a request path matched. */
    sealed interface Match {
        record Found(Route route, Map<String, String> params) implements Match {}

        record WrongMethod(Set<String> allowed) implements Match {}

        record NotFound() implements Match {}
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String template, Access access, Handler handler) {
        for (Route r : routes) {
            if (r.method().equals(method) && r.template().equals(template)) {
                throw new IllegalArgumentException("route " + method + " " + template + " added twice");
            }
        }
        routes.add(new Route(method, template, access, handler));
        return this;
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    Match match(String method, String path) {
        List<String> parts = split(path);
        Set<String> allowed = new TreeSet<>();
        for (Route r : routes) {
            Map<String, String> params = bind(r.segments(), parts);
            if (params == null) {
                continue;
            }
            if (r.method().equals(method) || (method.equals("HEAD") && r.method().equals("GET"))) {
                return new Match.Found(r, params);
            }
            allowed.add(r.method());
        }
        return allowed.isEmpty() ? new Match.NotFound() : new Match.WrongMethod(allowed);
    }

    private static Map<String, String> bind(List<String> template, List<String> path) {
        if (template.size() != path.size()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.size(); i++) {
            String t = template.get(i);
            String p = path.get(i);
            if (t.startsWith("{") && t.endsWith("}")) {
                if (p.isEmpty()) {
                    return null;
                }
                params.put(t.substring(1, t.length() - 1), p);
            } else if (!t.equals(p)) {
                return null;
            }
        }
        return params;
    }

    private static List<String> split(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/", -1)) {
            out.add(s);
        }
        // "/a/b" -> ["", "a", "b"]; a trailing slash is not the same route.
        return out;
    }
}
