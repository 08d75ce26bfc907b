package org.concord.connector.remote.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Test objects in whatever format the endpoint declared for the type under test, each carrying a
 * marker text that the checks look for when the object comes back through the feed.
 */
final class Samples {
    private final String type;
    private final String format;
    private final Map<String, String> fields;
    private final String markerField;

    Samples(String type, String format, Map<String, String> fields) throws CheckFailed {
        this.type = type;
        this.format = format;
        this.fields = fields;
        this.markerField = format.equals("record") ? fields.entrySet().stream().filter(e -> e.getValue().equals("string"))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new CheckFailed("the " + type + " record declares no string field to write a test value into"))
                : null;
    }

    String describe() {
        return type + " as " + format + (markerField == null ? "" : " (test values go in field '" + markerField + "')");
    }

    JsonNode data(String marker) {
        String uid = "urn:uuid:" + UUID.nameUUIDFromBytes(marker.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        ObjectNode o = Probe.JSON.createObjectNode();
        switch (format) {
            case "jscontact" -> {
                o.put("@type", "Card").put("version", "1.0").put("uid", uid);
                o.putObject("name").put("full", marker);
                return o;
            }
            case "jscalendar" -> {
                o.put("@type", switch (type) {
                    case "task" -> "Task";
                    case "note" -> "Note";
                    default -> "Event";
                }).put("uid", uid).put("title", marker);
                if (type.equals("event")) {
                    o.put("start", "2026-01-05T10:00:00").put("duration", "PT1H").put("timeZone", "Europe/Berlin");
                }
                return o;
            }
            case "vcard" -> {
                return TextNode.valueOf("BEGIN:VCARD\r\nVERSION:4.0\r\nUID:" + uid + "\r\nFN:" + marker + "\r\nN:" + marker
                        + ";;;;\r\nEND:VCARD\r\n");
            }
            case "icalendar" -> {
                String component = switch (type) {
                    case "task" -> "VTODO";
                    case "note" -> "VJOURNAL";
                    default -> "VEVENT";
                };
                String times = type.equals("event") ? "DTSTART:20260105T100000Z\r\nDTEND:20260105T110000Z\r\n" : "";
                return TextNode.valueOf("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Concord//conformance//EN\r\nBEGIN:"
                        + component + "\r\nUID:" + uid + "\r\nDTSTAMP:20260101T000000Z\r\n" + times + "SUMMARY:" + marker
                        + "\r\nEND:" + component + "\r\nEND:VCALENDAR\r\n");
            }
            default -> {
                o.put(markerField, marker);
                return o;
            }
        }
    }

    /** Whether {@code data} from the feed carries {@code marker}. */
    boolean carries(JsonNode data, String marker) {
        return marker(data).map(m -> m.equals(marker)).orElse(false);
    }

    /** The marker-like value {@code data} holds, for messages. */
    Optional<String> marker(JsonNode data) {
        if (data == null || data.isNull()) {
            return Optional.empty();
        }
        JsonNode v = switch (format) {
            case "jscontact" -> data.path("name").path("full");
            case "jscalendar" -> data.path("title");
            case "vcard" -> TextNode.valueOf(line(data.asText(), "FN"));
            case "icalendar" -> TextNode.valueOf(line(data.asText(), "SUMMARY"));
            default -> data.path(markerField);
        };
        return v.isTextual() && !v.asText().isEmpty() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static String line(String text, String property) {
        for (String l : text.replace("\r\n ", "").split("\r?\n")) {
            int colon = l.indexOf(':');
            if (colon > 0) {
                String name = l.substring(0, colon);
                int semi = name.indexOf(';');
                if ((semi < 0 ? name : name.substring(0, semi)).equalsIgnoreCase(property)) {
                    return l.substring(colon + 1).strip();
                }
            }
        }
        return "";
    }
}
