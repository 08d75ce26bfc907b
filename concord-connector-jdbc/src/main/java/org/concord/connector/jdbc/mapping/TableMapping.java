package org.concord.connector.jdbc.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concord.model.ItemType;

/**
 * How one table holds objects of one type. {@code name} is the mapping's key in the config and
 * the prefix of native ids ({@code meetings/42}), so two tables of one type (meetings and calls)
 * never share an id.
 */
public record TableMapping(
        String name,
        ItemType type,
        String table,
        String idColumn,
        IdGeneration idGeneration,
        UserMapping user,
        Optional<String> modifiedColumn,
        Optional<String> versionColumn,
        Optional<String> createdColumn,
        Optional<SoftDelete> softDelete,
        Optional<String> externalRefColumn,
        Optional<String> filter,
        Map<String, Object> insertValues,
        List<ColumnMapping> columns,
        List<RelatedMapping> related,
        boolean creates) {

    public TableMapping {
        columns = List.copyOf(columns);
        related = List.copyOf(related);
        insertValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(insertValues));
    }

    /** Every column the connector reads from this table, id first, without repeats. */
    public List<String> readColumns() {
        Set<String> cols = new LinkedHashSet<>();
        cols.add(idColumn);
        user.column().ifPresent(cols::add);
        modifiedColumn.ifPresent(cols::add);
        versionColumn.ifPresent(cols::add);
        createdColumn.ifPresent(cols::add);
        softDelete.ifPresent(d -> cols.add(d.column()));
        externalRefColumn.ifPresent(cols::add);
        for (ColumnMapping c : columns) {
            cols.add(c.column());
        }
        return new ArrayList<>(cols);
    }

    /** The native id of a row: mapping name, slash, the row's id. */
    public String nativeId(String rowId) {
        return name + "/" + rowId;
    }
}
