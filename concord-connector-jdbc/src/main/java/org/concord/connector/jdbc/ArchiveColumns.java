package org.concord.connector.jdbc;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concord.connector.jdbc.mapping.ArchiveLayout;
import org.concord.connector.jdbc.mapping.IdGeneration;
import org.concord.connector.jdbc.mapping.SoftDelete;
import org.concord.spi.PermanentConnectorException;

/**
 * The archive layout's columns as the database has them: their SQL types (to bind ids and dates
 * right), their sizes (to fit a long subject or body instead of failing the archive) and who makes
 * new ids. Loaded once, on the first search or archive, so a layout that does not match the
 * database fails those calls with the table and the reason but never the system's sync.
 */
final class ArchiveColumns {

    private record Column(int sqlType, String typeName, int precision, boolean autoIncrement) {}

    private final Map<String, Map<String, Column>> tables;

    private ArchiveColumns(Map<String, Map<String, Column>> tables) {
        this.tables = tables;
    }

    static ArchiveColumns load(Connection c, ArchiveLayout layout, String label) throws PermanentConnectorException {
        Map<String, Set<String>> wanted = new HashMap<>();
        ArchiveLayout.Emails e = layout.emails();
        want(wanted, e.table(), e.id(), e.messageId(), e.subject());
        want(wanted, e.table(), e.date(), e.from(), e.to(), e.cc(), e.text(), e.html(), e.parentType(), e.parentId(), e.user(),
                e.created(), e.modified(), e.deleted().map(SoftDelete::column));
        want(wanted, e.table(), e.insert().keySet().toArray(String[]::new));
        layout.links().ifPresent(l -> {
            want(wanted, l.table(), l.id(), l.email(), l.record(), l.module());
            want(wanted, l.table(), l.modified(), l.deleted().map(SoftDelete::column));
            want(wanted, l.table(), l.insert().keySet().toArray(String[]::new));
        });
        layout.attachments().ifPresent(a -> {
            want(wanted, a.table(), a.id(), a.name(), a.parentType(), a.parentId());
            want(wanted, a.table(), a.fileName(), a.mimeType(), a.user(), a.created(), a.modified(),
                    a.deleted().map(SoftDelete::column));
            want(wanted, a.table(), a.insert().keySet().toArray(String[]::new));
        });
        for (ArchiveLayout.RecordType r : layout.records()) {
            want(wanted, r.table(), r.id());
            want(wanted, r.table(), r.label().toArray(String[]::new));
            want(wanted, r.table(), r.detail().toArray(String[]::new));
            want(wanted, r.table(), r.user(), r.deleted().map(SoftDelete::column));
            r.company().ifPresent(co -> {
                want(wanted, r.table(), co.key());
                want(wanted, co.table(), co.id(), co.name());
                want(wanted, co.table(), co.deleted().map(SoftDelete::column));
            });
            r.emails().ifPresent(a -> {
                want(wanted, a.table(), a.parent(), a.address());
                want(wanted, a.table(), a.primary(), a.deleted().map(SoftDelete::column));
            });
        }
        Map<String, Map<String, Column>> tables = new HashMap<>();
        for (Map.Entry<String, Set<String>> t : wanted.entrySet()) {
            String sql = "SELECT " + String.join(", ", t.getValue()) + " FROM " + t.getKey() + " WHERE 1 = 0";
            Map<String, Column> columns = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), new Column(md.getColumnType(i),
                            String.valueOf(md.getColumnTypeName(i)), md.getPrecision(i), md.isAutoIncrement(i)));
                }
            } catch (SQLException ex) {
                throw new PermanentConnectorException(label + ": the archive layout's table " + t.getKey()
                        + " does not match the database: " + SqlFailures.describe(ex), ex);
            }
            tables.put(t.getKey().toLowerCase(Locale.ROOT), columns);
        }
        return new ArchiveColumns(tables);
    }

    @SafeVarargs
    private static void want(Map<String, Set<String>> wanted, String table, Optional<String>... columns) {
        for (Optional<String> c : columns) {
            c.ifPresent(name -> want(wanted, table, name));
        }
    }

    private static void want(Map<String, Set<String>> wanted, String table, String... columns) {
        Set<String> set = wanted.computeIfAbsent(table, k -> new LinkedHashSet<>());
        for (String c : columns) {
            set.add(c.toLowerCase(Locale.ROOT));
        }
    }

    private Column column(String table, String column) {
        Map<String, Column> t = tables.get(table.toLowerCase(Locale.ROOT));
        Column c = t == null ? null : t.get(column.toLowerCase(Locale.ROOT));
        if (c == null) {
            throw new IllegalStateException("column " + table + "." + column + " was not loaded");
        }
        return c;
    }

    int type(String table, String column) {
        return column(table, column).sqlType();
    }

    /** Who makes a new row's id: the database (auto-increment, identity) or Concord (a UUID for a text id). */
    IdGeneration idGeneration(String table, String idColumn, IdGeneration configured, String label)
            throws PermanentConnectorException {
        if (configured != IdGeneration.AUTO) {
            return configured;
        }
        Column id = column(table, idColumn);
        if (id.autoIncrement()) {
            return IdGeneration.DATABASE;
        }
        if (List.of(Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR, Types.OTHER).contains(id.sqlType())) {
            return IdGeneration.UUID;
        }
        throw new PermanentConnectorException(label + ": the archive layout's table " + table + ", id column " + idColumn
                + ", is neither auto-increment nor text: set its id-generation (database or uuid)");
    }

    /**
     * The value cut to what the column holds, with a warning when it had to be cut. VARCHAR sizes
     * count characters; MariaDB's TEXT types count bytes (of UTF-8), so those are cut by bytes too.
     */
    String fit(String table, String column, String value, List<String> warnings, String what) {
        if (value == null) {
            return null;
        }
        Column c = column(table, column);
        if (c.precision() <= 0 || c.precision() >= Integer.MAX_VALUE) {
            return value;
        }
        boolean bytes = c.typeName().toUpperCase(Locale.ROOT).endsWith("TEXT");
        String cut = value;
        if (cut.codePointCount(0, cut.length()) > c.precision()) {
            cut = cut.substring(0, cut.offsetByCodePoints(0, c.precision()));
        }
        if (bytes && cut.getBytes(StandardCharsets.UTF_8).length > c.precision()) {
            int keep = cut.length();
            int size = cut.getBytes(StandardCharsets.UTF_8).length;
            while (size > c.precision() && keep > 0) {
                int drop = Math.max(1, (size - c.precision()) / 4);
                for (int i = 0; i < drop && keep > 0; i++) {
                    keep = cut.offsetByCodePoints(keep, -1);
                }
                size = cut.substring(0, keep).getBytes(StandardCharsets.UTF_8).length;
            }
            cut = cut.substring(0, keep);
        }
        if (cut.length() < value.length()) {
            warnings.add(what + " is longer than " + table + "." + column + " holds (" + c.precision()
                    + (bytes ? " bytes" : " characters") + "): the record keeps the start");
        }
        return cut;
    }

    /** {@code AND (alias.col IS NULL OR alias.col <> deleted)}, or nothing for a table without soft delete. */
    String live(String alias, String table, Optional<SoftDelete> deleted, java.time.ZoneId zone) {
        if (deleted.isEmpty()) {
            return "";
        }
        SoftDelete d = deleted.get();
        String col = alias + "." + d.column();
        return " AND (" + col + " IS NULL OR " + col + " <> "
                + RowSource.literal(SqlValues.coerce(d.deletedValue(), type(table, d.column()), zone)) + ")";
    }
}
