package org.concord.codec;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks, among repeats of a property that the model holds once (a second FN, a second
 * DESCRIPTION), the one that maps; the others are carried. The pick depends on content, not on
 * line order, so a server that reorders lines does not change what the object looks like.
 */
final class Singletons {

    private static final Comparator<NativeProperty> ORDER = Comparator
            .comparing(NativeProperty::value)
            .thenComparing(p -> p.params().toString())
            .thenComparing(p -> p.group() == null ? "" : p.group());

    private final Map<String, NativeProperty> chosen = new HashMap<>();

    Singletons(List<NativeProperty> properties) {
        for (NativeProperty p : properties) {
            chosen.merge(p.name(), p, (a, b) -> ORDER.compare(a, b) <= 0 ? a : b);
        }
    }

    /** True when {@code p} is the one of its name that maps. */
    boolean isChosen(NativeProperty p) {
        return chosen.get(p.name()) == p;
    }
}
