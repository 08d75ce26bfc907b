package org.concord.connector.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** What differs between MariaDB/MySQL and PostgreSQL: drivers, DDL, triggers, session markers. */
enum Dialect {
    MARIADB("MariaDB/MySQL") {
        @Override
        Driver driver() {
            return new org.mariadb.jdbc.Driver();
        }

        @Override
        void tls(Properties props, boolean on) {
            props.setProperty("sslMode", on ? "verify-full" : "disable");
        }

        @Override
        List<String> changeLogDdl(String log, String readers) {
            return List.of(
                    "CREATE TABLE IF NOT EXISTS " + log + " ("
                            + " modid BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,"
                            + " table_name VARCHAR(64) NOT NULL,"
                            + " row_id VARCHAR(255) NOT NULL,"
                            + " op CHAR(1) NOT NULL,"
                            + " user_id VARCHAR(255) NULL,"
                            + " origin VARCHAR(255) NULL,"
                            + " changed_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)"
                            + ") ENGINE=InnoDB",
                    "CREATE TABLE IF NOT EXISTS " + readers + " ("
                            + " reader VARCHAR(255) NOT NULL PRIMARY KEY,"
                            + " position BIGINT NOT NULL,"
                            + " read_at TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3)"
                            + ") ENGINE=InnoDB");
        }

        @Override
        List<String> carryDdl(String carry) {
            return List.of("CREATE TABLE IF NOT EXISTS " + carry + " ("
                    + " mapping_name VARCHAR(64) NOT NULL,"
                    + " row_id VARCHAR(191) NOT NULL,"
                    + " global_id VARCHAR(191) NULL,"
                    + " written LONGTEXT NULL,"
                    + " base LONGTEXT NULL,"
                    + " PRIMARY KEY (mapping_name, row_id),"
                    + " KEY " + carry + "_gid (mapping_name, global_id)"
                    + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
        }

        @Override
        List<String> triggerDdl(TriggerPlan plan, String log) {
            List<String> out = new ArrayList<>();
            for (String event : List.of("INSERT", "UPDATE", "DELETE")) {
                String name = plan.triggerName(event.substring(0, 1).toLowerCase(java.util.Locale.ROOT));
                StringBuilder body = new StringBuilder();
                for (TriggerPlan.Capture c : plan.captures()) {
                    String op = event.substring(0, 1);
                    String row = event.equals("DELETE") ? "OLD" : "NEW";
                    String user = c.userColumn() == null ? "NULL" : (event.equals("INSERT") ? "NEW." : "OLD.") + c.userColumn();
                    body.append(insertLog(log, c.table(), row + "." + c.idColumn(), c.parent() ? "U" : op, user));
                    if (event.equals("UPDATE")) {
                        body.append("IF NOT (OLD.").append(c.idColumn()).append(" <=> NEW.").append(c.idColumn()).append(") THEN ")
                                .append(insertLog(log, c.table(), "OLD." + c.idColumn(), c.parent() ? "U" : "D", user))
                                .append("END IF; ");
                    }
                }
                out.add("DROP TRIGGER IF EXISTS " + name);
                out.add("CREATE TRIGGER " + name + " AFTER " + event + " ON " + plan.table() + " FOR EACH ROW BEGIN " + body + "END");
            }
            return out;
        }

        private String insertLog(String log, String table, String rowId, String op, String user) {
            return "INSERT INTO " + log + " (table_name, row_id, op, user_id, origin) VALUES ('" + table + "', " + rowId
                    + ", '" + op + "', " + user + ", @concord_origin); ";
        }

        @Override
        List<String> dropTriggers(TriggerPlan plan) {
            return List.of("DROP TRIGGER IF EXISTS " + plan.triggerName("i"), "DROP TRIGGER IF EXISTS " + plan.triggerName("u"),
                    "DROP TRIGGER IF EXISTS " + plan.triggerName("d"));
        }

        @Override
        String installedTriggersSql() {
            return "SELECT event_object_table, trigger_name FROM information_schema.triggers WHERE trigger_schema = DATABASE()";
        }

        @Override
        List<String> expectedTriggers(TriggerPlan plan) {
            return List.of(plan.triggerName("i"), plan.triggerName("u"), plan.triggerName("d"));
        }

        @Override
        void markOrigin(Connection c, String origin) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SET @concord_origin = ?")) {
                ps.setString(1, origin);
                ps.execute();
            }
        }

        @Override
        String clockSql() {
            return "SELECT UNIX_TIMESTAMP(NOW(3)) * 1000";
        }

        @Override
        String upsertReaderSql(String readers) {
            return "INSERT INTO " + readers + " (reader, position, read_at) VALUES (?, ?, CURRENT_TIMESTAMP(3))"
                    + " ON DUPLICATE KEY UPDATE position = VALUES(position), read_at = VALUES(read_at)";
        }

        @Override
        String expireReadersSql(String readers) {
            return "DELETE FROM " + readers + " WHERE read_at < CURRENT_TIMESTAMP(3) - INTERVAL ? SECOND";
        }

        @Override
        String pruneSql(String log, String readers) {
            return "DELETE FROM " + log + " WHERE modid <= (SELECT m FROM (SELECT MIN(position) AS m FROM " + readers + ") r) LIMIT 5000";
        }
    },

    POSTGRESQL("PostgreSQL") {
        @Override
        Driver driver() {
            return new org.postgresql.Driver();
        }

        @Override
        void tls(Properties props, boolean on) {
            props.setProperty("sslmode", on ? "verify-full" : "disable");
        }

        @Override
        List<String> changeLogDdl(String log, String readers) {
            return List.of(
                    "CREATE TABLE IF NOT EXISTS " + log + " ("
                            + " modid BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                            + " table_name VARCHAR(64) NOT NULL,"
                            + " row_id VARCHAR(255) NOT NULL,"
                            + " op CHAR(1) NOT NULL,"
                            + " user_id VARCHAR(255) NULL,"
                            + " origin VARCHAR(255) NULL,"
                            + " changed_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())",
                    "CREATE TABLE IF NOT EXISTS " + readers + " ("
                            + " reader VARCHAR(255) NOT NULL PRIMARY KEY,"
                            + " position BIGINT NOT NULL,"
                            + " read_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp())");
        }

        @Override
        List<String> carryDdl(String carry) {
            return List.of("CREATE TABLE IF NOT EXISTS " + carry + " ("
                            + " mapping_name VARCHAR(64) NOT NULL,"
                            + " row_id VARCHAR(191) NOT NULL,"
                            + " global_id VARCHAR(191) NULL,"
                            + " written TEXT NULL,"
                            + " base TEXT NULL,"
                            + " PRIMARY KEY (mapping_name, row_id))",
                    "CREATE INDEX IF NOT EXISTS " + carry + "_gid ON " + carry + " (mapping_name, global_id)");
        }

        @Override
        List<String> triggerDdl(TriggerPlan plan, String log) {
            StringBuilder body = new StringBuilder();
            for (TriggerPlan.Capture c : plan.captures()) {
                String newUser = c.userColumn() == null ? "NULL" : "NEW." + c.userColumn() + "::text";
                String oldUser = c.userColumn() == null ? "NULL" : "OLD." + c.userColumn() + "::text";
                String op = c.parent() ? "'U'" : "left(TG_OP, 1)";
                body.append("IF TG_OP <> 'DELETE' THEN ")
                        .append(insertLog(log, c.table(), "NEW." + c.idColumn() + "::text", op,
                                "CASE WHEN TG_OP = 'UPDATE' THEN " + oldUser + " ELSE " + newUser + " END"))
                        .append("END IF; ")
                        .append("IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.").append(c.idColumn()).append(" IS DISTINCT FROM NEW.").append(c.idColumn()).append(")")
                        .append(" THEN ").append(insertLog(log, c.table(), "OLD." + c.idColumn() + "::text", c.parent() ? "'U'" : "'D'", oldUser))
                        .append("END IF; ");
            }
            String function = plan.functionName();
            return List.of(
                    "CREATE OR REPLACE FUNCTION " + function + "() RETURNS trigger LANGUAGE plpgsql AS $concord$"
                            + " DECLARE origin text := nullif(current_setting('concord.origin', true), '');"
                            + " BEGIN " + body
                            + "PERFORM pg_notify('" + log + "', ''); RETURN NULL; END $concord$",
                    "DROP TRIGGER IF EXISTS " + plan.triggerName("") + " ON " + plan.table(),
                    "CREATE TRIGGER " + plan.triggerName("") + " AFTER INSERT OR UPDATE OR DELETE ON " + plan.table()
                            + " FOR EACH ROW EXECUTE FUNCTION " + function + "()");
        }

        private String insertLog(String log, String table, String rowId, String op, String user) {
            return "INSERT INTO " + log + " (table_name, row_id, op, user_id, origin) VALUES ('" + table + "', " + rowId
                    + ", " + op + ", " + user + ", origin); ";
        }

        @Override
        List<String> dropTriggers(TriggerPlan plan) {
            return List.of("DROP TRIGGER IF EXISTS " + plan.triggerName("") + " ON " + plan.table());
        }

        @Override
        String installedTriggersSql() {
            return "SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid"
                    + " WHERE NOT t.tgisinternal AND pg_table_is_visible(c.oid)";
        }

        @Override
        List<String> expectedTriggers(TriggerPlan plan) {
            return List.of(plan.triggerName(""));
        }

        @Override
        void markOrigin(Connection c, String origin) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT set_config('concord.origin', ?, false)")) {
                ps.setString(1, origin);
                ps.execute();
            }
        }

        @Override
        String clockSql() {
            return "SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint";
        }

        @Override
        String upsertReaderSql(String readers) {
            return "INSERT INTO " + readers + " (reader, position, read_at) VALUES (?, ?, clock_timestamp())"
                    + " ON CONFLICT (reader) DO UPDATE SET position = EXCLUDED.position, read_at = EXCLUDED.read_at";
        }

        @Override
        String expireReadersSql(String readers) {
            return "DELETE FROM " + readers + " WHERE read_at < clock_timestamp() - make_interval(secs => ?)";
        }

        @Override
        String pruneSql(String log, String readers) {
            return "DELETE FROM " + log + " WHERE modid IN (SELECT modid FROM " + log
                    + " WHERE modid <= (SELECT MIN(position) FROM " + readers + ") ORDER BY modid LIMIT 5000)";
        }
    };

    private final String label;

    Dialect(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** The dialect a JDBC URL speaks, or null when neither. */
    static Dialect of(String url) {
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return MARIADB;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        return null;
    }

    /** MariaDB Connector/J serves MySQL too, under its own scheme. */
    static String driverUrl(String url) {
        return url.startsWith("jdbc:mysql:") ? "jdbc:mariadb:" + url.substring("jdbc:mysql:".length()) : url;
    }

    abstract Driver driver();

    abstract void tls(Properties props, boolean on);

    abstract List<String> changeLogDdl(String log, String readers);

    /** The carry table: what rows written by Concord could not hold (see {@link CarryTable}). */
    abstract List<String> carryDdl(String carry);

    abstract List<String> triggerDdl(TriggerPlan plan, String log);

    abstract List<String> dropTriggers(TriggerPlan plan);

    /** Lists (table, trigger name) of every trigger in the current database or schema path. */
    abstract String installedTriggersSql();

    abstract List<String> expectedTriggers(TriggerPlan plan);

    /** Marks a session so the triggers record its writes as the connector's own. */
    abstract void markOrigin(Connection c, String origin) throws SQLException;

    /** The database clock, in epoch milliseconds. */
    abstract String clockSql();

    abstract String upsertReaderSql(String readers);

    abstract String expireReadersSql(String readers);

    abstract String pruneSql(String log, String readers);
}
