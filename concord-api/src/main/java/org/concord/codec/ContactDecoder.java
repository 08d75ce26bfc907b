package org.concord.codec;

import static org.concord.codec.VCardText.list;
import static org.concord.codec.VCardText.semiStructured;
import static org.concord.codec.VCardText.structured;
import static org.concord.codec.VCardText.unescape;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concord.model.Contact;

/** One read vCard → a JSContact Card (RFC 9553, mapped as RFC 9555 describes). */
final class ContactDecoder {

    /** The JSContact kind of each N component, in N order. */
    static final String[] NAME_KINDS = {"surname", "given", "given2", "title", "credential"};
    /** The JSContact kind of each ADR component, in ADR order. */
    static final String[] ADDRESS_KINDS = {"postOfficeBox", "apartment", "name", "locality", "region", "postcode", "country"};

    private static final Pattern DATA_URI = Pattern.compile("(?s)data:([^;,]*)(;base64)?,(.*)");

    private final VCardReading.RawCard card;
    private final ObjectNode json = Json.object();
    private final ArrayNode carried = Json.array();
    private final Set<String> singletonsSeen = new HashSet<>();
    private final Map<String, Integer> counters = new HashMap<>();
    private final Singletons singletons;

    private ContactDecoder(VCardReading.RawCard card) {
        this.card = card;
        this.singletons = new Singletons(card.properties());
    }

    static Contact decode(VCardReading.RawCard card) {
        return new ContactDecoder(card).run();
    }

    private Contact run() {
        json.put("@type", "Card");
        json.put("version", "1.0");
        for (NativeProperty p : card.properties()) {
            boolean mapped;
            try {
                mapped = map(p);
            } catch (RuntimeException e) {
                mapped = false; // a value the mapping cannot read stays as written
            }
            if (!mapped) {
                carried.add(p.toCarried());
            }
        }
        if (!carried.isEmpty()) {
            json.set("vCardProps", carried);
        }
        // the tree was built for this contact alone and the decoder is dropped now: handed over, not copied
        return Contact.adopt(json);
    }

    /** Maps one property into the card; false means "carry it as it is". */
    private boolean map(NativeProperty p) {
        return switch (p.name()) {
            case "FN" -> singleton(p, () -> {
                String full = unescape(p.value());
                if (!full.isEmpty()) {
                    name().put("full", full);
                }
            });
            case "N" -> singleton(p, () -> decodeName(p));
            case "NICKNAME" -> decodeNicknames(p);
            case "ORG" -> decodeOrganization(p);
            case "TITLE", "ROLE" -> {
                ObjectNode t = entry("titles", "t");
                t.put("name", unescape(p.value()));
                t.put("kind", p.name().equals("TITLE") ? "title" : "role");
                withParams(p, t, null);
                yield true;
            }
            case "EMAIL" -> {
                ObjectNode e = entry("emails", "e");
                e.put("address", unescape(p.value()));
                withParams(p, e, null);
                yield true;
            }
            case "TEL" -> {
                ObjectNode t = entry("phones", "p");
                t.put("number", unescape(p.value()));
                withParams(p, t, VCardParams.PHONE_FEATURES);
                yield true;
            }
            case "ADR" -> decodeAddress(p);
            case "URL" -> uriEntry(p, "links", "l");
            case "IMPP" -> uriEntry(p, "onlineServices", "s");
            case "BDAY" -> anniversary(p, "birth");
            case "ANNIVERSARY" -> anniversary(p, "wedding");
            case "DEATHDATE" -> anniversary(p, "death");
            case "NOTE" -> {
                ObjectNode n = entry("notes", "n");
                n.put("note", unescape(p.value()));
                withParams(p, n, null);
                yield true;
            }
            case "CATEGORIES" -> decodeCategories(p);
            case "PHOTO", "LOGO", "SOUND" -> decodeMedia(p, "media", "m", p.name().toLowerCase(Locale.ROOT));
            case "KEY" -> decodeMedia(p, "cryptoKeys", "k", null);
            case "GENDER" -> singleton(p, () -> {
                List<String> parts = semiStructured(p.value(), 2);
                ObjectNode g = Json.object();
                if (!parts.isEmpty() && !parts.get(0).isEmpty()) {
                    g.put("sex", parts.get(0));
                }
                if (parts.size() > 1 && !parts.get(1).isEmpty()) {
                    g.put("identity", parts.get(1));
                }
                json.set("gender", g);
            });
            case "LANG" -> {
                ObjectNode l = entry("preferredLanguages", "lang");
                l.put("language", p.value().trim());
                withParams(p, l, null);
                yield true;
            }
            case "KIND" -> singleton(p, () -> json.put("kind", p.value().trim().toLowerCase(Locale.ROOT)));
            case "MEMBER" -> {
                if (!plain(p) || p.value().isBlank()) {
                    yield false;
                }
                members().put(p.value().trim(), true);
                yield true;
            }
            case "RELATED" -> decodeRelated(p);
            case "UID" -> singleton(p, () -> json.put("uid", unescape(p.value()).trim()));
            case "REV" -> {
                Instant rev = VCardDates.parseUtc(p.value());
                if (rev == null || !plain(p) || json.has("updated")) {
                    yield false;
                }
                json.put("updated", rev.toString());
                yield true;
            }
            case "PRODID" -> {
                if (!plain(p) || json.has("prodId")) {
                    yield false;
                }
                json.put("prodId", unescape(p.value()));
                yield true;
            }
            default -> false;
        };
    }

    /** True when the property has neither group nor parameters (apart from a harmless VALUE). */
    private static boolean plain(NativeProperty p) {
        return (p.group() == null || p.group().isEmpty())
                && p.params().keySet().stream().allMatch("value"::equals);
    }

    /**
     * Maps a property that may occur once: the first one is mapped (its odd parameters kept under
     * {@code vCardParams[name]}), any further one is carried as it is.
     */
    private boolean singleton(NativeProperty p, Runnable mapping) {
        String key = p.name().toLowerCase(Locale.ROOT);
        if (!singletons.isChosen(p) || !singletonsSeen.add(key)) {
            return false;
        }
        mapping.run();
        VCardParams params = new VCardParams(p);
        params.take("value");
        if (!params.isEmpty()) {
            ObjectNode all = json.has("vCardParams") ? (ObjectNode) json.get("vCardParams") : json.putObject("vCardParams");
            all.set(key, params.rest());
        }
        return true;
    }

    private ObjectNode name() {
        return json.has("name") ? (ObjectNode) json.get("name") : json.putObject("name");
    }

    private ObjectNode members() {
        return json.has("members") ? (ObjectNode) json.get("members") : json.putObject("members");
    }

    /** A new entry of an id-keyed map, with the next positional id ("e1", "e2", …). */
    private ObjectNode entry(String map, String prefix) {
        ObjectNode m = json.has(map) ? (ObjectNode) json.get(map) : json.putObject(map);
        int n = counters.merge(map, 1, Integer::sum);
        return m.putObject(prefix + n);
    }

    private static void withParams(NativeProperty p, ObjectNode target, Map<String, String> features) {
        VCardParams params = new VCardParams(p);
        params.take("value");
        params.applyTypes(target, features);
        params.putRest(target);
    }

    private void decodeName(NativeProperty p) {
        List<List<String>> parts = structured(p.value());
        ArrayNode components = Json.array();
        for (int i = 0; i < parts.size(); i++) {
            String kind = i < NAME_KINDS.length ? NAME_KINDS[i] : "credential";
            for (String v : parts.get(i)) {
                if (!v.isEmpty()) {
                    ObjectNode c = components.addObject();
                    c.put("kind", kind);
                    c.put("value", v);
                }
            }
        }
        if (!components.isEmpty()) {
            name().set("components", components);
        }
    }

    private boolean decodeNicknames(NativeProperty p) {
        List<String> names = list(p.value());
        if (names.isEmpty()) {
            return false;
        }
        for (String n : names) {
            ObjectNode k = entry("nicknames", "k");
            k.put("name", n);
            withParams(p, k, null);
        }
        return true;
    }

    private boolean decodeOrganization(NativeProperty p) {
        List<String> parts = semiStructured(p.value(), 0);
        ObjectNode o = entry("organizations", "o");
        if (!parts.isEmpty() && !parts.get(0).isEmpty()) {
            o.put("name", parts.get(0));
        }
        if (parts.size() > 1) {
            ArrayNode units = o.putArray("units");
            for (String unit : parts.subList(1, parts.size())) {
                units.addObject().put("name", unit);
            }
        }
        withParams(p, o, null);
        return true;
    }

    private boolean decodeAddress(NativeProperty p) {
        List<List<String>> parts = structured(p.value());
        ObjectNode a = entry("addresses", "a");
        ArrayNode components = a.putArray("components");
        for (int i = 0; i < parts.size(); i++) {
            String kind = i < ADDRESS_KINDS.length ? ADDRESS_KINDS[i] : "country";
            for (String v : parts.get(i)) {
                if (!v.isEmpty()) {
                    ObjectNode c = components.addObject();
                    c.put("kind", kind);
                    c.put("value", v);
                }
            }
        }
        VCardParams params = new VCardParams(p);
        params.take("value");
        String label = params.takeFirst("label");
        if (label != null) {
            a.put("full", label.replace("\\n", "\n").replace("\\N", "\n"));
        }
        String cc = params.takeFirst("cc");
        if (cc != null) {
            a.put("countryCode", cc);
        }
        String tz = params.takeFirst("tz");
        if (tz != null) {
            a.put("timeZone", tz);
        }
        String geo = params.takeFirst("geo");
        if (geo != null) {
            a.put("coordinates", geo);
        }
        params.applyTypes(a, null);
        params.putRest(a);
        return true;
    }

    private boolean uriEntry(NativeProperty p, String map, String prefix) {
        ObjectNode e = entry(map, prefix);
        e.put("uri", p.value().trim());
        VCardParams params = new VCardParams(p);
        params.take("value");
        String mediaType = params.takeFirst("mediatype");
        if (mediaType != null) {
            e.put("mediaType", mediaType);
        }
        params.applyTypes(e, null);
        params.putRest(e);
        return true;
    }

    private boolean anniversary(NativeProperty p, String kind) {
        VCardParams params = new VCardParams(p);
        String valueType = params.takeFirst("value");
        if (valueType != null && valueType.equalsIgnoreCase("text")) {
            return false;
        }
        ObjectNode date = VCardDates.parse(p.value());
        if (date == null) {
            return false;
        }
        String calscale = params.takeFirst("calscale");
        if (calscale != null) {
            date.put("calendarScale", calscale.toLowerCase(Locale.ROOT));
        }
        ObjectNode a = entry("anniversaries", "d");
        a.put("kind", kind);
        a.set("date", date);
        params.applyTypes(a, null);
        params.putRest(a);
        return true;
    }

    private boolean decodeCategories(NativeProperty p) {
        if (!plain(p)) {
            return false;
        }
        List<String> words = list(p.value());
        ObjectNode keywords = json.has("keywords") ? (ObjectNode) json.get("keywords") : json.putObject("keywords");
        for (String w : words) {
            if (!w.isBlank()) {
                keywords.put(w.trim(), true);
            }
        }
        return true;
    }

    private boolean decodeMedia(NativeProperty p, String map, String prefix, String kind) {
        VCardParams params = new VCardParams(p);
        String valueType = params.takeFirst("value");
        String encoding = params.takeFirst("encoding");
        String mediaTypeParam = params.takeFirst("mediatype");
        // In 2.1/3.0 the TYPE of a PHOTO is its format (JPEG); work/home/pref are contexts
        String format = null;
        List<String> types = params.take("type");
        List<String> kept = new java.util.ArrayList<>();
        for (String t : types) {
            String lower = t.toLowerCase(Locale.ROOT);
            if (lower.equals("work") || lower.equals("home") || lower.equals("pref")) {
                kept.add(t);
            } else if (format == null) {
                format = t;
            } else {
                kept.add(t);
            }
        }
        ObjectNode m = Json.object();
        if (kind != null) {
            m.put("kind", kind);
        }
        String value = p.value().trim();
        if (encoding != null && (encoding.equalsIgnoreCase("b") || encoding.equalsIgnoreCase("base64"))) {
            String mt = format == null ? "" : mediaTypeOf(format, kind);
            m.put("uri", "data:" + mt + ";base64," + value.replaceAll("\\s", ""));
        } else {
            if (encoding != null) {
                return false; // an encoding we do not know: keep it as written
            }
            Matcher data = DATA_URI.matcher(value);
            m.put("uri", data.matches() && data.group(2) != null
                    ? "data:" + data.group(1).toLowerCase(Locale.ROOT) + ";base64," + data.group(3).replaceAll("\\s", "")
                    : value);
            if (format != null) {
                m.put("mediaType", mediaTypeOf(format, kind));
            }
        }
        if (mediaTypeParam != null) {
            m.put("mediaType", mediaTypeParam);
        }
        if (valueType != null && !valueType.equalsIgnoreCase("uri") && !valueType.equalsIgnoreCase("url")
                && !valueType.equalsIgnoreCase("binary")) {
            return false;
        }
        if (!kept.isEmpty()) {
            params.take("type");
            for (String k : kept) {
                addParam(params, k);
            }
        }
        params.applyTypes(m, null);
        params.putRest(m);
        ObjectNode target = entry(map, prefix);
        target.setAll(m);
        return true;
    }

    private static void addParam(VCardParams params, String type) {
        params.restore("type", type);
    }

    /** "JPEG" → "image/jpeg"; a full media type is kept, lower case. */
    static String mediaTypeOf(String format, String kind) {
        String lower = format.toLowerCase(Locale.ROOT);
        if (lower.contains("/")) {
            return lower;
        }
        String top = kind == null ? "application" : switch (kind) {
            case "sound" -> "audio";
            default -> "image";
        };
        return top + "/" + lower;
    }

    private boolean decodeRelated(NativeProperty p) {
        String value = p.value().trim();
        VCardParams params = new VCardParams(p);
        String valueType = params.takeFirst("value");
        if (value.isEmpty()) {
            return false;
        }
        if (valueType != null && valueType.equalsIgnoreCase("text")) {
            value = unescape(value);
            params.restore("value", "text");
        }
        ObjectNode related = json.has("relatedTo") ? (ObjectNode) json.get("relatedTo") : json.putObject("relatedTo");
        if (related.has(value)) {
            return false; // the same person twice: the second line is carried, not merged away
        }
        ObjectNode r = related.putObject(value);
        ObjectNode relation = Json.object();
        List<String> rest = new java.util.ArrayList<>();
        for (String t : params.take("type")) {
            String lower = t.toLowerCase(Locale.ROOT);
            if (!relation.has(lower)) {
                relation.put(lower, true);
            } else {
                rest.add(lower);
            }
        }
        if (!relation.isEmpty()) {
            r.set("relation", relation);
        }
        rest.forEach(t -> params.restore("type", t));
        params.applyTypes(r, null);
        params.putRest(r);
        return true;
    }
}
