package org.concord.connector.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concord.model.ItemType;
import org.concord.spi.Change;
import org.concord.spi.ChangeBatch;
import org.concord.spi.Cursor;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.Scope;

/**
 * Turns a changes answer into a {@link ChangeBatch}. The cursor is the application's modid; the
 * next one is the greatest of the cursor asked from, the answer's {@code next} and the modids
 * read, under the application's declared order, so a cursor never moves back. A change at or
 * before the cursor was read already and is skipped.
 */
final class FeedReader {
    private final String system;
    private final ModidOrder order;
    private final Map<ItemType, WireCodec> codecs;

    FeedReader(String system, ModidOrder order, Map<ItemType, WireCodec> codecs) {
        this.system = system;
        this.order = order;
        this.codecs = codecs;
    }

    ChangeBatch read(JsonNode answer, Cursor since, String call) throws PermanentConnectorException {
        if (!answer.isObject() || !answer.path("changes").isArray()) {
            throw Failures.protocol(system, call, "expected an object with an array 'changes'");
        }
        String cursor = since.value();
        List<Change> changes = new ArrayList<>();
        JsonNode list = answer.get("changes");
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            String at = "changes[" + i + "]";
            String modid = text(c, "modid", at, call);
            if (!order.isValid(modid)) {
                throw Failures.protocol(system, call, at + ".modid '" + modid + "' does not compare as " + order.code());
            }
            if (!since.isStart() && order.compare(modid, since.value()) <= 0) {
                continue;
            }
            changes.add(change(c, at, call, modid));
            cursor = cursor.isEmpty() ? modid : order.max(cursor, modid);
        }
        JsonNode next = answer.get("next");
        if (next != null && next.isTextual() && !next.asText().isEmpty()) {
            if (!order.isValid(next.asText())) {
                throw Failures.protocol(system, call, "next '" + next.asText() + "' does not compare as " + order.code());
            }
            cursor = cursor.isEmpty() ? next.asText() : order.max(cursor, next.asText());
        }
        JsonNode more = answer.get("more");
        if (more == null || !more.isBoolean()) {
            throw Failures.protocol(system, call, "'more' must be true or false");
        }
        return new ChangeBatch(changes, new Cursor(cursor), more.asBoolean());
    }

    private Change change(JsonNode c, String at, String call, String modid) throws PermanentConnectorException {
        String user = text(c, "user", at, call);
        String typeCode = text(c, "type", at, call);
        ItemType type = ItemType.byCode(typeCode).filter(t -> t.code().equals(typeCode))
                .orElseThrow(() -> Failures.protocol(system, call, at + ".type '" + typeCode + "' is not a known type"));
        String id = text(c, "id", at, call);
        String op = text(c, "op", at, call);
        if (user.isBlank()) {
            throw Failures.protocol(system, call, at + ".user is blank");
        }
        Scope scope = new Scope(user, type);
        switch (op) {
            case "delete" -> {
                return new Change.Delete(scope, id);
            }
            case "upsert" -> {
                WireCodec codec = codecs.get(type);
                if (codec == null) {
                    return new Change.Unreadable(scope, id, "remote '" + system + "': type " + type.code()
                            + " was not declared in the application's ping");
                }
                JsonNode data = c.get("data");
                if (data == null || data.isNull()) {
                    return new Change.Unreadable(scope, id, "remote '" + system + "': " + type.code() + " " + id + " came without data");
                }
                JsonNode version = c.get("version");
                String v = version != null && version.isTextual() && !version.asText().isEmpty() ? version.asText() : modid;
                try {
                    return new Change.Upsert(scope, id, v, codec.fromWire(data, id));
                } catch (ConversionException | IllegalArgumentException e) {
                    return new Change.Unreadable(scope, id, "remote '" + system + "': " + type.code() + " " + id
                            + " cannot be read: " + e.getMessage());
                }
            }
            default -> throw Failures.protocol(system, call, at + ".op must be \"upsert\" or \"delete\", found \"" + op + "\"");
        }
    }

    private String text(JsonNode c, String name, String at, String call) throws PermanentConnectorException {
        JsonNode v = c.get(name);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw Failures.protocol(system, call, at + "." + name + " is missing or not a non-empty string");
        }
        return v.asText();
    }
}
