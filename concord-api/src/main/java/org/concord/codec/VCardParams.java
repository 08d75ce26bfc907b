package org.concord.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The parameters of one vCard property while it is being mapped: the mapping takes the ones it
 * understands (TYPE contexts and features, PREF), the rest stays in {@code vCardParams}.
 */
final class VCardParams {

    /** TYPE values that are JSContact phone features, with the feature name. */
    static final Map<String, String> PHONE_FEATURES = Map.of(
            "voice", "voice", "fax", "fax", "cell", "mobile", "pager", "pager", "text", "text",
            "video", "video", "textphone", "textphone", "main-number", "main-number");

    private final String group;
    private final LinkedHashMap<String, List<String>> params;

    VCardParams(NativeProperty p) {
        this.group = p.group();
        this.params = p.paramsCopy();
    }

    /** Removes and returns a parameter's values (empty list if absent). */
    List<String> take(String name) {
        List<String> v = params.remove(name);
        return v == null ? List.of() : v;
    }

    String takeFirst(String name) {
        List<String> v = take(name);
        return v.isEmpty() ? null : v.get(0);
    }

    /** Puts a value back (appended), e.g. a TYPE value a mapping looked at but did not use. */
    void restore(String name, String value) {
        params.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    boolean isEmpty() {
        return params.isEmpty() && (group == null || group.isEmpty());
    }

    /**
     * Moves TYPE values into {@code contexts} (work, home→private), {@code features} (when given)
     * and {@code pref}; unknown TYPE values stay as a parameter, lower case.
     */
    void applyTypes(ObjectNode target, Map<String, String> features) {
        List<String> types = params.remove("type");
        List<String> rest = new ArrayList<>();
        ObjectNode contexts = Json.object();
        ObjectNode feats = Json.object();
        boolean typePref = false;
        if (types != null) {
            for (String t : types) {
                String lower = t.toLowerCase(Locale.ROOT);
                if (lower.equals("work")) {
                    contexts.put("work", true);
                } else if (lower.equals("home")) {
                    contexts.put("private", true);
                } else if (lower.equals("pref")) {
                    typePref = true;
                } else if (features != null && features.containsKey(lower)) {
                    feats.put(features.get(lower), true);
                } else if (!rest.contains(lower)) {
                    rest.add(lower);
                }
            }
        }
        if (!rest.isEmpty()) {
            params.put("type", rest);
        }
        if (!contexts.isEmpty()) {
            target.set("contexts", contexts);
        }
        if (!feats.isEmpty()) {
            target.set("features", feats);
        }
        Integer pref = null;
        List<String> prefParam = params.get("pref");
        if (prefParam != null && prefParam.size() == 1) {
            try {
                int n = Integer.parseInt(prefParam.get(0).trim());
                if (n >= 1 && n <= 100) {
                    pref = n;
                    params.remove("pref");
                }
            } catch (NumberFormatException e) {
                // not a number: stays a parameter
            }
        }
        if (pref == null && typePref) {
            pref = 1;
        }
        if (pref != null) {
            target.put("pref", pref);
        }
    }

    /** Puts the remaining parameters and the group as {@code vCardParams} on the target, if any. */
    void putRest(ObjectNode target) {
        ObjectNode rest = NativeProperty.paramsJson(group, params);
        if (!rest.isEmpty()) {
            target.set("vCardParams", rest);
        }
    }

    ObjectNode rest() {
        return NativeProperty.paramsJson(group, params);
    }

    /** Reads {@code vCardParams} back into a parameter map, with the group taken out. */
    static Map<String, List<String>> fromJson(JsonNode vCardParams, String[] groupOut) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (vCardParams != null && vCardParams.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = vCardParams.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String name = e.getKey().toLowerCase(Locale.ROOT);
                if ("group".equals(name)) {
                    groupOut[0] = e.getValue().asText();
                } else {
                    out.put(name, new ArrayList<>(Json.paramValues(e.getValue())));
                }
            }
        }
        return out;
    }

    static final Set<String> CONTEXT_TYPES = Set.of("work", "private");
}
