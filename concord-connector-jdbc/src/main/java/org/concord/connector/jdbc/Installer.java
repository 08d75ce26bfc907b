package org.concord.connector.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.concord.connector.jdbc.mapping.RelatedMapping;
import org.concord.connector.jdbc.mapping.TableMapping;

/**
 * The change capture a jdbc system needs: the change-log table, the readers table, and per mapped
 * or related table the triggers that log every insert, update and delete. Installing again
 * replaces each trigger, so a changed mapping is brought up to date and nothing exists twice.
 */
final class Installer {
    private final JdbcSettings settings;

    Installer(JdbcSettings settings) {
        this.settings = settings;
    }

    List<TriggerPlan> plans() {
        Map<String, TriggerPlan> plans = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (TableMapping m : settings.mapping().tables()) {
            if (seen.add(m.table().toLowerCase(Locale.ROOT) + "\u0000self")) {
                add(plans, m.table(), new TriggerPlan.Capture(m.table(), m.idColumn(), m.user().column().orElse(null), false));
            }
            for (RelatedMapping r : m.related()) {
                if (seen.add(r.table().toLowerCase(Locale.ROOT) + "\u0000" + m.table().toLowerCase(Locale.ROOT) + "." + r.parentColumn())) {
                    add(plans, r.table(), new TriggerPlan.Capture(m.table(), r.parentColumn(), null, true));
                }
            }
        }
        return List.copyOf(plans.values());
    }

    private static void add(Map<String, TriggerPlan> plans, String table, TriggerPlan.Capture capture) {
        TriggerPlan p = plans.get(table.toLowerCase(Locale.ROOT));
        List<TriggerPlan.Capture> captures = new ArrayList<>(p == null ? List.of() : p.captures());
        captures.add(capture);
        plans.put(table.toLowerCase(Locale.ROOT), new TriggerPlan(p == null ? table : p.table(), captures));
    }

    String describe() {
        StringBuilder b = new StringBuilder(settings.label()).append(" (").append(settings.dialect().label()).append("):\n");
        b.append("  create table ").append(settings.changeLog()).append(" (change log, pruned once every reader has read it)")
                .append(" and ").append(settings.readersTable()).append(" (how far each reader got), if missing\n");
        for (TriggerPlan p : plans()) {
            b.append("  replace the insert/update/delete triggers ").append(String.join(", ", settings.dialect().expectedTriggers(p)))
                    .append(" on ").append(p.table()).append(": log ");
            List<String> what = new ArrayList<>();
            for (TriggerPlan.Capture c : p.captures()) {
                what.add(c.parent() ? "changes of " + c.table() + " rows (by " + c.idColumn() + ")" : "its rows' changes");
            }
            b.append(String.join(" and ", what)).append('\n');
        }
        settings.carry().ifPresent(carry -> b.append("  create table ").append(carry)
                .append(" (per row Concord wrote: the item's global id, and what the row's columns cannot hold), if missing\n"));
        if (settings.dialect() == Dialect.POSTGRESQL) {
            b.append("  the triggers also NOTIFY channel ").append(settings.changeLog()).append(" so readers wake at once\n");
        }
        if (settings.capture() == CaptureMode.POLLING) {
            b.append("  (capture is 'polling': the connector will not read the change log until capture is 'triggers')\n");
        }
        return b.toString();
    }

    void install(Connection c) throws SQLException {
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            for (String sql : settings.dialect().changeLogDdl(settings.changeLog(), settings.readersTable())) {
                s.execute(sql);
            }
            for (TriggerPlan p : plans()) {
                for (String sql : settings.dialect().triggerDdl(p, settings.changeLog())) {
                    s.execute(sql);
                }
            }
            if (settings.carry().isPresent()) {
                for (String sql : settings.dialect().carryDdl(settings.carry().get())) {
                    s.execute(sql);
                }
            }
        }
    }

    /** What is missing for the configured capture and carry, in words; empty when all is installed. */
    List<String> missing(Connection c) throws SQLException {
        List<String> missing = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        if (settings.capture() == CaptureMode.TRIGGERS) {
            tables.addAll(List.of(settings.changeLog(), settings.readersTable()));
        }
        settings.carry().ifPresent(tables::add);
        for (String table : tables) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0")) {
                rs.next();
            } catch (SQLException e) {
                if (SqlFailures.connectionLost(e)) {
                    throw e;
                }
                if (!c.getAutoCommit()) {
                    c.rollback();
                }
                missing.add("table " + table);
            }
        }
        if (settings.capture() != CaptureMode.TRIGGERS) {
            return missing;
        }
        Set<String> installed = new HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(settings.dialect().installedTriggersSql())) {
            while (rs.next()) {
                installed.add(rs.getString(1).toLowerCase(Locale.ROOT) + "." + rs.getString(2).toLowerCase(Locale.ROOT));
            }
        }
        for (TriggerPlan p : plans()) {
            for (String trigger : settings.dialect().expectedTriggers(p)) {
                if (!installed.contains(p.table().toLowerCase(Locale.ROOT) + "." + trigger)) {
                    missing.add("trigger " + trigger + " on " + p.table());
                }
            }
        }
        return missing;
    }
}
