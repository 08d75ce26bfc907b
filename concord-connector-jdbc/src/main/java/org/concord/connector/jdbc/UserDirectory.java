package org.concord.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.concord.connector.jdbc.mapping.UserTable;

/**
 * Turns a user column's values into the system's user names and back, through the users table
 * when there is one (cached for a few minutes: users are renamed rarely), or as they are when the
 * column holds names.
 */
final class UserDirectory {
    private static final long TTL_NANOS = java.time.Duration.ofMinutes(5).toNanos();

    private record Entry(String value, long loadedAt) {
        boolean fresh() {
            return System.nanoTime() - loadedAt < TTL_NANOS;
        }
    }

    private final Optional<UserTable> table;
    private final Map<String, Entry> names = new ConcurrentHashMap<>();
    private final Map<String, Entry> ids = new ConcurrentHashMap<>();
    private volatile int idType = Types.VARCHAR;

    UserDirectory(Optional<UserTable> table) {
        this.table = table;
    }

    /** Checks the users table when the connector opens. */
    void check(Connection c) throws SQLException {
        if (table.isPresent()) {
            UserTable t = table.get();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + t.idColumn() + ", " + t.nameColumn() + " FROM " + t.table() + " WHERE 1 = 0");
                    ResultSet rs = ps.executeQuery()) {
                idType = rs.getMetaData().getColumnType(1);
            }
        }
    }

    /** User names for user column values; a value with no user is missing from the answer. */
    Map<String, String> names(Connection c, Collection<String> values) throws SQLException {
        Map<String, String> out = new HashMap<>();
        if (table.isEmpty()) {
            values.forEach(v -> out.put(v, v));
            return out;
        }
        List<String> missing = new ArrayList<>();
        for (String v : values) {
            Entry e = names.get(v);
            if (e != null && e.fresh()) {
                out.put(v, e.value());
            } else {
                missing.add(v);
            }
        }
        UserTable t = table.get();
        for (int from = 0; from < missing.size(); from += 500) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + 500));
            String sql = "SELECT " + t.idColumn() + ", " + t.nameColumn() + " FROM " + t.table() + " WHERE " + t.idColumn()
                    + " IN (" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < chunk.size(); i++) {
                    SqlValues.bind(ps, i + 1, chunk.get(i), idType, java.time.ZoneOffset.UTC);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String id = String.valueOf(rs.getObject(1));
                        String name = rs.getString(2);
                        if (name != null && !name.isBlank()) {
                            names.put(id, new Entry(name, System.nanoTime()));
                            out.put(id, name);
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                // a value that cannot be an id of the users table names no user
            }
        }
        return out;
    }

    /** The user column value for a user name, or empty when the system has no such user. */
    Optional<Object> id(Connection c, String name) throws SQLException {
        if (table.isEmpty()) {
            return Optional.of(name);
        }
        Entry e = ids.get(name);
        if (e != null && e.fresh()) {
            return Optional.of(e.value());
        }
        UserTable t = table.get();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + t.idColumn() + " FROM " + t.table() + " WHERE " + t.nameColumn() + " = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                String id = String.valueOf(rs.getObject(1));
                ids.put(name, new Entry(id, System.nanoTime()));
                return Optional.of(id);
            }
        }
    }

    String describe() {
        return table.map(t -> t.table() + "." + t.nameColumn()).orElse("the user column");
    }
}
