package org.concord.connector.jdbc.mapping;

/** One column ↔ one canonical field, with the conversion between their values. */
public record ColumnMapping(String column, FieldPath field, Conversion conversion, boolean required) {}
