package org.concord.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.concord.spi.Cursor;
import org.concord.store.Store;
import org.concord.store.StoreContract;
import org.concord.store.StoreException;
import org.concord.store.StoreTx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on the PostgreSQL server at 127.0.0.1:5432, in a database of its own. */
class PostgresStoreIT extends StoreContract {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String ADMIN = SERVER + "postgres?user=postgres";
    private static String database;

    @TempDir
    Path dir;

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection admin = admin()) {
            database = "concord_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
            try (Statement statement = admin.createStatement()) {
                statement.execute("CREATE DATABASE " + database);
            }
        }
    }

    private static Connection admin() {
        try {
            return DriverManager.getConnection(ADMIN);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable on 127.0.0.1:5432 as user postgres (" + e.getMessage()
                    + "); install postgresql (apt-get install -y postgresql) and start it";
            if ("1".equals(System.getenv("CONCORD_REQUIRE_SERVERS"))) {
                fail(message);
            }
            assumeTrue(false, message);
            throw new IllegalStateException(message);
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (database == null) {
            return;
        }
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static String location() {
        return SERVER + database + "?user=postgres";
    }

    @Override
    protected Store openEmptyStore() throws SQLException {
        try (Connection connection = DriverManager.getConnection(location());
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA public CASCADE");
            statement.execute("CREATE SCHEMA public");
        }
        return Stores.open(location(), dir);
    }

    @Override
    protected Store reopenStore() {
        return Stores.open(location(), dir);
    }

    @Test
    void describeNamesTheServerAndDatabaseButNoCredentials() {
        Store withPassword = Stores.open(SERVER + database + "?user=postgres&password=not-needed-here", dir);
        try {
            assertThat(withPassword.describe()).isEqualTo("postgresql //127.0.0.1:5432/" + database);
        } finally {
            withPassword.close();
        }
    }

    @Test
    void connectionsKilledByTheServerAreReplacedAndAFailureNamesTheStore() throws Exception {
        saveCursor("1");
        assertThat(store.read((StoreTx tx) -> tx.cursor("a"))).isEqualTo(new Cursor("1"));
        try (Connection admin = admin(); Statement statement = admin.createStatement();
                ResultSet killed = statement.executeQuery("SELECT COUNT(pg_terminate_backend(pid)) AS n FROM pg_stat_activity "
                        + "WHERE datname = '" + database + "' AND application_name = 'concord'")) {
            killed.next();
            assertThat(killed.getInt("n")).isEqualTo(2);
        }
        atMostOneFailureNamingTheStore(() -> saveCursor("2"));
        atMostOneFailureNamingTheStore(() -> store.read((StoreTx tx) -> tx.cursor("a")));
        assertThat(store.read((StoreTx tx) -> tx.cursor("a"))).isEqualTo(new Cursor("2"));

        Thread.sleep(2_100);
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.executeQuery("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity "
                    + "WHERE datname = '" + database + "' AND application_name = 'concord'").close();
        }
        saveCursor("3");
        assertThat(store.read((StoreTx tx) -> tx.cursor("a"))).isEqualTo(new Cursor("3"));
    }

    private void saveCursor(String value) {
        store.transact((StoreTx tx) -> {
            tx.saveCursor("a", new Cursor(value));
            return null;
        });
    }

    /** A connection in use when it breaks fails its work once; the next use gets a new connection. */
    private void atMostOneFailureNamingTheStore(Runnable work) {
        try {
            work.run();
        } catch (StoreException e) {
            assertThat(e).hasMessageContaining(store.describe()).hasMessageContaining("failed");
            work.run();
        }
    }

    @Test
    void aStoreFromANewerConcordIsRefused() throws SQLException {
        store.close();
        try (Connection connection = DriverManager.getConnection(location());
                Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO schema_version (version, applied_at) VALUES (99, 0)");
        }
        assertThatThrownBy(() -> Stores.open(location(), dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("newer Concord");
        store = null;
    }

    @Test
    void aMissingDatabaseIsReportedWithoutThePassword() {
        assertThatThrownBy(() -> Stores.open(SERVER + database + "_missing?user=postgres&password=s3cret", dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("postgresql //127.0.0.1:5432/" + database + "_missing")
                .hasMessageNotContaining("s3cret");
    }
}
