package org.concord.connector.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.concord.connector.jdbc.mapping.ArchiveLayout;
import org.concord.connector.jdbc.mapping.SoftDelete;
import org.concord.spi.PermanentConnectorException;

/**
 * The archive layout with what the database says about it (column types and sizes, the users
 * table's id type), learned on the first call that needs it and kept; and the SQL pieces search and
 * archive share.
 */
final class ArchiveSchema {
    private final JdbcSettings settings;
    private final ArchiveLayout layout;
    private final UserDirectory users;
    private volatile ArchiveColumns columns;

    ArchiveSchema(JdbcSettings settings, ArchiveLayout layout) {
        this.settings = settings;
        this.layout = layout;
        this.users = new UserDirectory(settings.mapping().users());
    }

    ArchiveLayout layout() {
        return layout;
    }

    /** The columns, loaded with this connection the first time. */
    ArchiveColumns columns(Connection c) throws SQLException, PermanentConnectorException {
        ArchiveColumns loaded = columns;
        if (loaded != null) {
            return loaded;
        }
        synchronized (this) {
            if (columns == null) {
                try {
                    users.check(c);
                } catch (SQLException e) {
                    if (SqlFailures.connectionLost(e)) {
                        throw e;
                    }
                    throw new PermanentConnectorException(settings.label() + ": users table does not match the database: "
                            + SqlFailures.describe(e), e);
                }
                columns = ArchiveColumns.load(c, layout, settings.label());
            }
            return columns;
        }
    }

    /** Valid once {@link #columns} has been called. */
    UserDirectory users() {
        return users;
    }

    /** {@code AND (alias.col IS NULL OR alias.col <> deleted)}; valid once {@link #columns} has been called. */
    String live(String alias, String table, Optional<SoftDelete> deleted) {
        return columns.live(alias, table, deleted, settings.mapping().dbZone());
    }

    /** A LIKE pattern with the text's own wildcards escaped by {@code !} (every query says {@code ESCAPE '!'}). */
    static String like(String prefix, String text, String suffix) {
        return prefix + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + suffix;
    }
}
