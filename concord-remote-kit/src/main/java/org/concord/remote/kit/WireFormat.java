package org.concord.remote.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The protocol's JSON shapes, written and read in one place. */
final class WireFormat {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int PROTOCOL_VERSION = 1;

    private WireFormat() {}

    static ObjectNode ping(AppDescription d, AppHealth health, KitServer.Limits limits) {
        ObjectNode out = JSON.createObjectNode();
        switch (health) {
            case AppHealth.Up up -> out.put("status", "up").put("detail", up.detail());
            case AppHealth.Down down -> out.put("status", "down").put("detail", down.reason());
        }
        out.put("protocol", PROTOCOL_VERSION);
        out.put("name", d.name());
        out.put("modidComparison", d.modidComparison().code());
        ObjectNode types = out.putObject("types");
        d.types().forEach((type, format) -> {
            ObjectNode t = types.putObject(type.code());
            t.put("format", format.format().code());
            if (!format.fields().isEmpty()) {
                ObjectNode fields = t.putObject("fields");
                format.fields().forEach((name, kind) -> fields.put(name, kind.code()));
            }
        });
        ArrayNode caps = out.putArray("capabilities");
        d.capabilities().stream().map(Capability::code).sorted().forEach(caps::add);
        ObjectNode l = out.putObject("limits");
        l.put("maxLimit", limits.maxLimit());
        l.put("maxWait", limits.maxWait().toSeconds());
        l.put("maxBatch", limits.maxBatch());
        return out;
    }

    static ObjectNode changes(List<FeedEntry> page, Optional<String> next, boolean more) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode changes = out.putArray("changes");
        for (FeedEntry e : page) {
            ObjectNode c = changes.addObject();
            c.put("modid", e.modid());
            c.put("user", e.user());
            c.put("type", e.type().code());
            c.put("id", e.id());
            c.put("op", e.operation().code());
            if (e.operation() == Operation.UPSERT) {
                c.put("version", e.version());
                c.set("data", e.data());
            }
        }
        if (next.isPresent()) {
            out.put("next", next.get());
        } else {
            out.putNull("next");
        }
        out.put("more", more);
        return out;
    }

    /** One change of a set-changes request: either checked and ready, or already failed for its data. */
    sealed interface Parsed permits Ready, Refused {
        String ref();
    }

    record Ready(IncomingChange change) implements Parsed {
        @Override
        public String ref() {
            return change.ref();
        }
    }

    record Refused(String ref, ChangeResult result) implements Parsed {}

    /** Checks the request's shape (malformed → 400 naming the field); data the app cannot take fails that change only. */
    static List<Parsed> parseChanges(JsonNode body, AppDescription d, int maxBatch) throws Problem {
        if (!(body instanceof ObjectNode) || !body.path("changes").isArray()) {
            throw Problem.malformed("the body must be a JSON object with an array 'changes'");
        }
        JsonNode list = body.get("changes");
        if (list.size() > maxBatch) {
            throw new Problem(413, "batch-too-large", "Batch too large",
                    list.size() + " changes in one request; at most " + maxBatch + " are accepted (see limits.maxBatch in ping)");
        }
        List<Parsed> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(parseChange(list.get(i), "changes[" + i + "]", d));
        }
        return out;
    }

    private static Parsed parseChange(JsonNode c, String at, AppDescription d) throws Problem {
        if (!c.isObject()) {
            throw Problem.malformed(at + ": expected an object");
        }
        String ref = text(c, "ref", at, true);
        String user = text(c, "user", at, true);
        String typeCode = text(c, "type", at, true);
        ObjectType type = ObjectType.byCode(typeCode)
                .orElseThrow(() -> Problem.malformed(at + ".type: unknown type '" + typeCode + "'; known: contact, event, task, note"));
        String opCode = text(c, "op", at, true);
        Operation op = Operation.byCode(opCode)
                .orElseThrow(() -> Problem.malformed(at + ".op: expected 'upsert' or 'delete', found '" + opCode + "'"));
        Optional<String> id = Optional.ofNullable(text(c, "id", at, false));
        Optional<String> expected = Optional.ofNullable(text(c, "expectedVersion", at, false));
        JsonNode conflictNode = c.get("isConflict");
        if (conflictNode != null && !conflictNode.isNull() && !conflictNode.isBoolean()) {
            throw Problem.malformed(at + ".isConflict: expected true or false");
        }
        boolean isConflict = conflictNode != null && conflictNode.asBoolean(false);
        JsonNode data = c.get("data");
        if (data != null && data.isNull()) {
            data = null;
        }
        if (op == Operation.DELETE && id.isEmpty()) {
            throw Problem.malformed(at + ": a delete needs the object's 'id'");
        }
        if (isConflict && (op != Operation.UPSERT || id.isEmpty())) {
            throw Problem.malformed(at + ": 'isConflict' needs an upsert naming the object to copy by 'id'");
        }
        if (op == Operation.UPSERT && data == null) {
            throw Problem.malformed(at + ": an upsert needs 'data'");
        }
        if (op == Operation.UPSERT) {
            TypeFormat format = d.types().get(type);
            if (format == null) {
                return new Refused(ref, new ChangeResult.Failed(at + ": this application does not serve type '" + type.code() + "'", false));
            }
            Optional<String> wrongShape = shapeProblem(data, format);
            if (wrongShape.isPresent()) {
                return new Refused(ref, new ChangeResult.Failed(at + ".data: " + wrongShape.get(), false));
            }
        }
        return new Ready(new IncomingChange(ref, user, type, id, op, data, expected, isConflict));
    }

    private static Optional<String> shapeProblem(JsonNode data, TypeFormat format) {
        if (format.format().isText()) {
            return data.isTextual() ? Optional.empty()
                    : Optional.of("expected " + format.format().code() + " text as a JSON string");
        }
        if (!data.isObject()) {
            return Optional.of("expected a JSON object in format " + format.format().code());
        }
        if (format.format() == DataFormat.RECORD) {
            for (Map.Entry<String, JsonNode> field : data.properties()) {
                FieldKind kind = format.fields().get(field.getKey());
                if (kind == null) {
                    return Optional.of("unknown field '" + field.getKey() + "'; fields: " + String.join(", ", format.fields().keySet()));
                }
                JsonNode v = field.getValue();
                boolean fits = v.isNull() || switch (kind) {
                    case STRING -> v.isTextual();
                    case INTEGER -> v.isIntegralNumber();
                    case NUMBER -> v.isNumber();
                    case BOOLEAN -> v.isBoolean();
                };
                if (!fits) {
                    return Optional.of("field '" + field.getKey() + "' must be " + kind.code() + " or null");
                }
            }
        }
        return Optional.empty();
    }

    private static String text(JsonNode c, String name, String at, boolean required) throws Problem {
        JsonNode v = c.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                throw Problem.malformed(at + "." + name + ": missing");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isEmpty()) {
            throw Problem.malformed(at + "." + name + ": expected a non-empty string");
        }
        return v.asText();
    }

    static ObjectNode result(String ref, ChangeResult result) {
        ObjectNode out = JSON.createObjectNode();
        out.put("ref", ref);
        switch (result) {
            case ChangeResult.Ok ok -> {
                out.put("status", "ok").put("id", ok.id());
                ok.version().ifPresent(v -> out.put("version", v));
            }
            case ChangeResult.Failed f -> out.put("status", "failed").put("message", f.message()).put("temporary", f.temporary());
            case ChangeResult.PreconditionFailed p -> {
                out.put("status", "precondition-failed").put("message", p.message());
                p.currentVersion().ifPresent(v -> out.put("version", v));
            }
            case ChangeResult.NotFound n -> out.put("status", "not-found").put("message", n.message());
        }
        return out;
    }

    static ObjectNode problem(Problem p, String instance) {
        ObjectNode out = JSON.createObjectNode();
        out.put("type", p.type());
        out.put("title", p.title());
        out.put("status", p.status());
        out.put("detail", p.detail());
        out.put("instance", instance);
        return out;
    }
}
