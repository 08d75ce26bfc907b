package org.concord.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concord.model.Payload;
import org.concord.store.ConflictRecord;

/** Conflicts and what their policy decided; open ones wait for an admin. */
final class ConflictOps {

    private static final String COLUMNS =
            "id, global_id, system_name, other_origin, policy, decision, duplicate_id, happened_at, is_open";
    private static final String RECORD = """
            INSERT INTO conflicts (global_id, system_name, other_origin, policy, decision, duplicate_id, happened_at,
                                   is_open)
            VALUES (:globalId, :system, :otherOrigin, :policy, :decision, :duplicateId, :at, :open)
            RETURNING id""";
    private static final String NEWEST = "SELECT " + COLUMNS + " FROM conflicts ORDER BY id DESC LIMIT :limit";
    private static final String NEWEST_OPEN = "SELECT " + COLUMNS
            + " FROM conflicts WHERE is_open = :open ORDER BY id DESC LIMIT :limit";
    private static final String ONE = "SELECT " + COLUMNS + " FROM conflicts WHERE id = :id";
    private static final String CLOSE = "UPDATE conflicts SET is_open = :open, decision = :decision WHERE id = :id";
    private static final String COUNT = "SELECT COUNT(*) AS n FROM conflicts";
    private static final String COUNT_OPEN = "SELECT COUNT(*) AS n FROM conflicts WHERE is_open = :open";

    private static final String OPEN_OF_ITEM = "SELECT " + COLUMNS
            + " FROM conflicts WHERE global_id = :globalId AND is_open = :open ORDER BY id DESC LIMIT 1";
    private static final String SAVE_VERSION = """
            INSERT INTO conflict_versions (conflict_id, system_name, payload) VALUES (:id, :system, :payload)
            ON CONFLICT (conflict_id, system_name) DO UPDATE SET payload = excluded.payload""";
    private static final String VERSIONS =
            "SELECT system_name, payload FROM conflict_versions WHERE conflict_id = :id ORDER BY system_name";
    private static final String DROP_VERSIONS = "DELETE FROM conflict_versions WHERE conflict_id = :id";

    private final Session session;

    ConflictOps(Session session) {
        this.session = session;
    }

    /** Stores the conflict under a new id (the record's own id is ignored) and returns that id. */
    long record(ConflictRecord conflict) {
        try (ResultSet rows = session.query(RECORD)
                .text("globalId", conflict.globalId())
                .text("system", conflict.system())
                .text("otherOrigin", conflict.otherOrigin())
                .text("policy", conflict.policy())
                .text("decision", conflict.decision())
                .text("duplicateId", conflict.duplicateId())
                .instant("at", conflict.at())
                .flag("open", conflict.open())
                .rows()) {
            rows.next();
            return rows.getLong("id");
        } catch (SQLException e) {
            throw session.failure("recording a conflict of item " + conflict.globalId() + " in " + conflict.system(), e);
        }
    }

    List<ConflictRecord> newest(boolean openOnly, int limit) {
        try {
            Query query = openOnly ? session.query(NEWEST_OPEN).flag("open", true) : session.query(NEWEST);
            try (ResultSet rows = query.number("limit", limit).rows()) {
                List<ConflictRecord> conflicts = new ArrayList<>();
                while (rows.next()) {
                    conflicts.add(conflict(rows));
                }
                return conflicts;
            }
        } catch (SQLException e) {
            throw session.failure("reading conflicts", e);
        }
    }

    Optional<ConflictRecord> one(long id) {
        try (ResultSet rows = session.query(ONE).number("id", id).rows()) {
            return rows.next() ? Optional.of(conflict(rows)) : Optional.empty();
        } catch (SQLException e) {
            throw session.failure("reading conflict " + id, e);
        }
    }

    Optional<ConflictRecord> openOfItem(String globalId) {
        try (ResultSet rows = session.query(OPEN_OF_ITEM).text("globalId", globalId).flag("open", true).rows()) {
            return rows.next() ? Optional.of(conflict(rows)) : Optional.empty();
        } catch (SQLException e) {
            throw session.failure("reading the open conflict of item " + globalId, e);
        }
    }

    void saveVersion(long id, String system, Payload payload) {
        try {
            session.query(SAVE_VERSION).number("id", id).text("system", system).bytes("payload", payload.toJsonBytes()).update();
        } catch (SQLException e) {
            throw session.failure("saving the " + system + " version of conflict " + id, e);
        }
    }

    Map<String, Payload> versions(long id) {
        try (ResultSet rows = session.query(VERSIONS).number("id", id).rows()) {
            Map<String, Payload> versions = new LinkedHashMap<>();
            while (rows.next()) {
                String system = rows.getString("system_name");
                try {
                    versions.put(system, Payload.fromJsonBytes(rows.getBytes("payload")));
                } catch (IllegalArgumentException e) {
                    throw new SQLException("the " + system + " version is unreadable: " + e.getMessage(), e);
                }
            }
            return versions;
        } catch (SQLException e) {
            throw session.failure("reading the versions of conflict " + id, e);
        }
    }

    void close(long id, String decision) {
        try {
            session.query(DROP_VERSIONS).number("id", id).update();
            session.query(CLOSE).flag("open", false).text("decision", decision).number("id", id).update();
        } catch (SQLException e) {
            throw session.failure("closing conflict " + id, e);
        }
    }

    long count(boolean openOnly) {
        try {
            Query query = openOnly ? session.query(COUNT_OPEN).flag("open", true) : session.query(COUNT);
            try (ResultSet rows = query.rows()) {
                rows.next();
                return rows.getLong("n");
            }
        } catch (SQLException e) {
            throw session.failure("counting conflicts", e);
        }
    }

    private static ConflictRecord conflict(ResultSet rows) throws SQLException {
        return new ConflictRecord(
                rows.getLong("id"),
                rows.getString("global_id"),
                rows.getString("system_name"),
                rows.getString("other_origin"),
                rows.getString("policy"),
                rows.getString("decision"),
                Rows.optionalText(rows, "duplicate_id"),
                Rows.instant(rows, "happened_at"),
                rows.getBoolean("is_open"));
    }
}
