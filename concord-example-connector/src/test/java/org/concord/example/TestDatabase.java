package org.concord.example;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/** A uniquely named database on the MariaDB at 127.0.0.1:3306, dropped on close; skips the test when there is none. */
public final class TestDatabase implements AutoCloseable {
    private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/?user=root&connectTimeout=3000";

    private final String name;

    private TestDatabase(String name) {
        this.name = name;
    }

    public static TestDatabase createOrSkip() throws SQLException {
        String name = "concord_remote_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            if ("1".equals(System.getenv("CONCORD_REQUIRE_SERVERS"))) {
                throw e;
            }
            Assumptions.abort("MariaDB is not reachable on 127.0.0.1:3306 as root without password (" + e.getMessage()
                    + "): install mariadb-server (apt-get install -y mariadb-server) and start it");
        }
        return new TestDatabase(name);
    }

    public String url() {
        return "jdbc:mariadb://127.0.0.1:3306/" + name + "?user=root";
    }

    /** Runs SQL directly on the table, as a user of the application would. */
    public void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        }
    }
}
