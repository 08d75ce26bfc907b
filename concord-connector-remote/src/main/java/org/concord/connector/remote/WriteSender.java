package org.concord.connector.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;

/**
 * Builds set-changes requests from writes and reads their results. A write whose payload cannot
 * be converted is rejected here and never sent; the others go in one request, in order.
 */
final class WriteSender {
    private final String system;
    private final Map<ItemType, WireCodec> codecs;

    WriteSender(String system, Map<ItemType, WireCodec> codecs) {
        this.system = system;
        this.codecs = codecs;
    }

    /** The request for {@code writes}; {@code local} gets a result for each write refused before sending (else null). */
    ObjectNode request(List<Write> writes, WriteResult[] local) {
        ObjectNode body = HttpTransport.JSON.createObjectNode();
        ArrayNode list = body.putArray("changes");
        for (int i = 0; i < writes.size(); i++) {
            Write w = writes.get(i);
            ObjectNode c = HttpTransport.JSON.createObjectNode();
            c.put("ref", w.globalId());
            c.put("user", w.scope().user());
            c.put("type", w.scope().type().code());
            try {
                switch (w) {
                    case Write.Create create -> c.put("op", "upsert").set("data", data(create.payload(), w));
                    case Write.Update update -> {
                        c.put("id", update.nativeId()).put("op", "upsert");
                        update.expectedVersion().ifPresent(v -> c.put("expectedVersion", v));
                        c.set("data", data(update.payload(), w));
                    }
                    case Write.Delete delete -> {
                        c.put("id", delete.nativeId()).put("op", "delete");
                        delete.expectedVersion().ifPresent(v -> c.put("expectedVersion", v));
                    }
                }
                list.add(c);
            } catch (ConversionException e) {
                local[i] = new WriteResult.Rejected("remote '" + system + "': " + describe(w) + " cannot be converted: " + e.getMessage());
            }
        }
        return body;
    }

    private JsonNode data(Payload payload, Write w) throws ConversionException {
        WireCodec codec = codecs.get(w.scope().type());
        if (codec == null) {
            throw new ConversionException("the application does not serve " + w.scope().type().code() + "s");
        }
        return codec.toWire(payload);
    }

    /** One result per write, in order: the local refusals, and the application's answers for the rest. */
    List<WriteResult> results(List<Write> writes, WriteResult[] local, JsonNode answer, String call)
            throws PermanentConnectorException {
        JsonNode list = answer.path("results");
        long sent = java.util.Arrays.stream(local).filter(r -> r == null).count();
        if (!list.isArray() || list.size() != sent) {
            throw Failures.protocol(system, call, "expected 'results' with " + sent + " entries, found "
                    + (list.isArray() ? list.size() : "none"));
        }
        List<WriteResult> out = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < writes.size(); i++) {
            out.add(local[i] != null ? local[i] : result(writes.get(i), list.get(next++)));
        }
        return out;
    }

    private WriteResult result(Write w, JsonNode r) {
        String status = r.path("status").asText("");
        String message = "remote '" + system + "': " + describe(w) + ": " + r.path("message").asText(status);
        Optional<String> id = Optional.ofNullable(r.get("id")).filter(JsonNode::isTextual).map(JsonNode::asText).filter(s -> !s.isEmpty());
        Optional<String> version = Optional.ofNullable(r.get("version")).filter(JsonNode::isTextual).map(JsonNode::asText)
                .filter(s -> !s.isEmpty());
        return switch (status) {
            case "ok" -> {
                if (w instanceof Write.Delete) {
                    yield new WriteResult.Deleted();
                }
                if (id.isEmpty() || version.isEmpty()) {
                    yield new WriteResult.Rejected("remote '" + system + "': " + describe(w)
                            + " answered ok without an id and version (the protocol requires both)");
                }
                yield new WriteResult.Written(id.get(), version.get(), stored(w, id.get()));
            }
            case "precondition-failed" -> new WriteResult.PreconditionFailed(message);
            case "not-found" -> w instanceof Write.Delete ? new WriteResult.Deleted() : new WriteResult.Gone(message);
            case "failed" -> r.path("temporary").asBoolean(false) ? new WriteResult.Unavailable(message)
                    : new WriteResult.Rejected(message);
            default -> new WriteResult.Rejected("remote '" + system + "': " + describe(w) + " answered unknown status '" + status + "'");
        };
    }

    /**
     * What the application will report for a written object when it differs from what was
     * written: a flat record keeps only its mapped fields, so the hub must expect that back.
     */
    private Optional<Payload> stored(Write w, String id) {
        Payload written = switch (w) {
            case Write.Create c -> c.payload();
            case Write.Update u -> u.payload();
            case Write.Delete d -> null;
        };
        if (written == null || !(codecs.get(w.scope().type()) instanceof WireCodec.Record codec)) {
            return Optional.empty();
        }
        try {
            Payload back = codec.fromWire(codec.toWire(written), id);
            return back.contentHash().equals(written.contentHash()) ? Optional.empty() : Optional.of(back);
        } catch (ConversionException e) {
            return Optional.empty();
        }
    }

    static String describe(Write w) {
        String type = w.scope().type().code();
        return switch (w) {
            case Write.Create c -> "create of " + type + " " + c.globalId();
            case Write.Update u -> "update of " + type + " " + u.nativeId();
            case Write.Delete d -> "delete of " + type + " " + d.nativeId();
        };
    }
}
