package org.concord.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A prepared statement with named parameters, prepared once per connection and reused: the store's
 * hot paths run the same few statements hundreds of thousands of times.
 */
final class Query implements AutoCloseable {

    private final String sql;
    private final PreparedStatement statement;
    /** Parameter names, interned: callers pass literals, found by identity before equality. */
    private final String[] names;
    private final int[][] positions;

    Query(Connection connection, String sql) throws SQLException {
        NamedSql named = NamedSql.parse(sql);
        this.sql = sql;
        this.statement = connection.prepareStatement(named.jdbcSql());
        this.names = new String[named.positions().size()];
        this.positions = new int[names.length][];
        int i = 0;
        for (Map.Entry<String, int[]> p : named.positions().entrySet()) {
            names[i] = p.getKey().intern();
            positions[i++] = p.getValue();
        }
    }

    Query text(String name, String value) throws SQLException {
        for (int i : at(name)) {
            statement.setString(i, value);
        }
        return this;
    }

    Query text(String name, Optional<String> value) throws SQLException {
        if (value.isPresent()) {
            return text(name, value.get());
        }
        for (int i : at(name)) {
            statement.setNull(i, Types.VARCHAR);
        }
        return this;
    }

    Query number(String name, long value) throws SQLException {
        for (int i : at(name)) {
            statement.setLong(i, value);
        }
        return this;
    }

    /** Instants are stored as epoch milliseconds. */
    Query instant(String name, Instant value) throws SQLException {
        return number(name, value.toEpochMilli());
    }

    Query flag(String name, boolean value) throws SQLException {
        for (int i : at(name)) {
            statement.setBoolean(i, value);
        }
        return this;
    }

    /** Binary content, or SQL NULL when {@code value} is null. */
    Query bytes(String name, byte[] value) throws SQLException {
        for (int i : at(name)) {
            if (value == null) {
                statement.setNull(i, Types.BINARY);
            } else {
                statement.setBytes(i, value);
            }
        }
        return this;
    }

    int update() throws SQLException {
        return statement.executeUpdate();
    }

    ResultSet rows() throws SQLException {
        return statement.executeQuery();
    }

    private int[] at(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i] == name) {
                return positions[i];
            }
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return positions[i];
            }
        }
        throw new IllegalArgumentException("no parameter :" + name + " in " + sql);
    }

    @Override
    public void close() throws SQLException {
        statement.close();
    }
}
