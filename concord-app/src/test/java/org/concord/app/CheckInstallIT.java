package org.concord.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import org.concord.connector.jdbc.DemoCrm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code concord check --install} against the demo CRM on the machine's MariaDB (127.0.0.1:3306, root). */
class CheckInstallIT {
    private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream oldOut;
    private String database;

    private static Properties root() {
        Properties p = new Properties();
        p.setProperty("user", "root");
        p.setProperty("password", "");
        p.setProperty("sslMode", "disable"); // the loopback test server only
        return p;
    }

    @BeforeEach
    void createDemoCrm() throws Exception {
        database = "concord_jdbc_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (Connection c = DriverManager.getConnection(SERVER, root()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            database = null;
            String message = "MariaDB on 127.0.0.1:3306 is not reachable (" + e.getMessage() + "): install mariadb-server";
            if ("1".equals(System.getenv("CONCORD_REQUIRE_SERVERS"))) {
                fail(message, e);
            }
            assumeTrue(false, message);
        }
        try (Connection c = DriverManager.getConnection(SERVER + database, root())) {
            DemoCrm.create(c);
        }
        oldOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void dropDemoCrm() throws Exception {
        if (oldOut != null) {
            System.setOut(oldOut);
        }
        if (database != null) {
            try (Connection c = DriverManager.getConnection(SERVER, root()); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    private int triggers() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER, root()); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.triggers WHERE trigger_schema = '" + database + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void checkShowsWhatTheCrmNeedsAndInstallCreatesItOnceSoTheSystemWorks() throws Exception {
        Path config = dir.resolve("concord.yaml");
        Files.writeString(config, """
                store: state/concord.db
                systems:
                  crm:
                    connector: jdbc
                    url: jdbc:mariadb://127.0.0.1:3306/%s
                    username: root
                    password: ""
                    tls: false
                    preset: crm
                  folder:
                    connector: vdir
                    path: data/folder
                """.formatted(database));

        assertThat(Main.execute("check", "-c", config.toString())).as("check before installing").isEqualTo(1);
        assertThat(out.toString()).contains("system crm, what 'check --install' creates or replaces:", "concord_change_log",
                "concord_carry", "triggers", "check --install").containsPattern("crm +jdbc .*DOWN: .*not installed");
        assertThat(triggers()).isZero();

        out.reset();
        assertThat(Main.execute("check", "--install", "-c", config.toString())).as("check --install").isZero();
        assertThat(out.toString()).contains("system crm: installed").containsPattern("crm +jdbc .*up: ")
                .containsPattern("folder +vdir .*up");
        int installed = triggers();
        assertThat(installed).as("three triggers for each of contacts, email_addresses, meetings, calls, tasks, notes").isEqualTo(18);

        out.reset();
        assertThat(Main.execute("check", "--install", "-c", config.toString())).as("installing again").isZero();
        assertThat(out.toString()).contains("system crm: installed");
        assertThat(triggers()).as("installing again leaves nothing twice").isEqualTo(installed);
    }
}
