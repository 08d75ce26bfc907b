package org.concord.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.concord.model.ItemType;

/** Reading the store's column conventions: instants as epoch milliseconds, types by wire code. */
final class Rows {

    private Rows() {}

    static Instant instant(ResultSet rows, String column) throws SQLException {
        return Instant.ofEpochMilli(rows.getLong(column));
    }

    static Optional<String> optionalText(ResultSet rows, String column) throws SQLException {
        return Optional.ofNullable(rows.getString(column));
    }

    static ItemType itemType(ResultSet rows, String column) throws SQLException {
        String code = rows.getString(column);
        return ItemType.byCode(code).orElseThrow(() -> new SQLException("unknown item type '" + code + "' in " + column));
    }
}
