package org.concord.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.model.ItemType;
import org.concord.model.Payload;

/** Realistic small canonical objects for tests, built directly as JSContact / JSCalendar JSON. */
public final class Samples {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Samples() {}

    /** Sample {@code n} of a type; {@code edit} varies the content so that updates change the hash. */
    public static Payload of(ItemType type, String uid, int n, int edit) {
        ObjectNode o = JSON.createObjectNode();
        o.put("uid", uid);
        switch (type) {
            case CONTACT -> {
                o.put("version", "1.0");
                ObjectNode name = o.putObject("name");
                name.putArray("components").addObject().put("kind", "given").put("value", "Person" + n);
                name.put("full", "Person " + n + (edit > 0 ? " (edit " + edit + ")" : ""));
                o.putObject("emails").putObject("e1").put("address", "person" + n + "@example.org");
                o.putObject("phones").putObject("p1").put("number", "+49 30 " + (1000 + n));
            }
            case EVENT -> {
                o.put("title", "Meeting " + n + (edit > 0 ? " (edit " + edit + ")" : ""));
                o.put("start", "2026-12-" + String.format("%02d", 1 + n % 28) + "T10:00:00");
                o.put("timeZone", "Europe/Berlin");
                o.put("duration", "PT1H");
            }
            case TASK -> {
                o.put("title", "Task " + n + (edit > 0 ? " (edit " + edit + ")" : ""));
                o.put("due", "2026-12-" + String.format("%02d", 1 + n % 28) + "T17:00:00");
                o.put("timeZone", "Europe/Berlin");
            }
            case NOTE -> {
                o.put("title", "Note " + n + (edit > 0 ? " (edit " + edit + ")" : ""));
                o.put("description", "Body of note " + n);
            }
        }
        return Payload.of(type, o);
    }

    public static Payload of(ItemType type, int n) {
        return of(type, "sample-" + type.code() + "-" + n, n, 0);
    }
}
