package org.concord.connector.jdbc.mapping;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concord.model.ItemType;
import org.concord.spi.ConfigException;
import org.concord.spi.SystemConfig;

/**
 * Reads the table mapping of a jdbc system from its config, a preset merged underneath. Every
 * unknown, missing or mistyped key is a {@link ConfigException} naming its full dotted key.
 */
public final class MappingParser {

    /** The system-level keys this parser reads. */
    public static final Set<String> KEYS = Set.of("preset", "tables", "users", "time-zone", "db-time-zone");

    private MappingParser() {}

    public static Mapping parse(SystemConfig config) throws ConfigException {
        Map<String, Object> preset = Map.of();
        Optional<String> presetName = config.optionalString("preset");
        if (presetName.isPresent()) {
            preset = Preset.load(presetName.get())
                    .orElseThrow(() -> new ConfigException(config.key("preset"),
                            "no preset '" + presetName.get() + "'; known presets: " + String.join(", ", Preset.NAMES)));
        }
        Map<String, Object> merged = new LinkedHashMap<>(preset);
        ConfigNode system = new ConfigNode("systems." + config.name(), new LinkedHashMap<>(config.settings()));
        Map<String, Object> tables = new LinkedHashMap<>();
        tables.putAll(castMap(preset.get("tables")));
        Optional<ConfigNode> own = system.optionalMap("tables");
        if (own.isPresent()) {
            for (String k : own.get().keys()) {
                Object v = own.get().raw(k);
                if (Boolean.FALSE.equals(v) || "false".equals(v)) {
                    tables.remove(k); // drops a table the preset maps
                } else {
                    tables.put(k, v);
                }
            }
        }
        if (tables.isEmpty()) {
            throw new ConfigException(system.key("tables"), "no table is mapped; set a preset (e.g. preset: crm) or map tables");
        }
        for (String k : List.of("users", "time-zone", "db-time-zone")) {
            if (config.has(k)) {
                merged.put(k, config.settings().get(k));
            }
        }
        merged.put("tables", tables);
        ConfigNode root = new ConfigNode(system.key(), merged);

        ZoneId dbZone = zone(root, "db-time-zone");
        ZoneId displayZone = zone(root, "time-zone");
        Optional<UserTable> users = Optional.empty();
        Optional<ConfigNode> u = root.optionalMap("users");
        if (u.isPresent()) {
            u.get().requireOnly("table", "id", "name");
            users = Optional.of(new UserTable(u.get().identifier("table"),
                    u.get().optionalIdentifier("id").orElse("id"), u.get().identifier("name")));
        }
        List<TableMapping> mappings = new ArrayList<>();
        for (ConfigNode t : root.map("tables").children()) {
            mappings.add(table(t, dbZone, displayZone));
        }
        return new Mapping(mappings, users, dbZone, displayZone);
    }

    private static ZoneId zone(ConfigNode root, String key) throws ConfigException {
        String z = root.optionalText(key).orElse("Etc/UTC");
        try {
            return ZoneId.of(z);
        } catch (DateTimeException e) {
            throw new ConfigException(root.key(key), "'" + z + "' is not a time zone (e.g. Europe/Berlin, Etc/UTC)");
        }
    }

    private static TableMapping table(ConfigNode t, ZoneId dbZone, ZoneId displayZone) throws ConfigException {
        t.requireOnly("type", "table", "id", "id-generation", "user", "modified", "version", "created", "deleted",
                "external-ref", "filter", "insert", "fields", "related", "creates");
        ConfigNode.checkIdentifier(t.key(), t.name());
        String typeCode = t.text("type");
        ItemType type = ItemType.byCode(typeCode).orElseThrow(() -> new ConfigException(t.key("type"),
                "'" + typeCode + "' is not a type; use contact, event, task or note"));
        String table = t.optionalIdentifier("table").orElse(t.name());
        Optional<String> modified = t.optionalIdentifier("modified");
        List<ColumnMapping> columns = new ArrayList<>();
        ConfigNode fields = t.map("fields");
        Set<String> paths = new HashSet<>();
        for (String column : fields.keys()) {
            ColumnMapping c = column(fields, column, type, dbZone, displayZone, false);
            if (!paths.add(c.field().text())) {
                throw new ConfigException(fields.key(column), "field '" + c.field().text() + "' is mapped by two columns");
            }
            columns.add(c);
        }
        if (columns.isEmpty()) {
            throw new ConfigException(fields.key(), "map at least one column to a field");
        }
        List<RelatedMapping> related = new ArrayList<>();
        Optional<ConfigNode> rel = t.optionalMap("related");
        if (rel.isPresent()) {
            for (ConfigNode r : rel.get().children()) {
                related.add(related(r, type, dbZone, displayZone));
            }
        }
        return new TableMapping(t.name(), type, table, t.optionalIdentifier("id").orElse("id"), idGeneration(t),
                user(t), modified, t.optionalIdentifier("version"), t.optionalIdentifier("created"),
                softDelete(t), t.optionalIdentifier("external-ref"), t.optionalText("filter"),
                t.scalars("insert"), columns, related, t.bool("creates", true));
    }

    static IdGeneration idGeneration(ConfigNode t) throws ConfigException {
        String g = t.optionalText("id-generation").orElse("auto");
        return switch (g) {
            case "auto" -> IdGeneration.AUTO;
            case "database" -> IdGeneration.DATABASE;
            case "uuid" -> IdGeneration.UUID;
            default -> throw new ConfigException(t.key("id-generation"), "'" + g + "' is not one of auto, database, uuid");
        };
    }

    private static UserMapping user(ConfigNode t) throws ConfigException {
        Object raw = t.raw("user");
        if (raw == null) {
            throw new ConfigException(t.key("user"), "missing: name the column holding the row's user, or {fixed: NAME}");
        }
        if (!(raw instanceof Map)) {
            return new UserMapping(t.optionalIdentifier("user"), Optional.empty(), Optional.empty());
        }
        ConfigNode u = t.map("user");
        u.requireOnly("column", "fixed", "unassigned");
        Optional<String> column = u.optionalIdentifier("column");
        Optional<String> fixed = u.optionalText("fixed");
        if (column.isPresent() == fixed.isPresent()) {
            throw new ConfigException(u.key(), "set exactly one of column and fixed");
        }
        return new UserMapping(column, fixed, u.optionalText("unassigned"));
    }

    static Optional<SoftDelete> softDelete(ConfigNode t) throws ConfigException {
        Object raw = t.raw("deleted");
        if (raw == null) {
            return Optional.empty();
        }
        if (!(raw instanceof Map)) {
            return Optional.of(new SoftDelete(t.identifier("deleted"), 1, 0));
        }
        ConfigNode d = t.map("deleted");
        d.requireOnly("column", "value", "active");
        Object value = d.raw("value") == null ? 1 : d.raw("value");
        Object active = d.raw("active") == null ? 0 : d.raw("active");
        return Optional.of(new SoftDelete(d.identifier("column"), value, active));
    }

    private static RelatedMapping related(ConfigNode r, ItemType type, ZoneId dbZone, ZoneId displayZone) throws ConfigException {
        r.requireOnly("table", "id", "id-generation", "parent", "map", "selector", "fields", "filter", "insert", "deleted");
        ConfigNode.checkIdentifier(r.key(), r.name());
        String map = r.text("map");
        if (!FieldPath.ID_KEYED.contains(map)) {
            throw new ConfigException(r.key("map"), "'" + map + "' is not an id-keyed map such as emails, phones or addresses");
        }
        ConfigNode fields = r.map("fields");
        List<ColumnMapping> columns = new ArrayList<>();
        for (String column : fields.keys()) {
            columns.add(column(fields, column, type, dbZone, displayZone, true));
        }
        if (columns.isEmpty()) {
            throw new ConfigException(fields.key(), "map at least one column to a property of the entry");
        }
        return new RelatedMapping(r.name(), r.optionalIdentifier("table").orElse(r.name()),
                r.optionalIdentifier("id").orElse("id"), idGeneration(r), r.identifier("parent"), map,
                r.optionalText("selector"), columns, r.optionalText("filter"), r.scalars("insert"), softDelete(r));
    }

    private static ColumnMapping column(ConfigNode fields, String column, ItemType type, ZoneId dbZone,
            ZoneId displayZone, boolean entryRelative) throws ConfigException {
        ConfigNode.checkIdentifier(fields.key(column), column);
        Object raw = fields.raw(column);
        ConfigNode spec;
        String pathText;
        if (raw instanceof Map) {
            spec = fields.map(column);
            spec.requireOnly("field", "type", "required", "values", "read-default", "write-default", "true", "false", "zone");
            pathText = spec.text("field");
        } else if (raw instanceof String s) {
            spec = new ConfigNode(fields.key(column), Map.of());
            pathText = s;
        } else {
            throw new ConfigException(fields.key(column), "expected a field path or a map with 'field', found " + ConfigNode.describe(raw));
        }
        String fieldKey = raw instanceof Map ? spec.key("field") : fields.key(column);
        FieldPath path = entryRelative ? new FieldPath.Plain(List.of(pathText.split("\\."))) : FieldPath.parse(fieldKey, pathText, type);
        String conversionType = spec.optionalText("type").orElse(defaultType(path));
        Conversion conversion = switch (conversionType) {
            case "text" -> new Conversion.Text();
            case "integer" -> new Conversion.Whole();
            case "boolean" -> new Conversion.Bool(spec.optionalText("true"), spec.optionalText("false"));
            case "enum" -> enumeration(spec);
            case "timestamp" -> {
                ZoneId zone = dbZone;
                if (spec.has("zone")) {
                    try {
                        zone = ZoneId.of(spec.text("zone"));
                    } catch (DateTimeException e) {
                        throw new ConfigException(spec.key("zone"), "'" + spec.text("zone") + "' is not a time zone");
                    }
                }
                yield new Conversion.Timestamp(zone, displayZone, isUtcField(path) || type == ItemType.CONTACT);
            }
            case "date" -> new Conversion.Date(type == ItemType.CONTACT);
            default -> throw new ConfigException(raw instanceof Map ? spec.key("type") : fields.key(column),
                    "'" + conversionType + "' is not one of text, integer, boolean, enum, timestamp, date");
        };
        if (!(conversion instanceof Conversion.Enumeration)) {
            for (String k : List.of("values", "read-default", "write-default")) {
                if (spec.has(k)) {
                    throw new ConfigException(spec.key(k), "only for type enum");
                }
            }
        }
        if (!(conversion instanceof Conversion.Bool)) {
            for (String k : List.of("true", "false")) {
                if (spec.has(k)) {
                    throw new ConfigException(spec.key(k), "only for type boolean");
                }
            }
        }
        return new ColumnMapping(column, path, conversion, spec.bool("required", false));
    }

    private static Conversion enumeration(ConfigNode spec) throws ConfigException {
        Map<String, Object> values = spec.scalars("values");
        if (values.isEmpty()) {
            throw new ConfigException(spec.key("values"), "an enum needs its values: column value → canonical value");
        }
        Map<String, String> text = new LinkedHashMap<>();
        values.forEach((k, v) -> text.put(k, String.valueOf(v)));
        return new Conversion.Enumeration(text, spec.optionalText("read-default"), spec.optionalText("write-default"));
    }

    private static String defaultType(FieldPath path) {
        return switch (path) {
            case FieldPath.End e -> "timestamp";
            case FieldPath.Plain p when p.segments().size() == 1 -> switch (p.segments().getFirst()) {
                case "start", "due", "updated", "created" -> "timestamp";
                case "priority", "percentComplete", "sequence" -> "integer";
                case "showWithoutTime" -> "boolean";
                default -> "text";
            };
            case FieldPath.MapEntry m when m.map().equals("anniversaries") && m.rest().equals(List.of("date")) -> "date";
            default -> "text";
        };
    }

    private static boolean isUtcField(FieldPath path) {
        return path instanceof FieldPath.Plain p && p.segments().size() == 1
                && (p.segments().getFirst().equals("updated") || p.segments().getFirst().equals("created"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new HashMap<>();
    }
}
