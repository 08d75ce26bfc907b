package org.concord.connector.jdbc;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.concord.spi.SystemConfig;

/** A throwaway database concord_jdbc_RANDOM on the machine's MariaDB or PostgreSQL, dropped by {@link #close()}. */
final class TestDatabase implements AutoCloseable {

    enum Server {
        MARIADB("jdbc:mariadb://127.0.0.1:3306/", "root", "mariadb-server"),
        POSTGRESQL("jdbc:postgresql://127.0.0.1:5432/", "postgres", "postgresql");

        final String base;
        final String user;
        final String debianPackage;

        Server(String base, String user, String debianPackage) {
            this.base = base;
            this.user = user;
            this.debianPackage = debianPackage;
        }
    }

    final Server server;
    final String name;

    private TestDatabase(Server server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Creates the database, or skips the test (fails it when CONCORD_REQUIRE_SERVERS=1) if the server does not answer. */
    static TestDatabase create(Server server) {
        String name = "concord_jdbc_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (Connection c = admin(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            String message = server + " on 127.0.0.1 is not reachable (" + e.getMessage() + "): install " + server.debianPackage;
            if ("1".equals(System.getenv("CONCORD_REQUIRE_SERVERS"))) {
                fail(message, e);
            }
            assumeTrue(false, message);
        }
        return new TestDatabase(server, name);
    }

    private static Connection admin(Server server) throws SQLException {
        return DriverManager.getConnection(server.base + (server == Server.POSTGRESQL ? "postgres" : ""), props(server));
    }

    private static Properties props(Server server) {
        Properties p = new Properties();
        p.setProperty("user", server.user);
        if (server == Server.MARIADB) {
            p.setProperty("password", "");
            p.setProperty("sslMode", "disable"); // loopback test server only
        } else {
            p.setProperty("sslmode", "disable");
        }
        return p;
    }

    String url() {
        return server.base + name;
    }

    /** Another SQL client, as a CRM user's application would be. */
    Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url(), props(server));
        c.setAutoCommit(true);
        return c;
    }

    void execute(String... sql) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }

    /** Ends every session of other clients on this database, as a database restart would. */
    void killSessions() throws SQLException {
        try (Connection c = admin(server); Statement s = c.createStatement()) {
            if (server == Server.POSTGRESQL) {
                s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "' AND pid <> pg_backend_pid()");
            } else {
                var ids = new java.util.ArrayList<Long>();
                try (var rs = s.executeQuery("SELECT id FROM information_schema.processlist WHERE db = '" + name + "' AND id <> CONNECTION_ID()")) {
                    while (rs.next()) {
                        ids.add(rs.getLong(1));
                    }
                }
                for (long id : ids) {
                    try {
                        s.execute("KILL " + id);
                    } catch (SQLException gone) {
                        // ended meanwhile
                    }
                }
            }
        }
    }

    /** A system's config for this database; {@code tls: false} because this is the loopback test server. */
    SystemConfig config(String system, Map<String, Object> extra) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("connector", "jdbc");
        settings.put("url", url());
        settings.put("username", server.user);
        if (server == Server.MARIADB) {
            settings.put("password", "");
        }
        settings.put("tls", false);
        settings.putAll(extra);
        return new SystemConfig(system, settings, Path.of("."));
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = admin(server); Statement s = c.createStatement()) {
            if (server == Server.POSTGRESQL) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } else {
                s.execute("DROP DATABASE IF EXISTS " + name);
            }
        }
    }
}
