package org.concord.connector.jdbc.mapping;

import java.util.List;
import java.util.Map;

/**
 * What a payload becomes in a table: the mapped columns' values (null for a field the payload does
 * not have) and, per related mapping, the related rows it should have.
 */
public record RowValues(Map<String, Object> columns, Map<String, List<Map<String, Object>>> related) {}
