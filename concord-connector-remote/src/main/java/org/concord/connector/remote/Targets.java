package org.concord.connector.remote;

import static org.concord.connector.remote.EntryRules.any;
import static org.concord.connector.remote.EntryRules.component;
import static org.concord.connector.remote.EntryRules.context;
import static org.concord.connector.remote.EntryRules.feature;
import static org.concord.connector.remote.EntryRules.field;
import static org.concord.connector.remote.EntryRules.nothing;
import static org.concord.connector.remote.EntryRules.setComponent;
import static org.concord.connector.remote.EntryRules.setField;
import static org.concord.connector.remote.EntryRules.withContext;
import static org.concord.connector.remote.EntryRules.withFeature;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concord.model.ItemType;

/** The targets a record field may map to, per type: the vocabulary of the {@code mapping} settings. */
final class Targets {
    /** The target that keeps Concord's copy of the whole object in one text field. */
    static final String EXTRA = "extra";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, Target> CONTACT = contactTargets();
    private static final Map<String, Target> EVENT = calendarTargets(ItemType.EVENT);
    private static final Map<String, Target> TASK = calendarTargets(ItemType.TASK);
    private static final Map<String, Target> NOTE = calendarTargets(ItemType.NOTE);

    private Targets() {}

    static Map<String, Target> of(ItemType type) {
        return switch (type) {
            case CONTACT -> CONTACT;
            case EVENT -> EVENT;
            case TASK -> TASK;
            case NOTE -> NOTE;
        };
    }

    static Optional<Target> find(ItemType type, String code) {
        return Optional.ofNullable(of(type).get(code));
    }

    private static Map<String, Target> contactTargets() {
        Map<String, Target> t = new LinkedHashMap<>();
        add(t, new Target.Scalar("uid", FieldType.STRING, "uid"));
        add(t, new Target.FullName("fullName"));
        for (String kind : List.of("title", "given", "given2", "surname", "surname2", "generation", "credential")) {
            add(t, new Target.NameComponent("name." + kind, kind));
        }
        for (String ctx : List.of("work", "private")) {
            add(t, entry("email." + ctx, "emails", "email." + ctx, 1, context(ctx), withContext(ctx), "address"));
        }
        add(t, entry("email", "emails", "email", 2, any(), nothing(), "address"));
        add(t, entry("phone.mobile", "phones", "phone.mobile", 1, feature("mobile"), withFeature("mobile"), "number"));
        add(t, entry("phone.fax", "phones", "phone.fax", 1, feature("fax"), withFeature("fax"), "number"));
        for (String ctx : List.of("work", "private")) {
            Predicate<JsonNode> voice = context(ctx).and(feature("mobile").negate()).and(feature("fax").negate());
            add(t, entry("phone." + ctx, "phones", "phone." + ctx, 2, voice, withContext(ctx), "number"));
        }
        add(t, entry("phone", "phones", "phone", 3, any(), nothing(), "number"));
        add(t, entry("organization", "organizations", "organization", 1, any(), nothing(), "name"));
        add(t, new Target.Entry("department", FieldType.STRING, "organizations", "organization", 1, any(), nothing(),
                e -> e.path("units").path(0).get("name"), Targets::setFirstUnit));
        add(t, entry("title", "titles", "title", 1, e -> !"role".equals(e.path("kind").asText()), e -> e.put("kind", "title"), "name"));
        add(t, entry("role", "titles", "role", 1, e -> "role".equals(e.path("kind").asText()), e -> e.put("kind", "role"), "name"));
        add(t, entry("nickname", "nicknames", "nickname", 1, any(), nothing(), "name"));
        add(t, entry("note", "notes", "note", 1, any(), nothing(), "note"));
        add(t, entry("url", "links", "url", 1, any(), nothing(), "uri"));
        add(t, new Target.Entry("birthday", FieldType.STRING, "anniversaries", "birthday", 1,
                e -> "birth".equals(e.path("kind").asText()), e -> e.put("kind", "birth"), Targets::date, Targets::setDate));
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("street", "name");
        parts.put("locality", "locality");
        parts.put("region", "region");
        parts.put("postcode", "postcode");
        parts.put("country", "country");
        for (String ctx : List.of("work", "private")) {
            parts.forEach((part, kind) -> add(t, new Target.Entry("address." + ctx + "." + part, FieldType.STRING, "addresses",
                    "address." + ctx, 1, context(ctx), withContext(ctx), component(kind), setComponent(kind))));
        }
        return Map.copyOf(t);
    }

    private static Map<String, Target> calendarTargets(ItemType type) {
        Map<String, Target> t = new LinkedHashMap<>();
        for (String p : List.of("uid", "title", "description", "start", "timeZone", "privacy", "color")) {
            add(t, new Target.Scalar(p, FieldType.STRING, p));
        }
        add(t, new Target.Scalar("priority", FieldType.INTEGER, "priority"));
        if (type == ItemType.EVENT || type == ItemType.TASK) {
            add(t, new Target.Scalar("showWithoutTime", FieldType.BOOLEAN, "showWithoutTime"));
            add(t, entry("location", "locations", "location", 1, any(), nothing(), "name"));
        }
        if (type == ItemType.EVENT) {
            add(t, new Target.Scalar("duration", FieldType.STRING, "duration"));
            add(t, new Target.Scalar("status", FieldType.STRING, "status"));
            add(t, new Target.Scalar("freeBusyStatus", FieldType.STRING, "freeBusyStatus"));
            add(t, new Target.End("end"));
        }
        if (type == ItemType.TASK) {
            add(t, new Target.Scalar("due", FieldType.STRING, "due"));
            add(t, new Target.Scalar("estimatedDuration", FieldType.STRING, "estimatedDuration"));
            add(t, new Target.Scalar("progress", FieldType.STRING, "progress"));
            add(t, new Target.Scalar("percentComplete", FieldType.INTEGER, "percentComplete"));
        }
        return Map.copyOf(t);
    }

    private static void add(Map<String, Target> targets, Target target) {
        targets.put(target.code(), target);
    }

    private static Target entry(String code, String map, String group, int order, Predicate<JsonNode> matches,
            java.util.function.Consumer<ObjectNode> init, String valueField) {
        return new Target.Entry(code, FieldType.STRING, map, group, order, matches, init, field(valueField), setField(valueField));
    }

    private static void setFirstUnit(ObjectNode org, JsonNode value) {
        if (value.isNull()) {
            org.remove("units");
        } else {
            org.putArray("units").addObject().set("name", value);
        }
    }

    private static final Pattern DATE = Pattern.compile("(\\d{4}|-)-(\\d{2})-(\\d{2})");

    /** A birthday as "1980-04-01", or "--04-01" without a year. */
    private static JsonNode date(ObjectNode anniversary) {
        JsonNode d = anniversary.path("date");
        if (d.has("utc")) {
            return NODES.textNode(d.get("utc").asText().substring(0, Math.min(10, d.get("utc").asText().length())));
        }
        if (!d.has("month") || !d.has("day")) {
            return d.has("year") ? NODES.textNode(String.format("%04d", d.get("year").asInt())) : null;
        }
        String year = d.has("year") ? String.format("%04d", d.get("year").asInt()) : "-";
        return NODES.textNode(year + "-" + String.format("%02d-%02d", d.get("month").asInt(), d.get("day").asInt()));
    }

    private static void setDate(ObjectNode anniversary, JsonNode value) {
        if (value.isNull()) {
            anniversary.remove("date");
            return;
        }
        Matcher m = DATE.matcher(value.asText().trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + value.asText() + "' is not a date such as 1980-04-01 or --04-01");
        }
        ObjectNode date = anniversary.putObject("date");
        date.put("@type", "PartialDate");
        if (!m.group(1).equals("-")) {
            date.put("year", Integer.parseInt(m.group(1)));
        }
        date.put("month", Integer.parseInt(m.group(2)));
        date.put("day", Integer.parseInt(m.group(3)));
    }
}
