package org.concord.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A custom VTIMEZONE (one whose TZID is not an IANA name, e.g. Outlook's "W. Europe Standard
 * Time") ↔ a JSCalendar TimeZone object (RFC 8984 §4.7.2) with its standard and daylight rules.
 */
final class TimeZones {

    private TimeZones() {
    }

    static ObjectNode decode(RawComponent vtimezone) {
        ObjectNode tz = Json.object();
        tz.put("@type", "TimeZone");
        ArrayNode carried = Json.array();
        for (NativeProperty p : vtimezone.properties()) {
            String utc;
            switch (p.name()) {
                case "TZID" -> tz.put("tzId", p.value());
                case "TZURL" -> tz.put("url", p.value());
                case "LAST-MODIFIED" -> {
                    if ((utc = ICalTime.utcInstant(p.value())) != null && !tz.has("updated")) {
                        tz.put("updated", utc);
                    } else {
                        carried.add(p.toCarried());
                    }
                }
                case "TZUNTIL" -> {
                    if ((utc = ICalTime.utcInstant(p.value())) != null && !tz.has("validUntil")) {
                        tz.put("validUntil", utc);
                    } else {
                        carried.add(p.toCarried());
                    }
                }
                default -> carried.add(p.toCarried());
            }
        }
        for (RawComponent c : vtimezone.components()) {
            ObjectNode rule = c.name().equals("STANDARD") || c.name().equals("DAYLIGHT") ? rule(c) : null;
            if (rule == null) {
                carried.add(c.toCarried());
            } else {
                String list = c.name().equals("STANDARD") ? "standard" : "daylight";
                (tz.has(list) ? (ArrayNode) tz.get(list) : tz.putArray(list)).add(rule);
            }
        }
        if (!carried.isEmpty()) {
            tz.set("iCalProps", carried);
        }
        return tz;
    }

    private static ObjectNode rule(RawComponent observance) {
        ObjectNode rule = Json.object();
        rule.put("@type", "TimeZoneRule");
        ArrayNode carried = Json.array();
        String offsetFromText = observance.value("TZOFFSETFROM");
        ZoneOffset offsetFrom = offset(offsetFromText);
        for (NativeProperty p : observance.properties()) {
            boolean plain = p.params().isEmpty();
            switch (p.name()) {
                case "DTSTART" -> {
                    ICalTime.Value v = ICalTime.parse(p.value());
                    if (v != null && !v.date() && !v.utc() && plain && !rule.has("start")) {
                        rule.put("start", ICalTime.local(v.local()));
                    } else {
                        carried.add(p.toCarried());
                    }
                }
                case "TZOFFSETFROM", "TZOFFSETTO" -> {
                    String key = p.name().equals("TZOFFSETFROM") ? "offsetFrom" : "offsetTo";
                    if (offset(p.value()) != null && plain && !rule.has(key)) {
                        rule.put(key, p.value().trim());
                    } else {
                        carried.add(p.toCarried());
                    }
                }
                case "RRULE" -> {
                    ObjectNode r = plain ? RecurrenceRules.parse(p.value(), until -> untilLocal(until, offsetFrom)) : null;
                    if (r == null) {
                        carried.add(p.toCarried());
                    } else {
                        (rule.has("recurrenceRules") ? (ArrayNode) rule.get("recurrenceRules") : rule.putArray("recurrenceRules")).add(r);
                    }
                }
                case "RDATE" -> {
                    List<String> locals = new ArrayList<>();
                    for (String d : p.value().split(",")) {
                        ICalTime.Value v = ICalTime.parse(d);
                        if (v == null || v.date() || v.utc()) {
                            locals = null;
                            break;
                        }
                        locals.add(ICalTime.local(v.local()));
                    }
                    if (locals == null || !plain) {
                        carried.add(p.toCarried());
                    } else {
                        ObjectNode o = rule.has("recurrenceOverrides") ? (ObjectNode) rule.get("recurrenceOverrides") : rule.putObject("recurrenceOverrides");
                        locals.forEach(l -> o.putObject(l));
                    }
                }
                case "TZNAME" -> {
                    if (plain) {
                        (rule.has("names") ? (ObjectNode) rule.get("names") : rule.putObject("names")).put(p.value(), true);
                    } else {
                        carried.add(p.toCarried());
                    }
                }
                case "COMMENT" -> {
                    if (plain) {
                        (rule.has("comments") ? (ArrayNode) rule.get("comments") : rule.putArray("comments")).add(VCardText.unescape(p.value()));
                    } else {
                        carried.add(p.toCarried());
                    }
                }
                default -> carried.add(p.toCarried());
            }
        }
        observance.components().forEach(c -> carried.add(c.toCarried()));
        if (!carried.isEmpty()) {
            rule.set("iCalProps", carried);
        }
        return rule;
    }

    private static LocalDateTime untilLocal(String until, ZoneOffset offsetFrom) {
        ICalTime.Value v = ICalTime.parse(until);
        if (v == null) {
            return null;
        }
        if (v.utc() && offsetFrom != null) {
            return v.local().plusSeconds(offsetFrom.getTotalSeconds());
        }
        return v.utc() ? null : v.local();
    }

    static ZoneOffset offset(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.matches("[+-]\\d{4}")) {
                return ZoneOffset.of(t.substring(0, 3) + ":" + t.substring(3));
            }
            if (t.matches("[+-]\\d{6}")) {
                return ZoneOffset.of(t.substring(0, 3) + ":" + t.substring(3, 5) + ":" + t.substring(5));
            }
        } catch (java.time.DateTimeException e) {
            return null;
        }
        return null;
    }

    /** Writes a TimeZone object back as a VTIMEZONE; the TZID is the tzId (or the id without its "/"). */
    static RawComponent encode(String id, JsonNode tz) {
        List<NativeProperty> props = new ArrayList<>();
        String tzid = Json.text(tz, "tzId") != null ? Json.text(tz, "tzId") : id.startsWith("/") ? id.substring(1) : id;
        props.add(prop("TZID", tzid));
        if (Json.text(tz, "url") != null) {
            props.add(prop("TZURL", Json.text(tz, "url")));
        }
        if (Json.text(tz, "updated") != null) {
            props.add(prop("LAST-MODIFIED", utc(Json.text(tz, "updated"))));
        }
        if (Json.text(tz, "validUntil") != null) {
            props.add(prop("TZUNTIL", utc(Json.text(tz, "validUntil"))));
        }
        List<RawComponent> subs = new ArrayList<>();
        carried(tz.get("iCalProps"), props, subs);
        for (String list : new String[] {"standard", "daylight"}) {
            for (JsonNode rule : tz.path(list)) {
                subs.add(encodeRule(list.toUpperCase(java.util.Locale.ROOT), rule));
            }
        }
        return new RawComponent("VTIMEZONE", props, subs);
    }

    private static RawComponent encodeRule(String name, JsonNode rule) {
        List<NativeProperty> props = new ArrayList<>();
        LocalDateTime start = ICalTime.parseLocal(rule.path("start").asText(""));
        if (start != null) {
            props.add(prop("DTSTART", ICalTime.icalLocal(start)));
        }
        if (Json.text(rule, "offsetFrom") != null) {
            props.add(prop("TZOFFSETFROM", Json.text(rule, "offsetFrom")));
        }
        if (Json.text(rule, "offsetTo") != null) {
            props.add(prop("TZOFFSETTO", Json.text(rule, "offsetTo")));
        }
        ZoneOffset offsetFrom = offset(Json.text(rule, "offsetFrom"));
        for (JsonNode r : rule.path("recurrenceRules")) {
            props.add(prop("RRULE", RecurrenceRules.format(r, local -> offsetFrom == null ? ICalTime.icalLocal(local)
                    : ICalTime.icalUtc(local.toInstant(offsetFrom)))));
        }
        rule.path("recurrenceOverrides").fieldNames().forEachRemaining(k -> {
            LocalDateTime t = ICalTime.parseLocal(k);
            if (t != null) {
                props.add(prop("RDATE", ICalTime.icalLocal(t)));
            }
        });
        for (String n : Json.trueKeys(rule.get("names"))) {
            props.add(prop("TZNAME", n));
        }
        for (JsonNode c : rule.path("comments")) {
            props.add(prop("COMMENT", VCardText.escape(c.asText())));
        }
        List<RawComponent> subs = new ArrayList<>();
        carried(rule.get("iCalProps"), props, subs);
        return new RawComponent(name, props, subs);
    }

    static void carried(JsonNode carried, List<NativeProperty> props, List<RawComponent> subs) {
        if (carried == null || !carried.isArray()) {
            return;
        }
        for (JsonNode element : carried) {
            if (RawComponent.isCarriedComponent(element)) {
                subs.add(RawComponent.fromCarried(element));
            } else {
                NativeProperty p = NativeProperty.fromCarried(element);
                if (p != null) {
                    props.add(p);
                }
            }
        }
    }

    private static String utc(String instant) {
        try {
            return ICalTime.icalUtc(java.time.Instant.parse(instant));
        } catch (RuntimeException e) {
            return instant;
        }
    }

    private static NativeProperty prop(String name, String value) {
        return new NativeProperty(null, name, Map.of(), value, 0);
    }
}
