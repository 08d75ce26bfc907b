package org.concord.connector.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.spi.ConfigException;

/**
 * How one type's flat records map to the canonical model: record field → target, as written
 * under {@code mapping.TYPE} in the system's settings.
 *
 * <p>Reading is a three-way overlay when the mapping has an {@value Targets#EXTRA} field (where
 * Concord keeps its copy of the whole object): the copy is the base, and only the fields whose
 * value differs from what the copy says are written into it. So what the record cannot hold
 * survives a round trip, and a field changed in the application still wins. Without such a
 * field, the object is built from the mapped fields alone.
 */
final class RecordMapping {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ItemType type;
    private final List<Field> fields;
    private final Optional<String> extraField;
    private final boolean mapsFullName;

    record Field(String name, Target target, String key) {}

    private RecordMapping(ItemType type, List<Field> fields, Optional<String> extraField) {
        this.type = type;
        this.fields = fields.stream().sorted(Comparator.comparingInt(f -> f.target().order())).toList();
        this.extraField = extraField;
        this.mapsFullName = fields.stream().anyMatch(f -> f.target() instanceof Target.FullName);
    }

    static Map<ItemType, RecordMapping> parseAll(Map<String, Object> settings, String key) throws ConfigException {
        Map<ItemType, RecordMapping> out = new EnumMap<>(ItemType.class);
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            String typeKey = key + "." + e.getKey();
            ItemType type = ItemType.byCode(e.getKey()).filter(t -> t.code().equals(e.getKey())).orElseThrow(
                    () -> new ConfigException(typeKey, "unknown type; expected one of contact, event, task, note"));
            if (!(e.getValue() instanceof Map<?, ?> fields) || fields.isEmpty()) {
                throw new ConfigException(typeKey, "expected a map of record field: target");
            }
            out.put(type, parse(type, fields, typeKey));
        }
        return out;
    }

    private static RecordMapping parse(ItemType type, Map<?, ?> settings, String key) throws ConfigException {
        List<Field> fields = new ArrayList<>();
        Map<String, String> fieldOfTarget = new HashMap<>();
        Optional<String> extra = Optional.empty();
        for (Map.Entry<?, ?> e : settings.entrySet()) {
            String field = String.valueOf(e.getKey());
            String fieldKey = key + "." + field;
            if (!(e.getValue() instanceof String code) || code.isBlank()) {
                throw new ConfigException(fieldKey, "expected the name of a target, such as name.given or email.work");
            }
            String earlier = fieldOfTarget.put(code, field);
            if (earlier != null) {
                throw new ConfigException(fieldKey, "target '" + code + "' is already mapped by field '" + earlier + "'");
            }
            if (code.equals(Targets.EXTRA)) {
                extra = Optional.of(field);
                continue;
            }
            Target target = Targets.find(type, code).orElseThrow(() -> new ConfigException(fieldKey,
                    "unknown target '" + code + "' for a " + type.code() + "; known: "
                            + String.join(", ", new TreeSet<>(Targets.of(type).keySet())) + ", " + Targets.EXTRA));
            fields.add(new Field(field, target, fieldKey));
        }
        return new RecordMapping(type, fields, extra);
    }

    ItemType type() {
        return type;
    }

    /** Record field → the kind of value it must hold, for checking against what the application declares. */
    Map<String, FieldType> fieldTypes() {
        Map<String, FieldType> out = new LinkedHashMap<>();
        fields.forEach(f -> out.put(f.name(), f.target().fieldType()));
        extraField.ifPresent(f -> out.put(f, FieldType.STRING));
        return out;
    }

    /** The config key of a record field's mapping, for messages. */
    String keyOf(String field, String typeKey) {
        return fields.stream().filter(f -> f.name().equals(field)).map(Field::key).findFirst().orElse(typeKey + "." + field);
    }

    /** The record to send: every mapped field (null where the object has no value), and the copy. */
    ObjectNode toRecord(Payload payload) {
        ObjectNode canonical = payload.json();
        Picks picks = new Picks();
        ObjectNode record = JSON.createObjectNode();
        for (Field f : fields) {
            record.set(f.name(), f.target().read(canonical, picks));
        }
        extraField.ifPresent(f -> record.put(f, canonical.toString()));
        return record;
    }

    /** The canonical object for a record the application sent. */
    Payload fromRecord(JsonNode record) throws ConversionException {
        if (!record.isObject()) {
            throw new ConversionException("expected a flat JSON object, found " + record.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        ObjectNode base = base(record);
        Picks picks = new Picks();
        Map<String, JsonNode> before = new HashMap<>();
        for (Field f : fields) {
            before.put(f.name(), f.target().read(base, picks));
        }
        boolean nameChanged = false;
        for (Field f : fields) {
            JsonNode value = f.target().fieldType().fromRecord(record.get(f.name()), f.name());
            if (!value.equals(before.get(f.name()))) {
                f.target().write(base, value, picks);
                nameChanged |= f.target() instanceof Target.NameComponent;
            }
        }
        if (nameChanged && !mapsFullName) {
            NameRules.deriveFull(base);
        }
        return Payload.of(type, base);
    }

    private ObjectNode base(JsonNode record) throws ConversionException {
        if (extraField.isPresent()) {
            JsonNode copy = record.get(extraField.get());
            if (copy != null && copy.isTextual() && !copy.asText().isBlank()) {
                try {
                    if (JSON.readTree(copy.asText()) instanceof ObjectNode object) {
                        return object;
                    }
                } catch (JsonProcessingException e) {
                    // a damaged copy: the mapped fields alone still make the object
                }
            }
        }
        ObjectNode fresh = JSON.createObjectNode();
        fresh.put("@type", type.jsonType());
        if (type == ItemType.CONTACT) {
            fresh.put("version", "1.0");
        }
        return fresh;
    }
}
