package org.concord.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Concord's side table in the database: for every row Concord wrote, the item's global id (so a
 * create retried after a lost reply finds its row, with or without an external-reference column)
 * and, when the row's columns could not hold the whole object, the object as written and the row
 * as it read right after the write, from which {@link org.concord.connector.jdbc.mapping.CarryMerge}
 * rebuilds what the row reads as. Written in the same transaction as the row.
 */
final class CarryTable {
    private static final int CHUNK = 500;

    /**
     * What is kept for one row; {@code written} and {@code base} are JSON text, both null when the
     * row holds everything that was written.
     */
    record Carried(String globalId, String written, String base) {
        boolean lossy() {
            return written != null && base != null;
        }
    }

    private final String table;

    CarryTable(String table) {
        this.table = table;
    }

    String name() {
        return table;
    }

    Map<String, Carried> load(Connection c, String mapping, Collection<String> rowIds) throws SQLException {
        Map<String, Carried> out = new HashMap<>();
        List<String> ids = new ArrayList<>(rowIds);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            String sql = "SELECT row_id, global_id, written, base FROM " + table + " WHERE mapping_name = ? AND row_id IN ("
                    + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, mapping);
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 2, chunk.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), new Carried(rs.getString(2), rs.getString(3), rs.getString(4)));
                    }
                }
            }
        }
        return out;
    }

    /** The row a create with this global id made, if any (it may have been deleted since). */
    Optional<String> rowOf(Connection c, String mapping, String globalId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT row_id FROM " + table + " WHERE mapping_name = ? AND global_id = ?")) {
            ps.setString(1, mapping);
            ps.setString(2, globalId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    void save(Connection c, String mapping, String rowId, Carried carried) throws SQLException {
        delete(c, mapping, rowId);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table
                + " (mapping_name, row_id, global_id, written, base) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, mapping);
            ps.setString(2, rowId);
            ps.setString(3, carried.globalId());
            ps.setString(4, carried.written());
            ps.setString(5, carried.base());
            ps.executeUpdate();
        }
    }

    void delete(Connection c, String mapping, String rowId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE mapping_name = ? AND row_id = ?")) {
            ps.setString(1, mapping);
            ps.setString(2, rowId);
            ps.executeUpdate();
        }
    }
}
