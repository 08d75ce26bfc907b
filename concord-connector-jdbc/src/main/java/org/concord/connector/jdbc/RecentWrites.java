package org.concord.connector.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The versions this connector itself wrote lately, so a feed without an origin marker (polling)
 * does not hand the connector's own writes back as changes. Bounded: the oldest are forgotten,
 * and the engine's echo check covers what is forgotten.
 */
final class RecentWrites {
    private static final int MAX = 10_000;

    private final Map<String, String> versions = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX;
        }
    };

    synchronized void wrote(String nativeId, String version) {
        versions.put(nativeId, version);
    }

    synchronized boolean isOwn(String nativeId, String version) {
        return version.equals(versions.get(nativeId));
    }
}
