package org.concord.connector.jdbc.mapping;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.concord.model.ItemType;

/** Everything a jdbc system maps: its tables, its users table and the zones of its date-times. */
public record Mapping(List<TableMapping> tables, Optional<UserTable> users, ZoneId dbZone, ZoneId displayZone) {

    public Mapping {
        tables = List.copyOf(tables);
    }

    public Optional<TableMapping> byName(String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The mappings reading from a table, matched without regard to case. */
    public List<TableMapping> byTable(String table) {
        return tables.stream().filter(t -> t.table().equalsIgnoreCase(table)).toList();
    }

    /** The table new objects of a type are created in: the first mapping of that type that takes creates. */
    public Optional<TableMapping> forCreate(ItemType type) {
        return tables.stream().filter(t -> t.type() == type && t.creates()).findFirst();
    }
}
