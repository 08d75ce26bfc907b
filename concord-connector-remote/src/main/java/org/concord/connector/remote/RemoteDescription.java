package org.concord.connector.remote;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.concord.model.ItemType;

/**
 * What the application said about itself in its ping: status, name, how its modids compare,
 * the types it serves in which format, its optional endpoints and its limits.
 */
record RemoteDescription(boolean up, String detail, String name, ModidOrder modidOrder, Map<ItemType, TypeSpec> types,
        Set<String> capabilities, int maxLimit, Duration maxWait, int maxBatch) {

    static final int PROTOCOL = 1;

    /** One type's data format, and a flat record's fields with their kinds. */
    record TypeSpec(String format, Map<String, String> fields) {}

    /** Reads a ping answer; the message of a failure names the offending member. */
    static RemoteDescription parse(JsonNode ping) throws ConversionException {
        if (!ping.isObject()) {
            throw new ConversionException("the answer is not a JSON object");
        }
        String status = text(ping, "status");
        if (!status.equals("up") && !status.equals("down")) {
            throw new ConversionException("'status' must be \"up\" or \"down\", found \"" + status + "\"");
        }
        int protocol = ping.path("protocol").asInt(-1);
        if (protocol != PROTOCOL) {
            throw new ConversionException("speaks protocol version " + ping.path("protocol").asText("(none)")
                    + "; this Concord speaks version " + PROTOCOL);
        }
        String comparison = text(ping, "modidComparison");
        ModidOrder order = ModidOrder.byCode(comparison).orElseThrow(() -> new ConversionException(
                "'modidComparison' must be \"integer\" or \"text\", found \"" + comparison + "\""));
        JsonNode typesNode = ping.path("types");
        if (!typesNode.isObject() || typesNode.isEmpty()) {
            throw new ConversionException("'types' must name at least one type with its format");
        }
        Map<ItemType, TypeSpec> types = new EnumMap<>(ItemType.class);
        for (Map.Entry<String, JsonNode> t : typesNode.properties()) {
            ItemType type = ItemType.byCode(t.getKey()).filter(it -> it.code().equals(t.getKey())).orElseThrow(
                    () -> new ConversionException("'types' names unknown type '" + t.getKey() + "'"));
            String format = text(t.getValue(), "format");
            Map<String, String> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> f : t.getValue().path("fields").properties()) {
                fields.put(f.getKey(), f.getValue().asText());
            }
            types.put(type, new TypeSpec(format, fields));
        }
        Set<String> capabilities = new TreeSet<>();
        ping.path("capabilities").forEach(c -> capabilities.add(c.asText()));
        JsonNode limits = ping.path("limits");
        return new RemoteDescription(status.equals("up"), ping.path("detail").asText(""), text(ping, "name"), order, types,
                capabilities, positive(limits, "maxLimit", 1000), Duration.ofSeconds(positive(limits, "maxWait", 60)),
                positive(limits, "maxBatch", 100));
    }

    Optional<TypeSpec> spec(ItemType type) {
        return Optional.ofNullable(types.get(type));
    }

    private static String text(JsonNode node, String name) throws ConversionException {
        JsonNode v = node.get(name);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new ConversionException("'" + name + "' is missing or not a non-empty string");
        }
        return v.asText();
    }

    private static int positive(JsonNode limits, String name, int fallback) {
        int v = limits.path(name).asInt(fallback);
        return v > 0 ? v : fallback;
    }
}
