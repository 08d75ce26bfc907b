package org.concord.connector.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo CRM database shipped with the connector: the classic CRM layout the {@code crm} preset
 * maps, with a few users, accounts, contacts, meetings, calls, tasks, notes and e-mails.
 */
public final class DemoCrm {

    private DemoCrm() {}

    /** The SQL script for a database: {@code mariadb} (also MySQL) or {@code postgresql}. */
    public static String script(String dialect) {
        String name = switch (dialect) {
            case "mariadb", "mysql" -> "crm-mariadb.sql";
            case "postgresql", "postgres" -> "crm-postgresql.sql";
            default -> throw new IllegalArgumentException("no demo CRM script for '" + dialect + "'; use mariadb or postgresql");
        };
        try (InputStream in = DemoCrm.class.getResourceAsStream("/org/concord/connector/jdbc/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("demo script " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("demo script " + name + " does not read", e);
        }
    }

    /** The script's statements: it ends every statement with a semicolon at the end of a line. */
    public static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.startsWith("--") || (current.isEmpty() && line.isBlank())) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                String sql = current.toString().strip();
                out.add(sql.substring(0, sql.length() - 1));
                current.setLength(0);
            }
        }
        return out;
    }

    /** Creates the demo CRM in the (empty) database of this connection. */
    public static void create(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
        String script = script(product.contains("postgres") ? "postgresql" : "mariadb");
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            for (String sql : statements(script)) {
                s.execute(sql);
            }
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
