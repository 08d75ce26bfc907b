package org.concord.connector.jdbc.mapping;

import java.util.List;
import java.util.Map;

/**
 * One row as read: its id as text, its columns (lower-case names → values as the driver gave them)
 * and, per related mapping, the related rows.
 */
public record Row(String id, Map<String, Object> values, Map<String, List<Map<String, Object>>> related) {

    public Object get(String column) {
        return values.get(column.toLowerCase(java.util.Locale.ROOT));
    }
}
