package org.concord.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.spi.Cursor;
import org.concord.store.ErrorPhase;
import org.concord.store.PendingOp;
import org.concord.store.Store;
import org.concord.store.StoreException;
import org.concord.store.StoreTx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    private static final String V1_PAYLOAD = "{\"@type\":\"Card\",\"uid\":\"u1\",\"name\":{\"full\":\"Ann\"},"
            + "\"emails\":{\"e1\":{\"address\":\"ann@example.org\"}}}";

    @TempDir
    Path dir;

    private Session session(Path file) throws SQLException {
        SqliteBackend backend = new SqliteBackend(file);
        return new Session(backend, backend.openWriter());
    }

    private static long count(Session session, String sql) throws SQLException {
        try (Statement statement = session.connection().createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(Session session, String sql) throws SQLException {
        try (Statement statement = session.connection().createStatement()) {
            statement.execute(sql);
        }
    }

    @Test
    void aStoreFileWrittenBySchemaV1OpensAfterMigrationsWithItsContent() throws SQLException {
        Path file = dir.resolve("old.db");
        try (Session old = session(file)) {
            assertThat(Migrations.BUILT_IN.migrate(old, 1)).isEqualTo(1);
            // rows as schema version 1 writes them
            execute(old, "INSERT INTO items (global_id, user_name, item_type, created_at) VALUES ('g1', 'alice', 'contact', 1000)");
            execute(old, "INSERT INTO links (system_name, native_id, global_id, user_name, item_type, version, content_hash, "
                    + "field_hashes, synced_at) VALUES ('dav', 'a.vcf', 'g1', 'alice', 'contact', 'e1', 'h1', '{\"name\":\"x\"}', 2000)");
            execute(old, "INSERT INTO pending (seq, target, global_id, op, payload, origin, enqueued_at, attempts, not_before, "
                    + "last_error) VALUES (41, 'crm', 'g1', 'D', NULL, 'dav', 3000, 2, 4000, 'HTTP 503')");
            execute(old, "INSERT INTO pending (seq, target, global_id, op, payload, origin, enqueued_at, attempts, not_before, "
                    + "last_error) VALUES (40, 'dav', 'g1', 'U', CAST('" + V1_PAYLOAD + "' AS BLOB), 'crm', 3000, 0, 3000, NULL)");
            execute(old, "UPDATE counters SET value = 41 WHERE name = 'pending_seq'");
            execute(old, "INSERT INTO cursors (system_name, cursor_value) VALUES ('dav', 'token-7')");
            execute(old, "INSERT INTO sync_errors (system_name, phase, object_ref, global_id, message, first_at, last_at, "
                    + "error_count) VALUES ('crm', 'write', 'g1', 'g1', 'refused', 5000, 6000, 3)");
        }

        try (Store store = Stores.open(file.toString(), dir)) {
            store.read((StoreTx tx) -> {
                assertThat(tx.item("g1").orElseThrow().type()).isEqualTo(ItemType.CONTACT);
                assertThat(tx.link("dav", "a.vcf").orElseThrow().fieldHashes()).containsEntry("name", "x");
                assertThat(tx.pending("crm", "g1").orElseThrow().attempts()).isEqualTo(2);
                // written before pending rows kept hashes: they are computed from the payload
                Payload payload = tx.pending("dav", "g1").orElseThrow().payload().orElseThrow();
                Payload fresh = Payload.fromJsonBytes(V1_PAYLOAD.getBytes(StandardCharsets.UTF_8));
                assertThat(payload.contentHash()).isEqualTo(fresh.contentHash());
                assertThat(payload.fieldHashes()).isEqualTo(fresh.fieldHashes()).containsKeys("name", "emails");
                assertThat(tx.cursor("dav")).isEqualTo(new Cursor("token-7"));
                assertThat(tx.errors(Optional.of("crm"), 5).get(0).phase()).isEqualTo(ErrorPhase.WRITE);
                return null;
            });
            long seq = store.transact((StoreTx tx) -> tx.putPending("crm", "g1", PendingOp.DELETE, Optional.empty(), "dav",
                    java.time.Instant.EPOCH));
            assertThat(seq).isGreaterThan(41);
        }
        try (Session reopened = session(file)) {
            assertThat(count(reopened, "SELECT MAX(version) FROM schema_version"))
                    .isEqualTo(Migrations.BUILT_IN.scripts("sqlite").size());
        }
    }

    @Test
    void migrationsRunInOrderAndEachIsRecorded() throws SQLException {
        try (Session session = session(dir.resolve("t.db"))) {
            Migrations ok = new Migrations("/org/concord/store/jdbc/testmigrations/ok/");
            assertThat(ok.migrate(session, 1)).isEqualTo(1);
            assertThat(ok.migrate(session)).isEqualTo(2);
            assertThat(ok.migrate(session)).isEqualTo(2);
            assertThat(count(session, "SELECT COUNT(*) FROM notes WHERE author = 'v2'")).isEqualTo(1);
            assertThat(count(session, "SELECT COUNT(*) FROM schema_version")).isEqualTo(2);
        }
    }

    @Test
    void aFailingMigrationChangesNothingAndSaysWhichVersionFailed() throws SQLException {
        try (Session session = session(dir.resolve("t.db"))) {
            Migrations broken = new Migrations("/org/concord/store/jdbc/testmigrations/broken/");
            assertThat(broken.migrate(session, 1)).isEqualTo(1);
            assertThatThrownBy(() -> broken.migrate(session))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("from version 1 to 3")
                    .hasMessageContaining("no_such_table");
            assertThat(count(session, "SELECT MAX(version) FROM schema_version")).isEqualTo(1);
            assertThat(count(session, "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('more_notes')")).isZero();
            assertThat(count(session, "SELECT COUNT(*) FROM pragma_table_info('notes') WHERE name = 'author'")).isZero();
        }
    }

    @Test
    void aStoreFromANewerConcordIsRefused() throws SQLException {
        Path file = dir.resolve("new.db");
        try (Store store = Stores.open(file.toString(), dir)) {
            store.read((StoreTx tx) -> tx.cursor("x"));
        }
        try (Session session = session(file)) {
            execute(session, "INSERT INTO schema_version (version, applied_at) VALUES (99, 0)");
        }
        assertThatThrownBy(() -> Stores.open(file.toString(), dir))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("sqlite " + file)
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("newer Concord");
    }

    @Test
    void scriptsSplitAtSemicolonsThatEndALine() {
        assertThat(Migrations.statements("""
                -- a comment; with a semicolon
                CREATE TABLE a (
                    x INTEGER
                );

                INSERT INTO a (x) VALUES (1);
                """)).hasSize(2).allSatisfy(s -> assertThat(s).doesNotContain(";", "--"));
    }
}
