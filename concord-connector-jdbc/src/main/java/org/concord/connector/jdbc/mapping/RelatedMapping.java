package org.concord.connector.jdbc.mapping;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A table whose rows are entries of one id-keyed map of the parent's payload, e.g. the e-mail
 * addresses of a contact kept in their own table. {@code parentColumn} holds the parent row's id;
 * {@code filter} and {@code insertValues} pick this parent's rows where the table is shared (a
 * {@code bean_module} column); {@code selector} gives each entry its implied contexts or features.
 */
public record RelatedMapping(
        String name,
        String table,
        String idColumn,
        IdGeneration idGeneration,
        String parentColumn,
        String map,
        Optional<String> selector,
        List<ColumnMapping> fields,
        Optional<String> filter,
        Map<String, Object> insertValues,
        Optional<SoftDelete> softDelete) {

    public RelatedMapping {
        fields = List.copyOf(fields);
        insertValues = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(insertValues));
    }

    /** The id of the payload entry one related row becomes. */
    public String entryId(String rowId) {
        return name + "-" + rowId.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
