package org.concord.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ORGANIZER / ATTENDEE ↔ JSCalendar Participant. Defaults a server may or may not spell out
 * (ROLE=REQ-PARTICIPANT, PARTSTAT=NEEDS-ACTION, RSVP=FALSE, CUTYPE=INDIVIDUAL) map to absent
 * members, so such a rewrite does not look like a change.
 */
final class Participants {

    private Participants() {
    }

    static ObjectNode decode(NativeProperty p) {
        ObjectNode part = Json.object();
        part.put("@type", "Participant");
        Map<String, List<String>> params = new LinkedHashMap<>(p.params());
        String cn = first(params.remove("cn"));
        if (cn != null) {
            part.put("name", cn);
        }
        String address = p.value().trim();
        part.putObject("sendTo").put(address.regionMatches(true, 0, "mailto:", 0, 7) ? "imip" : "other", address);
        ObjectNode roles = part.putObject("roles");
        if (p.name().equals("ORGANIZER")) {
            roles.put("owner", true);
        } else {
            List<String> roleParam = params.get("role");
            String role = roleParam == null || roleParam.size() != 1 ? "REQ-PARTICIPANT" : roleParam.get(0).toUpperCase(Locale.ROOT);
            switch (role) {
                case "CHAIR" -> {
                    roles.put("attendee", true);
                    roles.put("chair", true);
                    params.remove("role");
                }
                case "OPT-PARTICIPANT" -> {
                    roles.put("attendee", true);
                    roles.put("optional", true);
                    params.remove("role");
                }
                case "NON-PARTICIPANT" -> {
                    roles.put("informational", true);
                    params.remove("role");
                }
                case "REQ-PARTICIPANT" -> {
                    roles.put("attendee", true);
                    params.remove("role");
                }
                default -> roles.put("attendee", true); // an x-role stays a parameter
            }
        }
        String partstat = first(params.remove("partstat"));
        if (partstat != null && !partstat.equalsIgnoreCase("NEEDS-ACTION")) {
            part.put("participationStatus", partstat.toLowerCase(Locale.ROOT));
        }
        String rsvp = first(params.get("rsvp"));
        if (rsvp != null && (rsvp.equalsIgnoreCase("TRUE") || rsvp.equalsIgnoreCase("FALSE"))) {
            params.remove("rsvp");
            if (rsvp.equalsIgnoreCase("TRUE")) {
                part.put("expectReply", true);
            }
        }
        String cutype = first(params.remove("cutype"));
        if (cutype != null && !cutype.equalsIgnoreCase("INDIVIDUAL")) {
            part.put("kind", cutype.toLowerCase(Locale.ROOT));
        }
        if (!params.isEmpty()) {
            part.set("iCalParams", NativeProperty.paramsJson(null, params));
        }
        return part;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** True for the participant written as ORGANIZER: an owner and nothing else. */
    static boolean isOrganizer(JsonNode part) {
        List<String> roles = Json.trueKeys(part.get("roles"));
        return roles.contains("owner") && !roles.contains("attendee") && !roles.contains("chair")
                && !roles.contains("optional") && !roles.contains("informational");
    }

    /** The ORGANIZER or ATTENDEE line of a participant. */
    static NativeProperty encode(JsonNode part) {
        boolean organizer = isOrganizer(part);
        String[] none = new String[1];
        Map<String, List<String>> extra = VCardParams.fromJson(part.get("iCalParams"), none);
        Map<String, List<String>> params = new LinkedHashMap<>();
        String name = Json.text(part, "name");
        if (name != null) {
            params.put("cn", List.of(name));
        }
        List<String> roles = Json.trueKeys(part.get("roles"));
        String kind = Json.text(part, "kind");
        if (kind != null && !kind.equalsIgnoreCase("individual")) {
            params.put("cutype", List.of(kind.toUpperCase(Locale.ROOT)));
        }
        if (!organizer) {
            if (!extra.containsKey("role")) {
                String role = roles.contains("chair") ? "CHAIR" : roles.contains("optional") ? "OPT-PARTICIPANT"
                        : roles.contains("informational") && !roles.contains("attendee") ? "NON-PARTICIPANT" : "REQ-PARTICIPANT";
                params.put("role", List.of(role));
            }
        }
        String status = Json.text(part, "participationStatus");
        if (status != null || !organizer) {
            params.put("partstat", List.of(status == null ? "NEEDS-ACTION" : status.toUpperCase(Locale.ROOT)));
        }
        if (part.path("expectReply").asBoolean(false)) {
            params.put("rsvp", List.of("TRUE"));
        }
        params.putAll(extra);
        String address = null;
        JsonNode sendTo = part.get("sendTo");
        if (sendTo != null && sendTo.isObject()) {
            address = Json.text(sendTo, "imip");
            if (address == null && sendTo.size() > 0) {
                address = sendTo.elements().next().asText();
            }
        }
        if (address == null) {
            String email = Json.text(part, "email");
            address = email == null ? "" : "mailto:" + email;
        }
        return new NativeProperty(null, organizer ? "ORGANIZER" : "ATTENDEE", params, address, 0);
    }

    static List<String> names() {
        return new ArrayList<>(List.of("ORGANIZER", "ATTENDEE"));
    }
}
