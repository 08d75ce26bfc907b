package org.concord.connector.jdbc.mapping;

/** The table that turns a user column's ids into user names: {@code SELECT name FROM table WHERE id = ?}. */
public record UserTable(String table, String idColumn, String nameColumn) {}
