package org.concord.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.concord.model.ItemType;
import org.concord.model.Payload;

/** An Event / Task / Note → one VCALENDAR with the VTIMEZONEs it uses; the inverse of {@link CalendarDecoder}. */
final class CalendarEncoder {

    static final String PRODID = "-//Concord//Concord Sync//EN";

    private final ObjectNode json;
    private final ItemType type;
    private final ICalWriting out = new ICalWriting();
    private final Set<String> zonesUsed = new LinkedHashSet<>();

    private CalendarEncoder(ObjectNode json, ItemType type) {
        this.json = json;
        this.type = type;
    }

    static String encode(Payload payload) {
        if (payload.type() == ItemType.CONTACT) {
            throw new IllegalArgumentException("a contact is not an iCalendar object; use VCardCodec");
        }
        // the encoder only reads the object (an override is written from a copy) and keeps nothing of it: no copy of the tree
        return payload.readTree(json -> new CalendarEncoder(json, payload.type()).run());
    }

    private String run() {
        String componentName = switch (type) {
            case TASK -> "VTODO";
            case NOTE -> "VJOURNAL";
            default -> "VEVENT";
        };
        ICalWriting body = new ICalWriting();
        writeComponent(body, componentName, json, null);
        JsonNode overrides = json.get("recurrenceOverrides");
        if (overrides != null && overrides.isObject()) {
            ObjectNode base = CalendarDecoder.base(json);
            overrides.fields().forEachRemaining(e -> {
                JsonNode patch = e.getValue();
                if (isOverride(patch)) {
                    ObjectNode instance = base.deepCopy();
                    instance.put("start", e.getKey());
                    patch.fields().forEachRemaining(m -> {
                        if (!m.getKey().equals("excluded")) {
                            if (m.getValue().isNull()) {
                                instance.remove(m.getKey());
                            } else {
                                instance.set(m.getKey(), m.getValue());
                            }
                        }
                    });
                    instance.put("uid", json.path("uid").asText(""));
                    writeComponent(body, componentName, instance, e.getKey());
                }
            });
        }

        out.begin("VCALENDAR");
        out.property("VERSION", Map.of(), "2.0");
        String prodId = Json.text(json, "prodId");
        out.property("PRODID", Map.of(), VCardText.escape(prodId == null ? PRODID : prodId));
        String method = Json.text(json, "method");
        if (method != null) {
            out.property("METHOD", Map.of(), method.toUpperCase(Locale.ROOT));
        }
        List<NativeProperty> calendarProps = new ArrayList<>();
        List<RawComponent> calendarComponents = new ArrayList<>();
        TimeZones.carried(json.get("iCalCalendarProps"), calendarProps, calendarComponents);
        calendarProps.forEach(out::property);
        writeTimeZones();
        out.raw(body.text());
        calendarComponents.forEach(out::component);
        out.end("VCALENDAR");
        return out.text();
    }

    /** A patch that stands for a whole instance component (an RDATE or EXDATE alone does not). */
    private static boolean isOverride(JsonNode patch) {
        if (!patch.isObject() || patch.isEmpty()) {
            return false;
        }
        return !(patch.size() == 1 && patch.has("excluded"));
    }

    private void writeTimeZones() {
        JsonNode custom = json.get("timeZones");
        for (String id : zonesUsed) {
            if (custom != null && custom.has(id)) {
                out.component(TimeZones.encode(id, custom.get(id)));
            } else if (!id.startsWith("/")) {
                String text = ICalZones.vtimezone(id);
                if (text != null) {
                    out.raw(text);
                }
            }
        }
    }

    /** The zone of an object as written: its TZID (null for floating, all-day, or UTC). */
    private String tzid(String zone) {
        if (zone == null || zone.equals(ICalZones.UTC)) {
            return null;
        }
        zonesUsed.add(zone);
        return zone.startsWith("/") ? zone.substring(1) : zone;
    }

    private ZoneRules rules(String zone) {
        if (zone == null) {
            return null;
        }
        if (zone.equals(ICalZones.UTC)) {
            return ZoneOffset.UTC.getRules();
        }
        if (!zone.startsWith("/")) {
            try {
                return ICalZones.ianaRules(zone);
            } catch (RuntimeException e) {
                return null;
            }
        }
        JsonNode def = json.path("timeZones").get(zone);
        return def == null ? null : ICalZones.customRules(ICalWriting.componentText(TimeZones.encode(zone, def))).orElse(null);
    }

    private Map<String, List<String>> params(JsonNode object, String property) {
        String[] none = new String[1];
        return VCardParams.fromJson(object.path("iCalParams").get(property), none);
    }

    /** A date-time member written in the object's frame: VALUE=DATE, UTC, TZID or floating. */
    private void time(ICalWriting w, JsonNode obj, String name, String key, String zone, boolean allDay) {
        LocalDateTime t = ICalTime.parseLocal(obj.path(key).asText(""));
        if (t == null) {
            return;
        }
        Map<String, List<String>> params = new LinkedHashMap<>();
        String value;
        if (allDay) {
            params.put("value", List.of("DATE"));
            value = ICalTime.icalDate(t);
        } else if (ICalZones.UTC.equals(zone)) {
            value = ICalTime.icalLocal(t) + "Z";
        } else {
            String tzid = tzid(zone);
            if (tzid != null) {
                params.put("tzid", List.of(tzid));
            }
            value = ICalTime.icalLocal(t);
        }
        params.putAll(params(obj, name.toLowerCase(Locale.ROOT)));
        w.property(name, params, value);
    }

    private void writeComponent(ICalWriting w, String name, ObjectNode obj, String recurrenceKey) {
        String zone = Json.text(obj, "timeZone");
        boolean allDay = obj.path("showWithoutTime").asBoolean(false);
        w.begin(name);
        single(w, obj, "UID", Json.text(obj, "uid"));
        w.property("DTSTAMP", Map.of(), stamp(obj));
        utc(w, obj, "CREATED", "created");
        utc(w, obj, "LAST-MODIFIED", "updated");
        if (obj.has("sequence")) {
            single(w, obj, "SEQUENCE", obj.get("sequence").asText());
        }
        time(w, obj, "DTSTART", "start", zone, allDay);
        String seriesZone = Json.text(json, "timeZone");
        boolean seriesAllDay = json.path("showWithoutTime").asBoolean(false);
        if (recurrenceKey != null) {
            ObjectNode rid = Json.object();
            rid.put("recurrenceId", recurrenceKey);
            rid.set("iCalParams", obj.path("iCalParams"));
            time(w, rid, "RECURRENCE-ID", "recurrenceId", seriesZone, seriesAllDay);
        } else if (obj.has("recurrenceId")) {
            time(w, obj, "RECURRENCE-ID", "recurrenceId", zone, allDay);
        }
        if (type == ItemType.TASK) {
            time(w, obj, "DUE", "due", zone, allDay);
            if (obj.has("estimatedDuration")) {
                single(w, obj, "DURATION", obj.get("estimatedDuration").asText());
            }
        } else if (obj.hasNonNull("duration")) {
            writeEnd(w, obj, zone, allDay);
        }
        text(w, obj, "SUMMARY", "title");
        text(w, obj, "DESCRIPTION", "description");
        for (JsonNode loc : Json.entries(obj.get("locations"))) {
            Map<String, List<String>> p = VCardParams.fromJson(loc.get("iCalParams"), new String[1]);
            w.property("LOCATION", p, VCardText.escape(loc.path("name").asText("")));
        }
        String status = Json.text(obj, type == ItemType.TASK ? "progress" : "status");
        if (status != null) {
            single(w, obj, "STATUS", status.toUpperCase(Locale.ROOT));
        }
        if (type == ItemType.TASK && obj.has("percentComplete")) {
            single(w, obj, "PERCENT-COMPLETE", obj.get("percentComplete").asText());
        }
        if (type == ItemType.TASK) {
            utc(w, obj, "COMPLETED", "progressUpdated");
        }
        if (obj.has("priority")) {
            single(w, obj, "PRIORITY", obj.get("priority").asText());
        }
        String privacy = Json.text(obj, "privacy");
        if (privacy != null) {
            single(w, obj, "CLASS", switch (privacy) {
                case "private" -> "PRIVATE";
                case "secret" -> "CONFIDENTIAL";
                default -> "PUBLIC";
            });
        }
        String fb = Json.text(obj, "freeBusyStatus");
        if (fb != null && type == ItemType.EVENT) {
            single(w, obj, "TRANSP", fb.equals("free") ? "TRANSPARENT" : "OPAQUE");
        }
        List<String> keywords = Json.trueKeys(obj.get("keywords"));
        if (!keywords.isEmpty()) {
            w.property("CATEGORIES", Map.of(), VCardText.writeList(keywords));
        }
        for (JsonNode link : Json.entries(obj.get("links"))) {
            w.property("URL", VCardParams.fromJson(link.get("iCalParams"), new String[1]), link.path("href").asText(""));
        }
        if (recurrenceKey == null) {
            writeRecurrence(w, obj, zone, allDay);
        }
        for (JsonNode part : Json.entries(obj.get("participants"))) {
            w.property(Participants.encode(part));
        }
        JsonNode related = obj.get("relatedTo");
        if (related != null && related.isObject()) {
            related.fields().forEachRemaining(e -> {
                Map<String, List<String>> p = new LinkedHashMap<>();
                List<String> relations = Json.trueKeys(e.getValue().get("relation"));
                if (!relations.isEmpty()) {
                    p.put("reltype", relations.stream().map(r -> r.toUpperCase(Locale.ROOT)).toList());
                }
                p.putAll(VCardParams.fromJson(e.getValue().get("iCalParams"), new String[1]));
                w.property("RELATED-TO", p, e.getKey());
            });
        }
        List<NativeProperty> carriedProps = new ArrayList<>();
        List<RawComponent> carriedComponents = new ArrayList<>();
        TimeZones.carried(obj.get("iCalProps"), carriedProps, carriedComponents);
        carriedProps.forEach(w::property);
        for (JsonNode alert : Json.entries(obj.get("alerts"))) {
            w.component(Alerts.encode(alert));
        }
        carriedComponents.forEach(w::component);
        w.end(name);
    }

    private void writeEnd(ICalWriting w, ObjectNode obj, String zone, boolean allDay) {
        LocalDateTime start = ICalTime.parseLocal(obj.path("start").asText(""));
        Duration d = ICalTime.parseDuration(obj.get("duration").asText(""));
        if (start == null || d == null) {
            if (d != null) {
                single(w, obj, "DURATION", ICalTime.formatDuration(d));
            }
            return;
        }
        LocalDateTime end;
        ZoneRules rules = allDay ? null : rules(zone);
        boolean exact = true;
        if (rules != null) {
            Instant endInstant = ICalZones.toInstant(start, rules).plus(d);
            end = ICalZones.toLocal(endInstant, rules);
            // an end in the repeated hour of a DST fall-back cannot be told apart as a local time
            exact = ICalZones.toInstant(end, rules).equals(endInstant);
        } else {
            end = start.plus(d);
        }
        if (!exact || (allDay && d.toSeconds() % 86400 != 0)) {
            single(w, obj, "DURATION", ICalTime.formatDuration(d));
            return;
        }
        ObjectNode holder = Json.object();
        holder.put("end", ICalTime.local(end));
        holder.set("iCalParams", obj.path("iCalParams"));
        time(w, holder, "DTEND", "end", zone, allDay);
    }

    private void writeRecurrence(ICalWriting w, ObjectNode obj, String zone, boolean allDay) {
        ZoneRules rules = allDay ? null : rules(zone);
        for (String key : new String[] {"recurrenceRules", "excludedRecurrenceRules"}) {
            for (JsonNode rule : obj.path(key)) {
                w.property(key.equals("recurrenceRules") ? "RRULE" : "EXRULE", Map.of(), RecurrenceRules.format(rule, until -> {
                    if (allDay) {
                        return ICalTime.icalDate(until);
                    }
                    if (rules != null) {
                        return ICalTime.icalUtc(ICalZones.toInstant(until, rules));
                    }
                    return ICalTime.icalLocal(until);
                }));
            }
        }
        JsonNode overrides = obj.get("recurrenceOverrides");
        if (overrides == null || !overrides.isObject()) {
            return;
        }
        overrides.fields().forEachRemaining(e -> {
            JsonNode patch = e.getValue();
            boolean excluded = patch.path("excluded").asBoolean(false);
            if (!excluded && isOverride(patch)) {
                return; // an overridden instance is its own component
            }
            ObjectNode holder = Json.object();
            holder.put("at", e.getKey());
            time(w, holder, excluded ? "EXDATE" : "RDATE", "at", zone, allDay);
        });
    }

    private void single(ICalWriting w, JsonNode obj, String name, String value) {
        if (value != null) {
            w.property(name, params(obj, name.toLowerCase(Locale.ROOT)), value);
        }
    }

    private void text(ICalWriting w, JsonNode obj, String name, String key) {
        String v = Json.text(obj, key);
        if (v != null) {
            single(w, obj, name, VCardText.escape(v));
        }
    }

    private void utc(ICalWriting w, JsonNode obj, String name, String key) {
        String v = Json.text(obj, key);
        if (v == null) {
            return;
        }
        try {
            single(w, obj, name, ICalTime.icalUtc(Instant.parse(v)));
        } catch (RuntimeException e) {
            // not an instant: nothing sensible to write
        }
    }

    /** DTSTAMP: the object's own modification time when it has one, so equal objects encode equally. */
    private static String stamp(JsonNode obj) {
        for (String key : new String[] {"updated", "created"}) {
            String v = Json.text(obj, key);
            if (v != null) {
                try {
                    return ICalTime.icalUtc(Instant.parse(v).truncatedTo(ChronoUnit.SECONDS));
                } catch (RuntimeException e) {
                    // try the next
                }
            }
        }
        return ICalTime.icalUtc(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
}
