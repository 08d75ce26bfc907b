package org.concord.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Joins the user names of the systems: by default the same name on every system is one user; an
 * explicit map (canonical user -> system -> native name) overrides that for the systems it names.
 */
public final class UserMap {
    private final Map<String, Map<String, String>> toNative;
    private final Map<String, Map<String, String>> toCanonical = new HashMap<>();

    /** @param canonicalToNative canonical user -> (system -> that system's user name) */
    public UserMap(Map<String, Map<String, String>> canonicalToNative) {
        this.toNative = Map.copyOf(canonicalToNative);
        canonicalToNative.forEach((canonical, perSystem) -> perSystem.forEach((system, nativeName) ->
                toCanonical.computeIfAbsent(system, s -> new HashMap<>()).put(nativeName, canonical)));
    }

    public static UserMap identity() {
        return new UserMap(Map.of());
    }

    public String canonical(String system, String nativeUser) {
        return toCanonical.getOrDefault(system, Map.of()).getOrDefault(nativeUser, nativeUser);
    }

    public String nativeUser(String system, String canonicalUser) {
        return toNative.getOrDefault(canonicalUser, Map.of()).getOrDefault(system, canonicalUser);
    }

    /** The explicit entries, for display: canonical user -> system -> native name. */
    public Map<String, Map<String, String>> explicit() {
        return toNative;
    }
}
