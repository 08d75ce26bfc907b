package org.concord.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.concord.connector.jdbc.mapping.ColumnMapping;
import org.concord.connector.jdbc.mapping.RelatedMapping;
import org.concord.connector.jdbc.mapping.Row;
import org.concord.connector.jdbc.mapping.TableMapping;

/** Reads mapped rows, with their related rows, by id, in id order (a snapshot) or in modification order (polling). */
final class RowSource {
    private static final String IN_FILTER = "concord_in_filter";
    private static final int CHUNK = 500;

    /** A row as read, whether it passes the mapping's filter, and what the carry table keeps for it. */
    record Loaded(Row row, boolean inFilter, java.util.Optional<CarryTable.Carried> carried) {}

    private final ZoneId dbZone;
    private final java.util.Optional<CarryTable> carry;

    RowSource(ZoneId dbZone, java.util.Optional<CarryTable> carry) {
        this.dbZone = dbZone;
        this.carry = carry;
    }

    /** The rows with these ids that exist, whatever their state. */
    Map<String, Loaded> byIds(Connection c, TableInfo t, Collection<String> ids) throws SQLException {
        Map<String, Loaded> out = new LinkedHashMap<>();
        List<String> list = new ArrayList<>(ids);
        TableMapping m = t.mapping();
        for (int from = 0; from < list.size(); from += CHUNK) {
            List<String> chunk = new ArrayList<>();
            for (String id : list.subList(from, Math.min(list.size(), from + CHUNK))) {
                if (bindable(id, t.idType())) {
                    chunk.add(id);
                }
            }
            if (chunk.isEmpty()) {
                continue;
            }
            String sql = select(t) + " WHERE " + m.idColumn() + " IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    SqlValues.bind(ps, i + 1, chunk.get(i), t.idType(), dbZone);
                }
                for (Loaded l : read(c, t, ps)) {
                    out.put(l.row().id(), l);
                }
            }
        }
        return out;
    }

    /** Live rows after {@code afterId} (null: from the first) in id order. */
    List<Loaded> snapshot(Connection c, TableInfo t, String afterId, int limit) throws SQLException {
        TableMapping m = t.mapping();
        StringBuilder sql = new StringBuilder(select(t)).append(" WHERE 1 = 1");
        if (afterId != null) {
            sql.append(" AND ").append(m.idColumn()).append(" > ?");
        }
        live(sql, t);
        sql.append(" ORDER BY ").append(m.idColumn()).append(" LIMIT ").append(limit);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            if (afterId != null) {
                SqlValues.bind(ps, 1, afterId, t.idType(), dbZone);
            }
            return read(c, t, ps);
        }
    }

    /**
     * Rows modified after ({@code afterModified}, {@code afterId}) and strictly before {@code upTo},
     * in (modified, id) order. {@code liveOnly} leaves out soft-deleted and filtered rows (a first read).
     */
    List<Loaded> poll(Connection c, TableInfo t, LocalDateTime afterModified, String afterId, LocalDateTime upTo,
            boolean liveOnly, int limit) throws SQLException {
        TableMapping m = t.mapping();
        String mod = m.modifiedColumn().orElseThrow();
        int modType = t.type(mod);
        StringBuilder sql = new StringBuilder(select(t)).append(" WHERE ").append(mod).append(" < ?");
        if (afterModified != null) {
            sql.append(" AND (").append(mod).append(" > ? OR (").append(mod).append(" = ? AND ").append(m.idColumn()).append(" > ?))");
        }
        if (liveOnly) {
            live(sql, t);
        }
        sql.append(" ORDER BY ").append(mod).append(", ").append(m.idColumn()).append(" LIMIT ").append(limit);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            SqlValues.bind(ps, 1, upTo, modType, dbZone);
            if (afterModified != null) {
                SqlValues.bind(ps, 2, afterModified, modType, dbZone);
                SqlValues.bind(ps, 3, afterModified, modType, dbZone);
                SqlValues.bind(ps, 4, afterId, t.idType(), dbZone);
            }
            return read(c, t, ps);
        }
    }

    private void live(StringBuilder sql, TableInfo t) {
        TableMapping m = t.mapping();
        m.softDelete().ifPresent(d -> sql.append(" AND (").append(d.column()).append(" IS NULL OR ").append(d.column())
                .append(" <> ").append(literal(SqlValues.coerce(d.deletedValue(), t.type(d.column()), dbZone))).append(")"));
        m.filter().ifPresent(f -> sql.append(" AND (").append(f).append(")"));
    }

    /** A constant from the config as a SQL literal: numbers and booleans as they are, text quoted. */
    static String literal(Object v) {
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        return "'" + String.valueOf(v).replace("'", "''") + "'";
    }

    private String select(TableInfo t) {
        TableMapping m = t.mapping();
        return "SELECT " + String.join(", ", m.readColumns())
                + m.filter().map(f -> ", CASE WHEN (" + f + ") THEN 1 ELSE 0 END AS " + IN_FILTER).orElse("")
                + " FROM " + m.table();
    }

    private List<Loaded> read(Connection c, TableInfo t, PreparedStatement ps) throws SQLException {
        TableMapping m = t.mapping();
        List<Loaded> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> values = new HashMap<>();
                boolean inFilter = true;
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String name = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
                    if (name.equals(IN_FILTER)) {
                        inFilter = ((Number) rs.getObject(i)).intValue() == 1;
                    } else {
                        values.put(name, SqlValues.read(rs, i, md.getColumnType(i)));
                    }
                }
                String id = String.valueOf(values.get(m.idColumn().toLowerCase(Locale.ROOT)));
                out.add(new Loaded(new Row(id, values, new HashMap<>()), inFilter, java.util.Optional.empty()));
            }
        }
        if (!m.related().isEmpty() && !out.isEmpty()) {
            Map<String, Row> byId = new HashMap<>();
            out.forEach(l -> byId.put(l.row().id(), l.row()));
            for (RelatedMapping r : m.related()) {
                loadRelated(c, t, r, byId);
            }
        }
        if (carry.isEmpty() || out.isEmpty()) {
            return out;
        }
        Map<String, CarryTable.Carried> carried = carry.get().load(c, m.name(), out.stream().map(l -> l.row().id()).toList());
        List<Loaded> withCarry = new ArrayList<>(out.size());
        for (Loaded l : out) {
            withCarry.add(new Loaded(l.row(), l.inFilter(), java.util.Optional.ofNullable(carried.get(l.row().id()))));
        }
        return withCarry;
    }

    private void loadRelated(Connection c, TableInfo t, RelatedMapping r, Map<String, Row> parents) throws SQLException {
        List<String> ids = new ArrayList<>(parents.keySet());
        int parentType = t.relatedType(r, r.parentColumn());
        List<String> cols = relatedColumns(r);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", cols)).append(" FROM ").append(r.table())
                    .append(" WHERE ").append(r.parentColumn()).append(" IN (")
                    .append(String.join(", ", Collections.nCopies(chunk.size(), "?"))).append(")");
            relatedLive(sql, t, r);
            sql.append(" ORDER BY ").append(r.idColumn());
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < chunk.size(); i++) {
                    SqlValues.bind(ps, i + 1, chunk.get(i), parentType, dbZone);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, Object> values = new HashMap<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            values.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), SqlValues.read(rs, i, md.getColumnType(i)));
                        }
                        Row parent = parents.get(String.valueOf(values.get(r.parentColumn().toLowerCase(Locale.ROOT))));
                        if (parent != null) {
                            parent.related().computeIfAbsent(r.name(), k -> new ArrayList<>()).add(values);
                        }
                    }
                }
            }
        }
    }

    /** The related rows of one parent, for a write that compares them with the payload. */
    List<Map<String, Object>> related(Connection c, TableInfo t, RelatedMapping r, Object parentId) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", relatedColumns(r))).append(" FROM ").append(r.table())
                .append(" WHERE ").append(r.parentColumn()).append(" = ?");
        relatedLive(sql, t, r);
        sql.append(" ORDER BY ").append(r.idColumn());
        List<Map<String, Object>> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            SqlValues.bind(ps, 1, parentId, t.relatedType(r, r.parentColumn()), dbZone);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> values = new HashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        values.put(md.getColumnLabel(i).toLowerCase(Locale.ROOT), SqlValues.read(rs, i, md.getColumnType(i)));
                    }
                    out.add(values);
                }
            }
        }
        return out;
    }

    private static List<String> relatedColumns(RelatedMapping r) {
        List<String> cols = new ArrayList<>(List.of(r.idColumn(), r.parentColumn()));
        for (ColumnMapping f : r.fields()) {
            if (!cols.contains(f.column())) {
                cols.add(f.column());
            }
        }
        return cols;
    }

    private void relatedLive(StringBuilder sql, TableInfo t, RelatedMapping r) {
        r.softDelete().ifPresent(d -> sql.append(" AND (").append(d.column()).append(" IS NULL OR ").append(d.column())
                .append(" <> ").append(literal(SqlValues.coerce(d.deletedValue(), t.relatedType(r, d.column()), dbZone))).append(")"));
        r.filter().ifPresent(f -> sql.append(" AND (").append(f).append(")"));
    }

    /** Whether an id from a log or a native id can be bound to the id column at all (a text id in an integer column cannot). */
    static boolean bindable(String id, int sqlType) {
        try {
            SqlValues.coerce(id, sqlType, ZoneId.of("UTC"));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
