package org.concord.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.concord.model.ItemType;

/**
 * One VEVENT / VTODO / VJOURNAL → the JSCalendar members of an Event / Task / Note (RFC 8984).
 * A property that cannot be mapped goes to {@code iCalProps} as written; odd parameters of a
 * mapped single property go to {@code iCalParams[property]}.
 */
final class ComponentDecoder {

    /** Where an object's times live: the zone of its start (null when floating or all-day). */
    record Frame(ZoneResolver.Zone zone, boolean allDay) {
    }

    private final RawComponent component;
    private final ItemType type;
    private final ZoneResolver zones;
    private final ObjectNode json = Json.object();
    private final ArrayNode carried = Json.array();
    private final Set<String> seen = new HashSet<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private Frame frame;
    private final Singletons singletons;

    private ComponentDecoder(RawComponent component, ItemType type, ZoneResolver zones, Frame master) {
        this.component = component;
        this.type = type;
        this.zones = zones;
        this.frame = master;
        this.singletons = new Singletons(component.properties());
    }

    /** Decodes a master (or lone) component; its frame is taken from its own DTSTART / DUE. */
    static ComponentDecoder decode(RawComponent component, ItemType type, ZoneResolver zones) {
        ComponentDecoder d = new ComponentDecoder(component, type, zones, null);
        d.run();
        return d;
    }

    /** Decodes an override in the frame of its master (RECURRENCE-ID is read in that frame). */
    static ComponentDecoder decodeOverride(RawComponent component, ItemType type, ZoneResolver zones, Frame master) {
        ComponentDecoder d = new ComponentDecoder(component, type, zones, master);
        d.run();
        return d;
    }

    ObjectNode json() {
        return json;
    }

    Frame frame() {
        return frame;
    }

    private void run() {
        json.put("@type", type.jsonType());
        NativeProperty anchor = component.first("DTSTART");
        if (anchor == null && type == ItemType.TASK) {
            anchor = component.first("DUE");
        }
        Frame own = anchor == null ? null : frameOf(anchor);
        if (frame == null) {
            frame = own == null ? new Frame(null, false) : own;
        }
        for (NativeProperty p : component.properties()) {
            boolean mapped;
            try {
                mapped = map(p, own);
            } catch (RuntimeException e) {
                mapped = false; // a value the mapping cannot read stays as written
            }
            if (!mapped) {
                carried.add(p.toCarried());
            }
        }
        for (RawComponent sub : component.components()) {
            ObjectNode alert = sub.name().equals("VALARM") ? Alerts.decode(sub) : null;
            if (alert == null) {
                carried.add(sub.toCarried());
            } else {
                entries("alerts").set("a" + counters.merge("alerts", 1, Integer::sum), alert);
            }
        }
        if (!carried.isEmpty()) {
            json.set("iCalProps", carried);
        }
    }

    private Frame frameOf(NativeProperty p) {
        ICalTime.Value v = ICalTime.parse(p.value());
        if (v == null) {
            return null;
        }
        String valueType = p.param("value");
        if (v.date() || "DATE".equalsIgnoreCase(valueType)) {
            return new Frame(null, true);
        }
        if (v.utc()) {
            return new Frame(ZoneResolver.UTC, false);
        }
        String tzid = p.param("tzid");
        return new Frame(tzid == null ? null : zones.resolve(tzid), false);
    }

    private boolean map(NativeProperty p, Frame own) {
        String name = p.name();
        return switch (name) {
            case "UID" -> single(p, () -> json.put("uid", p.value().trim()));
            case "SUMMARY" -> single(p, () -> json.put("title", VCardText.unescape(p.value())));
            case "DESCRIPTION" -> single(p, () -> json.put("description", VCardText.unescape(p.value())));
            case "DTSTAMP" -> true; // not content: a fresh one is written on encode
            case "DTSTART" -> time(p, "start", own, true);
            case "DUE" -> type == ItemType.TASK && time(p, "due", own, component.first("DTSTART") == null);
            case "DTEND" -> type != ItemType.TASK && end(p);
            case "DURATION" -> {
                String d = ICalTime.canonicalDuration(p.value());
                String key = type == ItemType.TASK ? "estimatedDuration" : "duration";
                yield d != null && !json.has(key) && single(p, () -> json.put(key, d), "value");
            }
            case "RECURRENCE-ID" -> {
                String local = keyOf(p.value(), p);
                yield local != null && single(p, () -> json.put("recurrenceId", local), "tzid", "value");
            }
            case "STATUS" -> single(p, () -> json.put(type == ItemType.TASK ? "progress" : "status",
                    p.value().trim().toLowerCase(Locale.ROOT)));
            case "PRIORITY" -> integer(p, "priority", 0, 9);
            case "SEQUENCE" -> integer(p, "sequence", 0, Integer.MAX_VALUE);
            case "PERCENT-COMPLETE" -> type == ItemType.TASK && integer(p, "percentComplete", 0, 100);
            case "CLASS" -> {
                String privacy = switch (p.value().trim().toUpperCase(Locale.ROOT)) {
                    case "PUBLIC" -> "public";
                    case "PRIVATE" -> "private";
                    case "CONFIDENTIAL" -> "secret";
                    default -> null;
                };
                yield privacy != null && single(p, () -> json.put("privacy", privacy));
            }
            case "TRANSP" -> {
                String fb = switch (p.value().trim().toUpperCase(Locale.ROOT)) {
                    case "OPAQUE" -> "busy";
                    case "TRANSPARENT" -> "free";
                    default -> null;
                };
                yield fb != null && type == ItemType.EVENT && single(p, () -> json.put("freeBusyStatus", fb));
            }
            case "CREATED", "LAST-MODIFIED", "COMPLETED" -> {
                String utc = ICalTime.utcInstant(p.value());
                String key = switch (name) {
                    case "CREATED" -> "created";
                    case "LAST-MODIFIED" -> "updated";
                    default -> "progressUpdated";
                };
                yield utc != null && (type == ItemType.TASK || !name.equals("COMPLETED"))
                        && single(p, () -> json.put(key, utc), "value");
            }
            case "CATEGORIES" -> {
                if (!p.params().isEmpty()) {
                    yield false;
                }
                ObjectNode keywords = json.has("keywords") ? (ObjectNode) json.get("keywords") : json.putObject("keywords");
                for (String k : VCardText.list(p.value())) {
                    if (!k.isBlank()) {
                        keywords.put(k.trim(), true);
                    }
                }
                yield true;
            }
            case "LOCATION" -> {
                ObjectNode loc = entry("locations", "loc");
                loc.put("@type", "Location");
                loc.put("name", VCardText.unescape(p.value()));
                rest(loc, p);
                yield true;
            }
            case "URL" -> {
                ObjectNode link = entry("links", "l");
                link.put("@type", "Link");
                link.put("href", p.value().trim());
                rest(link, p, "value");
                yield true;
            }
            case "RELATED-TO" -> relatedTo(p);
            case "ATTENDEE", "ORGANIZER" -> {
                ObjectNode participant = Participants.decode(p);
                entries("participants").set("p" + counters.merge("participants", 1, Integer::sum), participant);
                yield true;
            }
            case "RRULE", "EXRULE" -> rule(p);
            case "RDATE", "EXDATE" -> dates(p);
            default -> false;
        };
    }

    /** Maps a property that occurs once; a repeat is carried. {@code known} parameters are consumed. */
    private boolean single(NativeProperty p, Runnable mapping, String... known) {
        String key = p.name().toLowerCase(Locale.ROOT);
        if (!singletons.isChosen(p) || !seen.add(key)) {
            return false;
        }
        mapping.run();
        Map<String, List<String>> rest = new LinkedHashMap<>(p.params());
        for (String k : known) {
            rest.remove(k);
        }
        if (!rest.isEmpty()) {
            ObjectNode all = json.has("iCalParams") ? (ObjectNode) json.get("iCalParams") : json.putObject("iCalParams");
            all.set(key, NativeProperty.paramsJson(null, rest));
        }
        return true;
    }

    private boolean integer(NativeProperty p, String key, int min, int max) {
        try {
            int n = Integer.parseInt(p.value().trim());
            return n >= min && n <= max && single(p, () -> json.put(key, n));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private ObjectNode entries(String map) {
        return json.has(map) ? (ObjectNode) json.get(map) : json.putObject(map);
    }

    private ObjectNode entry(String map, String prefix) {
        return entries(map).putObject(prefix + counters.merge(map, 1, Integer::sum));
    }

    private static void rest(ObjectNode target, NativeProperty p, String... known) {
        Map<String, List<String>> rest = new LinkedHashMap<>(p.params());
        for (String k : known) {
            rest.remove(k);
        }
        if (!rest.isEmpty()) {
            target.set("iCalParams", NativeProperty.paramsJson(null, rest));
        }
    }

    /** DTSTART / DUE: a local time in the frame; the frame's zone becomes {@code timeZone}. */
    private boolean time(NativeProperty p, String key, Frame own, boolean setsFrame) {
        ICalTime.Value v = ICalTime.parse(p.value());
        if (v == null || own == null || json.has(key)) {
            return false;
        }
        Frame f = frameOf(p);
        if (!setsFrame && !sameFrame(f, own)) {
            return false; // a DUE in another zone than DTSTART: kept as written
        }
        return single(p, () -> {
            json.put(key, ICalTime.local(v.local()));
            if (key.equals("start") || setsFrame) {
                if (f.allDay()) {
                    json.put("showWithoutTime", true);
                } else if (f.zone() != null) {
                    json.put("timeZone", f.zone().id());
                }
            }
        }, "tzid", "value");
    }

    private static boolean sameFrame(Frame a, Frame b) {
        if (a == null || b == null || a.allDay() != b.allDay()) {
            return false;
        }
        return a.zone() == null ? b.zone() == null : b.zone() != null && a.zone().id().equals(b.zone().id());
    }

    /** DTEND becomes {@code duration} when it is in the zone of DTSTART; otherwise it is kept as written. */
    private boolean end(NativeProperty p) {
        NativeProperty dtstart = component.first("DTSTART");
        if (dtstart == null || json.has("duration")) {
            return false;
        }
        Frame startFrame = frameOf(dtstart);
        Frame endFrame = frameOf(p);
        ICalTime.Value s = ICalTime.parse(dtstart.value());
        ICalTime.Value e = ICalTime.parse(p.value());
        if (s == null || e == null || !sameFrame(startFrame, endFrame)) {
            return false;
        }
        Duration d;
        if (startFrame.zone() != null && startFrame.zone().rules() != null) {
            Instant a = ICalZones.toInstant(s.local(), startFrame.zone().rules());
            Instant b = ICalZones.toInstant(e.local(), startFrame.zone().rules());
            d = Duration.between(a, b);
        } else {
            d = Duration.between(s.local(), e.local());
        }
        if (d.isNegative()) {
            return false;
        }
        return single(p, () -> json.put("duration", ICalTime.formatDuration(d)), "tzid", "value");
    }

    /** A recurrence id / EXDATE / RDATE value as a local date-time in the master's frame. */
    String keyOf(String value, NativeProperty p) {
        ICalTime.Value v = ICalTime.parse(value);
        if (v == null) {
            return null;
        }
        LocalDateTime local = v.local();
        if (!v.date() && frame != null && !frame.allDay()) {
            ZoneResolver.Zone from = v.utc() ? ZoneResolver.UTC : p.param("tzid") == null ? null : zones.resolve(p.param("tzid"));
            local = ZoneResolver.convert(local, from, frame.zone());
        }
        if (frame != null && frame.allDay()) {
            local = local.toLocalDate().atStartOfDay();
        }
        return ICalTime.local(local);
    }

    private boolean rule(NativeProperty p) {
        if (!p.params().isEmpty()) {
            return false;
        }
        ObjectNode r = RecurrenceRules.parse(p.value(), this::untilLocal);
        if (r == null) {
            return false;
        }
        String key = p.name().equals("RRULE") ? "recurrenceRules" : "excludedRecurrenceRules";
        (json.has(key) ? (ArrayNode) json.get(key) : json.putArray(key)).add(r);
        return true;
    }

    private LocalDateTime untilLocal(String text) {
        ICalTime.Value v = ICalTime.parse(text);
        if (v == null) {
            return null;
        }
        if (v.utc() && frame != null && frame.zone() != null && frame.zone().rules() != null) {
            return ICalZones.toLocal(v.local().toInstant(ZoneOffset.UTC), frame.zone().rules());
        }
        return v.local();
    }

    private boolean dates(NativeProperty p) {
        for (String k : p.params().keySet()) {
            if (!k.equals("tzid") && !k.equals("value")) {
                return false;
            }
        }
        String valueType = p.param("value");
        if (valueType != null && !valueType.equalsIgnoreCase("DATE") && !valueType.equalsIgnoreCase("DATE-TIME")) {
            return false; // RDATE;VALUE=PERIOD: kept as written
        }
        List<String> keys = new java.util.ArrayList<>();
        for (String v : p.value().split(",")) {
            String key = keyOf(v, p);
            if (key == null) {
                return false;
            }
            keys.add(key);
        }
        ObjectNode overrides = entries("recurrenceOverrides");
        for (String key : keys) {
            ObjectNode o = overrides.has(key) ? (ObjectNode) overrides.get(key) : overrides.putObject(key);
            if (p.name().equals("EXDATE")) {
                o.put("excluded", true);
            }
        }
        return true;
    }

    private boolean relatedTo(NativeProperty p) {
        String uid = p.value().trim();
        ObjectNode related = entries("relatedTo");
        if (uid.isEmpty() || related.has(uid)) {
            return false;
        }
        ObjectNode r = related.putObject(uid);
        r.put("@type", "Relation");
        ObjectNode relation = r.putObject("relation");
        for (String t : p.params().getOrDefault("reltype", List.of())) {
            relation.put(t.toLowerCase(Locale.ROOT), true);
        }
        rest(r, p, "reltype");
        return true;
    }

    static boolean isEmptyObject(JsonNode n) {
        return n != null && n.isObject() && n.isEmpty();
    }
}
