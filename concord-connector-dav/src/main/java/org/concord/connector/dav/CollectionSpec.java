package org.concord.connector.dav;

import java.util.Locale;

/**
 * A collection as the config names it: a path (or URL), possibly with {@code {user}}, or a name
 * matched against display names and last path segments in the user's home.
 */
sealed interface CollectionSpec {

    record ByPath(String path) implements CollectionSpec {}

    record ByName(String name) implements CollectionSpec {
        boolean matches(RemoteCollection c) {
            String wanted = name.toLowerCase(Locale.ROOT);
            return c.displayName().toLowerCase(Locale.ROOT).equals(wanted) || c.segment().toLowerCase(Locale.ROOT).equals(wanted);
        }
    }

    static boolean isPath(String spec) {
        return spec.startsWith("/") || spec.startsWith("http://") || spec.startsWith("https://");
    }

    static CollectionSpec of(String spec, String user) {
        String s = spec.replace("{user}", user);
        if (isPath(s)) {
            return new ByPath(s.endsWith("/") ? s : s + "/");
        }
        return new ByName(s);
    }
}
