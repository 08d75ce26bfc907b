package org.concord.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.concord.store.ErrorPhase;
import org.concord.store.SyncError;

/** Sync errors: one row per (system, phase, object), counted again when the object fails again. */
final class ErrorOps {

    private static final String COLUMNS =
            "id, system_name, phase, object_ref, global_id, message, first_at, last_at, error_count";
    /** A repeat keeps when it was first seen and a known global id; the latest message wins. */
    private static final String RECORD = """
            INSERT INTO sync_errors (system_name, phase, object_ref, global_id, message, first_at, last_at, error_count)
            VALUES (:system, :phase, :objectRef, :globalId, :message, :now, :now, 1)
            ON CONFLICT (system_name, phase, object_ref) DO UPDATE SET
                error_count = sync_errors.error_count + 1, last_at = excluded.last_at, message = excluded.message,
                global_id = COALESCE(excluded.global_id, sync_errors.global_id)""";
    private static final String CLEAR =
            "DELETE FROM sync_errors WHERE system_name = :system AND phase = :phase AND object_ref = :objectRef";
    private static final String ANY = """
            SELECT EXISTS (SELECT 1 FROM sync_errors WHERE system_name = :system AND phase = :phase) AS any_error""";
    private static final String NEWEST = "SELECT " + COLUMNS
            + " FROM sync_errors ORDER BY last_at DESC, id DESC LIMIT :limit";
    private static final String NEWEST_OF_SYSTEM = "SELECT " + COLUMNS
            + " FROM sync_errors WHERE system_name = :system ORDER BY last_at DESC, id DESC LIMIT :limit";
    private static final String ONE = "SELECT " + COLUMNS + " FROM sync_errors WHERE id = :id";
    private static final String DELETE = "DELETE FROM sync_errors WHERE id = :id";
    private static final String COUNT = "SELECT COUNT(*) AS n FROM sync_errors WHERE system_name = :system";

    private final Session session;
    /**
     * (system, phase) pairs without errors, where this transaction runs alone: every object that
     * syncs fine clears its errors, nearly always none, and one look-up per transaction then
     * replaces a delete per object. A pair leaves the set when this transaction records an error.
     */
    private final Set<String> withoutErrors = new HashSet<>();

    /** Used for one transaction only. */
    ErrorOps(Session session) {
        this.session = session;
    }

    void record(String system, ErrorPhase phase, String objectRef, Optional<String> globalId, String message, Instant now) {
        withoutErrors.remove(pair(system, phase));
        try {
            session.query(RECORD)
                    .text("system", system)
                    .text("phase", phase.code())
                    .text("objectRef", objectRef)
                    .text("globalId", globalId)
                    .text("message", message)
                    .instant("now", now)
                    .update();
        } catch (SQLException e) {
            throw session.failure("recording a " + phase.code() + " error of " + system + " object " + objectRef, e);
        }
    }

    void clear(String system, ErrorPhase phase, String objectRef) {
        try {
            if (session.backend().writesAlone() && noErrors(system, phase)) {
                return;
            }
            session.query(CLEAR).text("system", system).text("phase", phase.code()).text("objectRef", objectRef).update();
        } catch (SQLException e) {
            throw session.failure("clearing the " + phase.code() + " error of " + system + " object " + objectRef, e);
        }
    }

    private boolean noErrors(String system, ErrorPhase phase) throws SQLException {
        String pair = pair(system, phase);
        if (withoutErrors.contains(pair)) {
            return true;
        }
        try (ResultSet rows = session.query(ANY).text("system", system).text("phase", phase.code()).rows()) {
            rows.next();
            if (rows.getBoolean("any_error")) {
                return false;
            }
        }
        withoutErrors.add(pair);
        return true;
    }

    private static String pair(String system, ErrorPhase phase) {
        return system + '\0' + phase.code();
    }

    List<SyncError> newest(Optional<String> system, int limit) {
        try {
            Query query = system.isPresent()
                    ? session.query(NEWEST_OF_SYSTEM).text("system", system.get())
                    : session.query(NEWEST);
            try (ResultSet rows = query.number("limit", limit).rows()) {
                List<SyncError> errors = new ArrayList<>();
                while (rows.next()) {
                    errors.add(error(rows));
                }
                return errors;
            }
        } catch (SQLException e) {
            throw session.failure("reading sync errors" + system.map(s -> " of " + s).orElse(""), e);
        }
    }

    Optional<SyncError> one(long id) {
        try (ResultSet rows = session.query(ONE).number("id", id).rows()) {
            return rows.next() ? Optional.of(error(rows)) : Optional.empty();
        } catch (SQLException e) {
            throw session.failure("reading sync error " + id, e);
        }
    }

    void delete(long id) {
        try {
            session.query(DELETE).number("id", id).update();
        } catch (SQLException e) {
            throw session.failure("deleting sync error " + id, e);
        }
    }

    long count(String system) {
        try (ResultSet rows = session.query(COUNT).text("system", system).rows()) {
            rows.next();
            return rows.getLong("n");
        } catch (SQLException e) {
            throw session.failure("counting the sync errors of " + system, e);
        }
    }

    private static SyncError error(ResultSet rows) throws SQLException {
        return new SyncError(
                rows.getLong("id"),
                rows.getString("system_name"),
                ErrorPhase.byCode(rows.getString("phase")),
                rows.getString("object_ref"),
                Rows.optionalText(rows, "global_id"),
                rows.getString("message"),
                Rows.instant(rows, "first_at"),
                Rows.instant(rows, "last_at"),
                rows.getInt("error_count"));
    }
}
