package org.concord.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** VALARM ↔ JSCalendar Alert; what an Alert has no member for stays in the alert's {@code iCalProps}. */
final class Alerts {

    private Alerts() {
    }

    /** The alert, or null when the VALARM has no readable TRIGGER (it is then carried whole). */
    static ObjectNode decode(RawComponent alarm) {
        ObjectNode alert = Json.object();
        alert.put("@type", "Alert");
        ArrayNode carried = Json.array();
        for (NativeProperty p : alarm.properties()) {
            switch (p.name()) {
                case "TRIGGER" -> {
                    ObjectNode trigger = alert.has("trigger") ? null : trigger(p);
                    if (trigger == null) {
                        carried.add(p.toCarried());
                    } else {
                        alert.set("trigger", trigger);
                    }
                }
                case "ACTION" -> {
                    if (alert.has("action") || !p.params().isEmpty()) {
                        carried.add(p.toCarried());
                    } else {
                        alert.put("action", p.value().trim().toLowerCase(Locale.ROOT));
                    }
                }
                case "ACKNOWLEDGED" -> {
                    String utc = ICalTime.utcInstant(p.value());
                    if (utc == null || alert.has("acknowledged") || !p.params().isEmpty()) {
                        carried.add(p.toCarried());
                    } else {
                        alert.put("acknowledged", utc);
                    }
                }
                default -> carried.add(p.toCarried());
            }
        }
        if (!alert.has("trigger")) {
            return null;
        }
        if (!alert.has("action")) {
            alert.put("action", "display"); // the JSCalendar default, which is also what gets written
        }
        alarm.components().forEach(c -> carried.add(c.toCarried()));
        if (!carried.isEmpty()) {
            alert.set("iCalProps", carried);
        }
        return alert;
    }

    private static ObjectNode trigger(NativeProperty p) {
        Map<String, List<String>> params = new LinkedHashMap<>(p.params());
        String valueType = first(params.remove("value"));
        String related = first(params.remove("related"));
        ObjectNode t = Json.object();
        if (valueType != null && valueType.equalsIgnoreCase("DATE-TIME")) {
            String utc = ICalTime.utcInstant(p.value());
            if (utc == null || related != null) {
                return null;
            }
            t.put("@type", "AbsoluteTrigger");
            t.put("when", utc);
        } else {
            String offset = ICalTime.canonicalDuration(p.value());
            if (offset == null) {
                String utc = ICalTime.utcInstant(p.value());
                if (utc == null || related != null) {
                    return null;
                }
                t.put("@type", "AbsoluteTrigger");
                t.put("when", utc);
            } else {
                t.put("@type", "OffsetTrigger");
                t.put("offset", offset);
                if (related != null && related.equalsIgnoreCase("END")) {
                    t.put("relativeTo", "end");
                } else if (related != null && !related.equalsIgnoreCase("START")) {
                    return null;
                }
            }
        }
        if (!params.isEmpty()) {
            t.set("iCalParams", NativeProperty.paramsJson(null, params));
        }
        return t;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    static RawComponent encode(JsonNode alert) {
        List<NativeProperty> props = new ArrayList<>();
        List<RawComponent> subs = new ArrayList<>();
        String action = Json.text(alert, "action");
        props.add(new NativeProperty(null, "ACTION", Map.of(), (action == null ? "display" : action).toUpperCase(Locale.ROOT), 0));
        JsonNode trigger = alert.path("trigger");
        String[] none = new String[1];
        Map<String, List<String>> params = new LinkedHashMap<>();
        String value;
        if ("AbsoluteTrigger".equals(Json.text(trigger, "@type")) || trigger.has("when")) {
            params.put("value", List.of("DATE-TIME"));
            value = utc(trigger.path("when").asText(""));
        } else {
            if ("end".equals(Json.text(trigger, "relativeTo"))) {
                params.put("related", List.of("END"));
            }
            value = trigger.path("offset").asText("PT0S");
        }
        params.putAll(VCardParams.fromJson(trigger.get("iCalParams"), none));
        props.add(new NativeProperty(null, "TRIGGER", params, value, 0));
        String ack = Json.text(alert, "acknowledged");
        if (ack != null) {
            props.add(new NativeProperty(null, "ACKNOWLEDGED", Map.of(), utc(ack), 0));
        }
        TimeZones.carried(alert.get("iCalProps"), props, subs);
        return new RawComponent("VALARM", props, subs);
    }

    private static String utc(String instant) {
        try {
            return ICalTime.icalUtc(Instant.parse(instant));
        } catch (RuntimeException e) {
            return instant;
        }
    }
}
