package org.concord.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concord.spi.Cursor;
import org.concord.store.HistoryEntry;
import org.concord.store.SystemState;

/** Per-system state (cursors, health) and item history. */
final class StateOps {

    private static final String CURSOR = "SELECT cursor_value FROM cursors WHERE system_name = :system";
    private static final String SAVE_CURSOR = """
            INSERT INTO cursors (system_name, cursor_value) VALUES (:system, :value)
            ON CONFLICT (system_name) DO UPDATE SET cursor_value = excluded.cursor_value""";
    private static final String SYSTEM_STATE =
            "SELECT system_name, is_up, since, reason, paused, pause_reason, accept_deletes FROM system_states WHERE system_name = :system";
    private static final String SAVE_SYSTEM_STATE = """
            INSERT INTO system_states (system_name, is_up, since, reason, paused, pause_reason, accept_deletes)
            VALUES (:system, :up, :since, :reason, :paused, :pauseReason, :acceptDeletes)
            ON CONFLICT (system_name) DO UPDATE SET
                is_up = excluded.is_up, since = excluded.since, reason = excluded.reason, paused = excluded.paused,
                pause_reason = excluded.pause_reason, accept_deletes = excluded.accept_deletes""";
    private static final String ADD_HISTORY = """
            INSERT INTO history (global_id, happened_at, system_name, action, detail)
            VALUES (:globalId, :at, :system, :action, :detail)""";
    private static final String HISTORY = """
            SELECT global_id, happened_at, system_name, action, detail FROM history
            WHERE global_id = :globalId ORDER BY happened_at DESC, id DESC LIMIT :limit""";

    private final Session session;

    StateOps(Session session) {
        this.session = session;
    }

    Cursor cursor(String system) {
        try (ResultSet rows = session.query(CURSOR).text("system", system).rows()) {
            return rows.next() ? new Cursor(rows.getString("cursor_value")) : Cursor.START;
        } catch (SQLException e) {
            throw session.failure("reading the cursor of " + system, e);
        }
    }

    void saveCursor(String system, Cursor cursor) {
        try {
            session.query(SAVE_CURSOR).text("system", system).text("value", cursor.value()).update();
        } catch (SQLException e) {
            throw session.failure("saving the cursor of " + system, e);
        }
    }

    Optional<SystemState> systemState(String system) {
        try (ResultSet rows = session.query(SYSTEM_STATE).text("system", system).rows()) {
            if (!rows.next()) {
                return Optional.empty();
            }
            return Optional.of(new SystemState(rows.getString("system_name"), rows.getBoolean("is_up"),
                    Rows.instant(rows, "since"), Rows.optionalText(rows, "reason"), rows.getBoolean("paused"),
                    Rows.optionalText(rows, "pause_reason"), rows.getBoolean("accept_deletes")));
        } catch (SQLException e) {
            throw session.failure("reading the state of " + system, e);
        }
    }

    void saveSystemState(SystemState state) {
        try {
            session.query(SAVE_SYSTEM_STATE)
                    .text("system", state.system())
                    .flag("up", state.up())
                    .instant("since", state.since())
                    .text("reason", state.reason())
                    .flag("paused", state.paused())
                    .text("pauseReason", state.pauseReason())
                    .flag("acceptDeletes", state.acceptDeletes())
                    .update();
        } catch (SQLException e) {
            throw session.failure("saving the state of " + state.system(), e);
        }
    }

    void addHistory(HistoryEntry entry) {
        try {
            session.query(ADD_HISTORY)
                    .text("globalId", entry.globalId())
                    .instant("at", entry.at())
                    .text("system", entry.system())
                    .text("action", entry.action())
                    .text("detail", entry.detail() == null ? "" : entry.detail())
                    .update();
        } catch (SQLException e) {
            throw session.failure("adding history of item " + entry.globalId(), e);
        }
    }

    List<HistoryEntry> history(String globalId, int limit) {
        try (ResultSet rows = session.query(HISTORY).text("globalId", globalId).number("limit", limit).rows()) {
            List<HistoryEntry> entries = new ArrayList<>();
            while (rows.next()) {
                entries.add(new HistoryEntry(rows.getString("global_id"), Rows.instant(rows, "happened_at"),
                        rows.getString("system_name"), rows.getString("action"), rows.getString("detail")));
            }
            return entries;
        } catch (SQLException e) {
            throw session.failure("reading the history of item " + globalId, e);
        }
    }
}
