package org.concord.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.concord.model.Contact;

/** A JSContact Card → one vCard of the asked version; the inverse of {@link ContactDecoder}. */
final class ContactEncoder {

    private static final Pattern BASE64_DATA_URI = Pattern.compile("(?s)data:([^;,]*);base64,(.*)");

    private final ObjectNode card;
    private final VCardWriting out;
    private final VCardVersion version;

    private ContactEncoder(ObjectNode card, VCardVersion version) {
        this.card = card;
        this.version = version;
        this.out = new VCardWriting(version);
    }

    static String encode(Contact contact, VCardVersion version) {
        // the encoder only reads the card and keeps nothing of it: no copy of the tree
        return contact.readTree(card -> new ContactEncoder(card, version).run());
    }

    private String run() {
        out.begin();
        String prodId = Json.text(card, "prodId");
        if (prodId != null) {
            singleton("prodid", text(prodId));
        }
        String uid = Json.text(card, "uid");
        if (uid != null) {
            singleton("uid", uid);
        }
        String kind = Json.text(card, "kind");
        if (kind != null) {
            singleton("kind", kind);
        }
        JsonNode name = card.path("name");
        singleton("fn", text(name.path("full").asText("")));
        writeName(name.path("components"));
        writeGender(card.get("gender"));
        writeNicknames();
        for (JsonNode o : Json.entries(card.get("organizations"))) {
            List<String> parts = new ArrayList<>();
            parts.add(o.path("name").asText(""));
            o.path("units").forEach(u -> parts.add(u.isTextual() ? u.asText() : u.path("name").asText("")));
            entry(o, "ORG", VCardText.writeSemiStructured(parts), false);
        }
        for (JsonNode t : Json.entries(card.get("titles"))) {
            entry(t, "role".equals(Json.text(t, "kind")) ? "ROLE" : "TITLE", text(t.path("name").asText("")), false);
        }
        for (JsonNode e : Json.entries(card.get("emails"))) {
            entry(e, "EMAIL", text(e.path("address").asText("")), false);
        }
        for (JsonNode p : Json.entries(card.get("phones"))) {
            String number = p.path("number").asText("");
            if (version == VCardVersion.V4_0 && number.regionMatches(true, 0, "tel:", 0, 4)) {
                String[] group = new String[1];
                Map<String, List<String>> params = params(p, true, group);
                params.put("value", List.of("uri"));
                out.property(group[0], "TEL", params, number);
            } else {
                entry(p, "TEL", text(number), true);
            }
        }
        for (JsonNode a : Json.entries(card.get("addresses"))) {
            writeAddress(a);
        }
        for (JsonNode l : Json.entries(card.get("links"))) {
            uriEntry(l, "URL");
        }
        for (JsonNode s : Json.entries(card.get("onlineServices"))) {
            uriEntry(s, "IMPP");
        }
        for (JsonNode a : Json.entries(card.get("anniversaries"))) {
            writeAnniversary(a);
        }
        for (JsonNode n : Json.entries(card.get("notes"))) {
            entry(n, "NOTE", text(n.path("note").asText("")), false);
        }
        List<String> keywords = Json.trueKeys(card.get("keywords"));
        if (!keywords.isEmpty()) {
            out.property(null, "CATEGORIES", Map.of(), VCardText.writeList(keywords));
        }
        for (JsonNode m : Json.entries(card.get("media"))) {
            String k = Json.text(m, "kind");
            String propName = k == null ? "PHOTO" : switch (k) {
                case "logo" -> "LOGO";
                case "sound" -> "SOUND";
                default -> "PHOTO";
            };
            writeMedia(m, propName, propName.equals("SOUND") ? "sound" : "photo");
        }
        for (JsonNode k : Json.entries(card.get("cryptoKeys"))) {
            writeMedia(k, "KEY", null);
        }
        for (JsonNode l : Json.entries(card.get("preferredLanguages"))) {
            entry(l, "LANG", l.path("language").asText(""), false);
        }
        for (String member : Json.trueKeys(card.get("members"))) {
            out.property(null, "MEMBER", Map.of(), member);
        }
        writeRelated(card.get("relatedTo"));
        String updated = Json.text(card, "updated");
        if (updated != null) {
            try {
                out.property(null, "REV", Map.of(), VCardDates.formatUtc(Instant.parse(updated), version));
            } catch (DateTimeParseException e) {
                // an unreadable 'updated' is not content; nothing to write
            }
        }
        JsonNode carried = card.get("vCardProps");
        if (carried != null && carried.isArray()) {
            for (JsonNode element : carried) {
                NativeProperty p = NativeProperty.fromCarried(element);
                if (p != null) {
                    out.property(p.group(), p.name(), p.params(), p.value());
                }
            }
        }
        out.end();
        return out.text();
    }

    /** Text in the escaped form of the version (2.1 escapes nothing but line breaks). */
    private String text(String s) {
        if (version == VCardVersion.V2_1) {
            return s.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
        }
        return VCardText.escape(s);
    }

    private void singleton(String name, String value) {
        String[] group = new String[1];
        Map<String, List<String>> params = VCardParams.fromJson(card.path("vCardParams").get(name), group);
        out.property(group[0], name.toUpperCase(Locale.ROOT), params, value);
    }

    private void writeName(JsonNode components) {
        List<List<String>> n = new ArrayList<>();
        for (int i = 0; i < ContactDecoder.NAME_KINDS.length; i++) {
            n.add(new ArrayList<>());
        }
        boolean any = false;
        if (components.isArray()) {
            for (JsonNode c : components) {
                String kind = c.path("kind").asText("");
                String value = c.path("value").asText("");
                int slot = switch (kind) {
                    case "surname", "surname2" -> 0;
                    case "given" -> 1;
                    case "given2" -> 2;
                    case "title" -> 3;
                    case "credential", "generation" -> 4;
                    default -> -1;
                };
                if (slot >= 0 && !value.isEmpty()) {
                    n.get(slot).add(value);
                    any = true;
                }
            }
        }
        if (any || version != VCardVersion.V4_0 || card.path("vCardParams").has("n")) {
            singleton("n", VCardText.writeStructured(n));
        }
    }

    /** Nicknames that share their parameters go on one NICKNAME line, as vCard lists them. */
    private void writeNicknames() {
        Map<String, List<String>> byParams = new LinkedHashMap<>();
        Map<String, JsonNode> firstOf = new LinkedHashMap<>();
        for (JsonNode n : Json.entries(card.get("nicknames"))) {
            ObjectNode shape = ((ObjectNode) n).deepCopy();
            shape.remove("name");
            String key = shape.toString();
            byParams.computeIfAbsent(key, k -> new ArrayList<>()).add(n.path("name").asText(""));
            firstOf.putIfAbsent(key, n);
        }
        byParams.forEach((key, names) -> entry(firstOf.get(key), "NICKNAME", VCardText.writeList(names), false));
    }

    private void writeGender(JsonNode gender) {
        if (gender == null || !gender.isObject()) {
            return;
        }
        String sex = gender.path("sex").asText("");
        String identity = gender.path("identity").asText("");
        singleton("gender", identity.isEmpty() ? VCardText.escape(sex) : VCardText.writeSemiStructured(List.of(sex, identity)));
    }

    /**
     * Writes one entry of an id-keyed map: contexts and features as TYPE, pref as PREF (4.0) or
     * TYPE=pref (2.1/3.0; a pref other than 1 keeps a PREF parameter so nothing is lost).
     */
    private void entry(JsonNode e, String name, String value, boolean phone) {
        String[] group = new String[1];
        Map<String, List<String>> params = params(e, phone, group);
        out.property(group[0], name, params, value);
    }

    private Map<String, List<String>> params(JsonNode e, boolean phone, String[] group) {
        Map<String, List<String>> rest = VCardParams.fromJson(e.get("vCardParams"), group);
        List<String> types = new ArrayList<>();
        for (String c : Json.trueKeys(e.get("contexts"))) {
            types.add(c.equals("private") ? "home" : c);
        }
        if (phone) {
            for (String f : Json.trueKeys(e.get("features"))) {
                types.add(f.equals("mobile") ? "cell" : f);
            }
        }
        types.addAll(rest.getOrDefault("type", List.of()));
        Map<String, List<String>> params = new LinkedHashMap<>();
        JsonNode pref = e.get("pref");
        if (pref != null && pref.canConvertToInt()) {
            int n = pref.asInt();
            if (version == VCardVersion.V4_0 || n != 1) {
                params.put("pref", List.of(Integer.toString(n)));
            } else {
                types.add("pref");
            }
        }
        if (!types.isEmpty()) {
            params.put("type", types);
        }
        rest.forEach((k, v) -> {
            if (!k.equals("type")) {
                params.put(k, v);
            }
        });
        return params;
    }

    private void writeAddress(JsonNode a) {
        List<List<String>> adr = new ArrayList<>();
        for (int i = 0; i < ContactDecoder.ADDRESS_KINDS.length; i++) {
            adr.add(new ArrayList<>());
        }
        for (JsonNode c : a.path("components")) {
            String value = c.path("value").asText("");
            if (value.isEmpty()) {
                continue;
            }
            int slot = switch (c.path("kind").asText("")) {
                case "postOfficeBox" -> 0;
                case "apartment", "room", "floor", "building", "extended" -> 1;
                case "locality", "district", "subdistrict" -> 3;
                case "region" -> 4;
                case "postcode" -> 5;
                case "country" -> 6;
                default -> 2; // name, number, block, direction, landmark: the street
            };
            adr.get(slot).add(value);
        }
        String[] group = new String[1];
        Map<String, List<String>> params = params(a, false, group);
        putIfText(params, "label", Json.text(a, "full") == null ? null : Json.text(a, "full").replace("\n", "\\n"));
        putIfText(params, "cc", Json.text(a, "countryCode"));
        putIfText(params, "tz", Json.text(a, "timeZone"));
        putIfText(params, "geo", Json.text(a, "coordinates"));
        out.property(group[0], "ADR", params, VCardText.writeStructured(adr));
    }

    private static void putIfText(Map<String, List<String>> params, String name, String value) {
        if (value != null) {
            params.put(name, List.of(value));
        }
    }

    private void uriEntry(JsonNode e, String name) {
        String[] group = new String[1];
        Map<String, List<String>> params = params(e, false, group);
        putIfText(params, "mediatype", Json.text(e, "mediaType"));
        out.property(group[0], name, params, e.path("uri").asText(""));
    }

    private void writeAnniversary(JsonNode a) {
        String kind = a.path("kind").asText("");
        String name = switch (kind) {
            case "birth" -> "BDAY";
            case "death" -> "DEATHDATE";
            default -> "ANNIVERSARY";
        };
        String value = VCardDates.format(a.get("date"), version);
        if (value == null) {
            return;
        }
        String[] group = new String[1];
        Map<String, List<String>> params = params(a, false, group);
        String calscale = Json.text(a.path("date"), "calendarScale");
        putIfText(params, "calscale", calscale);
        out.property(group[0], name, params, value);
    }

    private void writeMedia(JsonNode m, String name, String kind) {
        String uri = m.path("uri").asText("");
        String mediaType = Json.text(m, "mediaType");
        String[] group = new String[1];
        Map<String, List<String>> params = params(m, false, group);
        Matcher data = BASE64_DATA_URI.matcher(uri);
        String value = uri;
        List<String> types = new ArrayList<>(params.getOrDefault("type", List.of()));
        if (version == VCardVersion.V4_0) {
            putIfText(params, "mediatype", mediaType);
        } else if (data.matches()) {
            params.put("encoding", List.of(version == VCardVersion.V2_1 ? "BASE64" : "b"));
            if (!data.group(1).isEmpty()) {
                types.add(0, format(data.group(1), kind));
            }
            value = data.group(2);
            putIfText(params, "mediatype", mediaType);
        } else {
            params.put("value", List.of(version == VCardVersion.V2_1 ? "URL" : "uri"));
            if (mediaType != null) {
                types.add(0, format(mediaType, kind));
            }
        }
        if (!types.isEmpty()) {
            params.put("type", types);
        }
        out.property(group[0], name, params, value);
    }

    /** "image/jpeg" → "JPEG" where the reader can rebuild it; the full media type otherwise. */
    private static String format(String mediaType, String kind) {
        String lower = mediaType.toLowerCase(Locale.ROOT);
        int slash = lower.indexOf('/');
        if (slash < 0) {
            return lower.toUpperCase(Locale.ROOT);
        }
        String subtype = lower.substring(slash + 1);
        return ContactDecoder.mediaTypeOf(subtype, kind).equals(lower) && !subtype.isEmpty()
                ? subtype.toUpperCase(Locale.ROOT) : lower;
    }

    private void writeRelated(JsonNode related) {
        if (related == null || !related.isObject()) {
            return;
        }
        related.fields().forEachRemaining(e -> {
            JsonNode r = e.getValue();
            String[] group = new String[1];
            Map<String, List<String>> params = params(r, false, group);
            List<String> relations = new ArrayList<>(Json.trueKeys(r.get("relation")));
            relations.addAll(params.getOrDefault("type", List.of()));
            if (!relations.isEmpty()) {
                params.put("type", relations);
            }
            boolean text = params.getOrDefault("value", List.of()).stream().anyMatch("text"::equalsIgnoreCase);
            out.property(group[0], "RELATED", params, text ? VCardText.escape(e.getKey()) : e.getKey());
        });
    }
}
