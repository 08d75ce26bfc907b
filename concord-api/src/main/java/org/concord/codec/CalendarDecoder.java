package org.concord.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.concord.model.ItemType;
import org.concord.model.Payload;

/**
 * A read VCALENDAR → canonical objects: the components that share a UID (master plus
 * RECURRENCE-ID overrides) become one Event / Task / Note, overrides as JSCalendar
 * {@code recurrenceOverrides} patches against the master.
 */
final class CalendarDecoder {

    /** Members that belong to the series as a whole and never appear in an override patch. */
    static final Set<String> SERIES_ONLY = Set.of("@type", "uid", "recurrenceRules", "excludedRecurrenceRules",
            "recurrenceOverrides", "recurrenceId", "prodId", "method", "timeZones", "iCalCalendarProps");

    private CalendarDecoder() {
    }

    static List<Payload> decode(RawComponent calendar) {
        ObjectNode shared = Json.object();
        ArrayNode calendarCarried = Json.array();
        for (NativeProperty p : calendar.properties()) {
            switch (p.name()) {
                case "VERSION" -> {
                    if (!p.value().trim().equals("2.0")) {
                        calendarCarried.add(p.toCarried());
                    }
                }
                case "PRODID" -> {
                    if (shared.has("prodId") || !p.params().isEmpty()) {
                        calendarCarried.add(p.toCarried());
                    } else {
                        shared.put("prodId", VCardText.unescape(p.value()));
                    }
                }
                case "METHOD" -> {
                    if (shared.has("method") || !p.params().isEmpty()) {
                        calendarCarried.add(p.toCarried());
                    } else {
                        shared.put("method", p.value().trim().toLowerCase(Locale.ROOT));
                    }
                }
                case "CALSCALE" -> {
                    if (!p.value().trim().equalsIgnoreCase("GREGORIAN") || !p.params().isEmpty()) {
                        calendarCarried.add(p.toCarried());
                    }
                }
                default -> calendarCarried.add(p.toCarried());
            }
        }
        Map<String, RawComponent> vtimezones = new LinkedHashMap<>();
        Map<String, List<RawComponent>> byUid = new LinkedHashMap<>();
        ArrayNode otherComponents = Json.array();
        int anonymous = 0;
        for (RawComponent c : calendar.components()) {
            switch (c.name()) {
                case "VTIMEZONE" -> {
                    String tzid = c.value("TZID");
                    if (tzid != null) {
                        vtimezones.putIfAbsent(tzid.trim(), c);
                    }
                }
                case "VEVENT", "VTODO", "VJOURNAL" -> {
                    String uid = c.value("UID");
                    String key = uid == null || uid.isBlank() ? "\u0000" + (anonymous++) : uid.trim();
                    byUid.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
                }
                default -> otherComponents.add(c.toCarried());
            }
        }
        ZoneResolver zones = new ZoneResolver(vtimezones);
        List<Payload> payloads = new ArrayList<>();
        for (List<RawComponent> group : byUid.values()) {
            ObjectNode json = decodeGroup(group, zones);
            shared.fields().forEachRemaining(e -> json.set(e.getKey(), e.getValue().deepCopy()));
            ArrayNode cal = calendarCarried.deepCopy();
            if (payloads.isEmpty()) {
                otherComponents.forEach(cal::add);
            }
            if (!cal.isEmpty()) {
                json.set("iCalCalendarProps", cal);
            }
            payloads.add(Payload.of(json));
        }
        return payloads;
    }

    private static ItemType typeOf(RawComponent c) {
        return switch (c.name()) {
            case "VTODO" -> ItemType.TASK;
            case "VJOURNAL" -> ItemType.NOTE;
            default -> ItemType.EVENT;
        };
    }

    private static ObjectNode decodeGroup(List<RawComponent> group, ZoneResolver zones) {
        RawComponent master = null;
        for (RawComponent c : group) {
            if (c.first("RECURRENCE-ID") == null) {
                master = c;
                break;
            }
        }
        if (master == null) {
            master = group.get(0); // only overridden instances were shared with us: the first leads
        }
        ItemType type = typeOf(master);
        ComponentDecoder main = ComponentDecoder.decode(master, type, zones);
        ObjectNode json = main.json();
        ObjectNode base = base(json);
        for (RawComponent c : group) {
            if (c == master) {
                continue;
            }
            NativeProperty rid = c.first("RECURRENCE-ID");
            String key = rid == null || typeOf(c) != type ? null : main.keyOf(rid.value(), rid);
            ObjectNode overrides = json.has("recurrenceOverrides") ? (ObjectNode) json.get("recurrenceOverrides") : null;
            if (key == null || (overrides != null && overrides.has(key) && !overrides.get(key).isEmpty()
                    && !overrides.get(key).has("excluded"))) {
                // a second master, another type, or a duplicate instance: kept whole, not merged away
                ArrayNode carried = json.has("iCalProps") ? (ArrayNode) json.get("iCalProps") : json.putArray("iCalProps");
                carried.add(c.toCarried());
                continue;
            }
            ComponentDecoder instance = ComponentDecoder.decodeOverride(c, type, zones, main.frame());
            ObjectNode patch = patch(base, instance.json(), key);
            if (overrides == null) {
                overrides = json.putObject("recurrenceOverrides");
            }
            ObjectNode existing = overrides.has(key) ? (ObjectNode) overrides.get(key) : null;
            if (existing != null && existing.has("excluded")) {
                patch.put("excluded", true);
            }
            overrides.set(key, patch);
        }
        Map<String, ObjectNode> custom = zones.takeUsed();
        if (!custom.isEmpty()) {
            ObjectNode tz = json.putObject("timeZones");
            custom.forEach(tz::set);
        }
        return json;
    }

    /** The master as the starting point of every instance: its per-instance members only. */
    static ObjectNode base(ObjectNode master) {
        ObjectNode base = Json.object();
        master.fields().forEachRemaining(e -> {
            if (!SERIES_ONLY.contains(e.getKey())) {
                base.set(e.getKey(), e.getValue());
            }
        });
        return base;
    }

    /**
     * The members in which an instance differs from the master; a member the instance lacks is
     * null (removed). {@code start} is always present, which tells an overridden instance from an
     * RDATE (an empty patch).
     */
    static ObjectNode patch(ObjectNode base, ObjectNode instance, String key) {
        ObjectNode patch = Json.object();
        Iterator<Map.Entry<String, JsonNode>> it = instance.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            if (SERIES_ONLY.contains(e.getKey())) {
                continue;
            }
            if (e.getKey().equals("start") || !e.getValue().equals(base.get(e.getKey()))) {
                patch.set(e.getKey(), e.getValue());
            }
        }
        base.fieldNames().forEachRemaining(k -> {
            if (!instance.has(k)) {
                patch.set(k, NullNode.getInstance());
            }
        });
        if (!patch.has("start")) {
            patch.put("start", key);
        }
        return patch;
    }
}
