package org.concord.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.concord.spi.Cursor;
import org.concord.store.Store;
import org.concord.store.StoreException;
import org.concord.store.StoreTx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoresTest {

    @TempDir
    Path dir;

    @Test
    void aStorePathInAFolderThatDoesNotExistYetIsCreatedRelativeToTheConfig() {
        try (Store store = Stores.open("var/lib/concord/state.db", dir)) {
            store.transact((StoreTx tx) -> {
                tx.saveCursor("a", new Cursor("1"));
                return null;
            });
            Path file = dir.resolve("var/lib/concord/state.db").toAbsolutePath().normalize();
            assertThat(file).isRegularFile();
            assertThat(store.describe()).isEqualTo("sqlite " + file);
        }
    }

    @Test
    void aJdbcSqliteLocationNamesTheSameFileAsThePlainPath() {
        try (Store store = Stores.open("jdbc:sqlite:state/concord.db", dir)) {
            store.transact((StoreTx tx) -> {
                tx.saveCursor("a", new Cursor("7"));
                return null;
            });
        }
        try (Store store = Stores.open("state/concord.db", dir)) {
            assertThat(store.read((StoreTx tx) -> tx.cursor("a"))).isEqualTo(new Cursor("7"));
        }
    }

    @Test
    void anAbsolutePathIsUsedAsItIs() throws Exception {
        Path other = Files.createTempDirectory(dir, "abs").resolve("x/concord.db");
        try (Store store = Stores.open(other.toString(), dir.resolve("elsewhere"))) {
            assertThat(store.describe()).isEqualTo("sqlite " + other);
        }
        assertThat(other).isRegularFile();
    }

    @Test
    void anUnknownKindOfStoreIsRefusedNamingTheKindsThatWork() {
        assertThatThrownBy(() -> Stores.open("jdbc:mysql://db/concord?password=s3cret", dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("jdbc:mysql")
                .hasMessageContaining("jdbc:sqlite:PATH")
                .hasMessageContaining("jdbc:postgresql://")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> Stores.open("mongodb://user:s3cret@db/concord", dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("unknown kind of store 'mongodb'")
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> Stores.open("  ", dir)).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> Stores.open("jdbc:sqlite::memory:", dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("file");
    }

    @Test
    void aFolderIsNotAStoreFile() {
        assertThatThrownBy(() -> Stores.open(dir.toString(), dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("is a folder");
    }

    @Test
    void postgresLocationsAreDescribedWithoutCredentials() {
        assertThat(PostgresBackend.of("jdbc:postgresql://concord:s3cret@db.example.org:5433/concord?sslmode=require").describe())
                .isEqualTo("postgresql //db.example.org:5433/concord");
        assertThat(PostgresBackend.of("jdbc:postgresql://db/concord?user=concord&password=s3cret").describe())
                .isEqualTo("postgresql //db/concord");
        assertThat(PostgresBackend.of("jdbc:postgresql:concord").describe()).isEqualTo("postgresql concord");
    }

    @Test
    void anUnreachablePostgresServerIsReportedWithoutThePassword() {
        assertThatThrownBy(() -> Stores.open("jdbc:postgresql://concord:s3cret@127.0.0.1:1/concord", dir))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("postgresql //127.0.0.1:1/concord: opening the store failed")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void theSqliteWriterIsDurableChecksReferencesAndSkipsGeneratedKeys() throws SQLException {
        SqliteBackend backend = new SqliteBackend(dir.resolve("p.db"));
        try (Connection writer = backend.openWriter(); Statement statement = writer.createStatement()) {
            assertThat(pragma(statement, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(statement, "synchronous")).isEqualTo("2");
            assertThat(pragma(statement, "foreign_keys")).isEqualTo("1");
            assertThat(Long.parseLong(pragma(statement, "busy_timeout"))).isPositive();
            assertThat(Long.parseLong(pragma(statement, "journal_size_limit"))).isEqualTo(SqliteBackend.WAL_SIZE_LIMIT_BYTES);
            // without this the driver runs a query for generated keys after every insert
            assertThat(writer.unwrap(org.sqlite.SQLiteConnection.class).getConnectionConfig().isGetGeneratedKeys()).isFalse();
        }
        try (Connection reader = backend.openReader(); Statement statement = reader.createStatement()) {
            assertThat(pragma(statement, "query_only")).isEqualTo("1");
        }
    }

    private static String pragma(Statement statement, String name) throws SQLException {
        try (ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
