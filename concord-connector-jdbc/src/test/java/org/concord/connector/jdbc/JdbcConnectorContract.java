package org.concord.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.spi.Change;
import org.concord.spi.ChangeBatch;
import org.concord.spi.Cursor;
import org.concord.spi.FeedRequest;
import org.concord.spi.KnownObjects;
import org.concord.spi.RetryableConnectorException;
import org.concord.spi.Scope;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The jdbc connector against a real database: trigger capture of another client's writes, soft
 * deletes, own writes not echoed, optimistic checks, idempotent creates, unreadable rows, lost
 * connections, install. Subclassed per server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class JdbcConnectorContract {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Scope ALICE = new Scope("alice", ItemType.CONTACT);

    abstract TestDatabase.Server server();

    /** The people table in this server's dialect. */
    abstract String peopleDdl();

    TestDatabase db;
    JdbcConnector connector;

    @BeforeAll
    void createDatabase() throws Exception {
        db = TestDatabase.create(server());
        db.execute(peopleDdl());
        connector = connector("crm", Map.of());
        connector.install();
        connector.open();
    }

    @AfterAll
    void dropDatabase() throws Exception {
        if (connector != null) {
            connector.close();
        }
        if (db != null) {
            db.close();
        }
    }

    JdbcConnector connector(String system, Map<String, Object> extra) throws Exception {
        Map<String, Object> people = new LinkedHashMap<>();
        people.put("type", "contact");
        people.put("user", "owner");
        people.put("modified", "updated_at");
        people.put("version", "row_version");
        people.put("deleted", "removed");
        people.put("external-ref", "ext_ref");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("first_name", "name.given");
        fields.put("last_name", Map.of("field", "name.surname", "required", true));
        fields.put("email", "emails.work.address");
        fields.put("born", Map.of("field", "anniversaries.birth.date", "type", "date"));
        people.put("fields", fields);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("tables", Map.of("people", people));
        settings.putAll(extra);
        return (JdbcConnector) new JdbcConnectorFactory().create(db.config(system, settings));
    }

    Cursor cursor;

    @BeforeEach
    void catchUp() throws Exception {
        cursor = drain(connector, Cursor.START);
    }

    static Cursor drain(JdbcConnector c, Cursor from) throws Exception {
        Cursor at = from;
        ChangeBatch b;
        do {
            b = c.getChanges(new FeedRequest(at, 500, Duration.ZERO, false, KnownObjects.NONE));
            at = b.next();
        } while (b.more());
        return at;
    }

    /** Reads until at least {@code n} changes arrived or the wait is over. */
    List<Change> await(int n, Duration wait) throws Exception {
        List<Change> out = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (out.size() < n && System.nanoTime() < deadline) {
            ChangeBatch b = connector.getChanges(new FeedRequest(cursor, 100,
                    Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), false, KnownObjects.NONE));
            out.addAll(b.changes());
            cursor = b.next();
        }
        return out;
    }

    long insertPerson(String owner, String first, String last) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO people (owner, first_name, last_name, email, updated_at) VALUES ('" + owner + "', '"
                    + first + "', '" + last + "', '" + first.toLowerCase() + "@example.org', CURRENT_TIMESTAMP)");
            try (ResultSet rs = s.executeQuery("SELECT MAX(id) FROM people")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static Payload card(String given, String surname, String email) {
        ObjectNode json = JSON.createObjectNode();
        json.put("@type", "Card");
        json.put("uid", UUID.randomUUID().toString());
        ObjectNode name = json.putObject("name");
        name.putArray("components").addObject().put("kind", "given").put("value", given);
        ((com.fasterxml.jackson.databind.node.ArrayNode) name.get("components")).addObject().put("kind", "surname").put("value", surname);
        ObjectNode e = json.putObject("emails").putObject("e1");
        e.put("address", email);
        e.putObject("contexts").put("work", true);
        return Payload.of(ItemType.CONTACT, json);
    }

    @Test
    void insertUpdateAndDeleteByAnotherClientArriveAsChanges() throws Exception {
        long id = insertPerson("alice", "Hanna", "Schulz");
        List<Change> inserted = await(1, Duration.ofSeconds(10));
        assertThat(inserted).singleElement().isInstanceOfSatisfying(Change.Upsert.class, u -> {
            assertThat(u.scope()).isEqualTo(ALICE);
            assertThat(u.nativeId()).isEqualTo("people/" + id);
            assertThat(u.payload().json().at("/name/full").asText()).isEqualTo("Hanna Schulz");
            assertThat(u.payload().json().at("/emails/work/address").asText()).isEqualTo("hanna@example.org");
            assertThat(u.payload().json().at("/emails/work/contexts/work").asBoolean()).isTrue();
        });

        db.execute("UPDATE people SET last_name = 'Schulz-Meyer' WHERE id = " + id);
        List<Change> updated = await(1, Duration.ofSeconds(10));
        assertThat(updated).singleElement().isInstanceOfSatisfying(Change.Upsert.class,
                u -> assertThat(u.payload().json().at("/name/full").asText()).isEqualTo("Hanna Schulz-Meyer"));

        db.execute("DELETE FROM people WHERE id = " + id);
        assertThat(await(1, Duration.ofSeconds(10))).containsExactly(new Change.Delete(ALICE, "people/" + id));
    }

    @Test
    void softDeleteArrivesAsDelete() throws Exception {
        long id = insertPerson("alice", "Lukas", "Brandt");
        await(1, Duration.ofSeconds(10));
        db.execute("UPDATE people SET removed = 1 WHERE id = " + id);
        assertThat(await(1, Duration.ofSeconds(10))).containsExactly(new Change.Delete(ALICE, "people/" + id));
    }

    @Test
    void aRowMovedToAnotherUserLeavesTheOldScopeAndEntersTheNew() throws Exception {
        long id = insertPerson("alice", "Camille", "Durand");
        await(1, Duration.ofSeconds(10));
        db.execute("UPDATE people SET owner = 'bob' WHERE id = " + id);
        List<Change> moved = await(2, Duration.ofSeconds(10));
        assertThat(moved).hasSize(2);
        assertThat(moved.get(0)).isEqualTo(new Change.Delete(ALICE, "people/" + id));
        assertThat(moved.get(1).scope()).isEqualTo(new Scope("bob", ItemType.CONTACT));
    }

    @Test
    void ownWritesAreNotEchoedButLaterEditsByOthersAre() throws Exception {
        List<WriteResult> results = connector.setChanges(List.of(new Write.Create("g-" + UUID.randomUUID(), ALICE,
                card("Maya", "Patel", "maya@example.org"))));
        WriteResult.Written w = (WriteResult.Written) results.getFirst();
        assertThat(await(1, Duration.ofMillis(800))).isEmpty();

        String id = w.nativeId().substring("people/".length());
        db.execute("UPDATE people SET first_name = 'Maya R.' WHERE id = " + id);
        assertThat(await(1, Duration.ofSeconds(10))).singleElement().isInstanceOfSatisfying(Change.Upsert.class,
                u -> assertThat(u.version()).isNotEqualTo(w.version()));
    }

    @Test
    void createReturnsTheDatabaseIdAndStoresTheScopeUser() throws Exception {
        WriteResult.Written w = (WriteResult.Written) connector.setChanges(List.of(new Write.Create("g-" + UUID.randomUUID(),
                new Scope("bob", ItemType.CONTACT), card("Ingrid", "Solberg", "ingrid@example.org")))).getFirst();
        assertThat(w.nativeId()).matches("people/\\d+");
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT owner, first_name, last_name, email, row_version FROM people WHERE id = "
                        + w.nativeId().substring(7))) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("bob");
            assertThat(rs.getString(2)).isEqualTo("Ingrid");
            assertThat(rs.getString(3)).isEqualTo("Solberg");
            assertThat(rs.getString(4)).isEqualTo("ingrid@example.org");
            assertThat(rs.getInt(5)).isEqualTo(1);
        }
    }

    @Test
    void aRetriedCreateWithTheSameGlobalIdFindsTheRowInsteadOfInsertingAgain() throws Exception {
        String gid = "g-" + UUID.randomUUID();
        Write.Create create = new Write.Create(gid, ALICE, card("Nils", "Haugen", "nils@example.org"));
        WriteResult.Written first = (WriteResult.Written) connector.setChanges(List.of(create)).getFirst();
        WriteResult.Written again = (WriteResult.Written) connector.setChanges(List.of(create)).getFirst();
        assertThat(again.nativeId()).isEqualTo(first.nativeId());
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM people WHERE ext_ref = '" + gid + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void anUpdateOnAStaleVersionFailsItsPreconditionAndOneOnAVanishedRowIsGone() throws Exception {
        WriteResult.Written w = (WriteResult.Written) connector.setChanges(List.of(new Write.Create("g-" + UUID.randomUUID(),
                ALICE, card("Ethan", "Brooks", "ethan@example.org")))).getFirst();
        String id = w.nativeId().substring(7);
        db.execute("UPDATE people SET first_name = 'Ethan J.' WHERE id = " + id);
        WriteResult stale = connector.setChanges(List.of(new Write.Update("g", ALICE, w.nativeId(), Optional.of(w.version()),
                card("Ethan", "Brooks", "e.brooks@example.org")))).getFirst();
        assertThat(stale).isInstanceOf(WriteResult.PreconditionFailed.class);
        WriteResult staleDelete = connector.setChanges(List.of(new Write.Delete("g", ALICE, w.nativeId(), Optional.of(w.version())))).getFirst();
        assertThat(staleDelete).isInstanceOf(WriteResult.PreconditionFailed.class);

        db.execute("DELETE FROM people WHERE id = " + id);
        WriteResult gone = connector.setChanges(List.of(new Write.Update("g", ALICE, w.nativeId(), Optional.empty(),
                card("Ethan", "Brooks", "e.brooks@example.org")))).getFirst();
        assertThat(gone).isInstanceOf(WriteResult.Gone.class);
        assertThat(connector.setChanges(List.of(new Write.Delete("g", ALICE, w.nativeId(), Optional.empty()))).getFirst())
                .isInstanceOf(WriteResult.Deleted.class);
    }

    @Test
    void anUpdateWithTheCurrentVersionIsWrittenAndADeleteIsSoft() throws Exception {
        WriteResult.Written w = (WriteResult.Written) connector.setChanges(List.of(new Write.Create("g-" + UUID.randomUUID(),
                ALICE, card("Sofia", "Rossi", "sofia@example.org")))).getFirst();
        WriteResult.Written updated = (WriteResult.Written) connector.setChanges(List.of(new Write.Update("g", ALICE, w.nativeId(),
                Optional.of(w.version()), card("Sofia", "Rossi", "s.rossi@example.org")))).getFirst();
        assertThat(updated.version()).isNotEqualTo(w.version());
        assertThat(connector.setChanges(List.of(new Write.Delete("g", ALICE, w.nativeId(), Optional.of(updated.version())))).getFirst())
                .isInstanceOf(WriteResult.Deleted.class);
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT email, removed, row_version FROM people WHERE id = " + w.nativeId().substring(7))) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("s.rossi@example.org");
            assertThat(rs.getInt(2)).isEqualTo(1);
            assertThat(rs.getInt(3)).isEqualTo(3);
        }
        // Our own writes come back only as deletes, so a hub that lost the delete's reply learns of it.
        assertThat(await(2, Duration.ofMillis(500))).containsExactly(new Change.Delete(ALICE, w.nativeId()));
    }

    @Test
    void whatTheTableCannotHoldIsCarriedAndSurvivesAnotherClientsEdit() throws Exception {
        ObjectNode json = card("Amara", "Okafor", "amara@example.org").json();
        json.putObject("media").putObject("m1").put("kind", "photo").put("uri", "data:image/jpeg;base64,/9j/4AAQ");
        json.putObject("nicknames").putObject("n1").put("name", "Ama");
        Payload written = Payload.of(ItemType.CONTACT, json);
        WriteResult.Written w = (WriteResult.Written) connector.setChanges(List.of(new Write.Create("g-" + UUID.randomUUID(), ALICE,
                written))).getFirst();
        assertThat(w.stored().orElse(written).contentHash()).as("the row and its carry hold all that was written")
                .isEqualTo(written.contentHash());

        db.execute("UPDATE people SET first_name = 'Amara N.' WHERE id = " + w.nativeId().substring(7));
        Change.Upsert edited = (Change.Upsert) await(1, Duration.ofSeconds(10)).getFirst();
        ObjectNode read = edited.payload().json();
        assertThat(read.at("/name/full").asText()).isEqualTo("Amara N. Okafor");
        assertThat(read.at("/media/m1/uri").asText()).startsWith("data:image/jpeg");
        assertThat(read.at("/nicknames/n1/name").asText()).isEqualTo("Ama");
        assertThat(read.at("/uid").asText()).isEqualTo(written.uid().orElseThrow());
        assertThat(edited.version()).isNotEqualTo(w.version());
    }

    @Test
    void withoutCarryAWriteReportsWhatTheRowStoresSoItsEchoIsRecognized() throws Exception {
        try (JdbcConnector plain = connector("crm_plain", Map.of("carry", false))) {
            plain.open();
            Payload written = card("Tomas", "Novak", "tomas@example.org");
            WriteResult.Written w = (WriteResult.Written) plain.setChanges(List.of(new Write.Create("g-" + UUID.randomUUID(), ALICE,
                    written))).getFirst();
            assertThat(w.stored()).isPresent();
            assertThat(w.stored().get().contentHash()).as("a derived UID, no contexts the table cannot keep")
                    .isNotEqualTo(written.contentHash());
            Change.Upsert echo = drainAll(plain).stream().filter(c -> c.nativeId().equals(w.nativeId()))
                    .map(c -> (Change.Upsert) c).findFirst().orElseThrow();
            assertThat(echo.payload().contentHash()).isEqualTo(w.stored().get().contentHash());
            assertThat(echo.version()).isEqualTo(w.version());
        } finally {
            db.execute("DELETE FROM concord_change_log_readers WHERE reader = 'concord:crm_plain'"); // holds back no pruning
        }
    }

    /** Everything a full read reports. */
    static List<Change> drainAll(JdbcConnector c) throws Exception {
        List<Change> out = new ArrayList<>();
        Cursor at = Cursor.START;
        ChangeBatch b;
        do {
            b = c.getChanges(new FeedRequest(at, 500, Duration.ZERO, true, KnownObjects.NONE));
            out.addAll(b.changes());
            at = b.next();
        } while (b.more());
        return out;
    }

    @Test
    void aRowThatCannotBeConvertedIsUnreadableNamingTableIdAndColumn() throws Exception {
        long id = insertPerson("alice", "Julien", "ONeil");
        db.execute("UPDATE people SET born = '31.02.1990' WHERE id = " + id);
        List<Change> changes = await(1, Duration.ofSeconds(10));
        assertThat(changes).last().isInstanceOfSatisfying(Change.Unreadable.class, u -> {
            assertThat(u.nativeId()).isEqualTo("people/" + id);
            assertThat(u.reason()).contains("table people", "id " + id, "column born", "31.02.1990");
        });
    }

    @Test
    void aLostConnectionIsRetryableAndTheNextCallReconnects() throws Exception {
        db.killSessions();
        assertThatThrownBy(() -> connector.getChanges(new FeedRequest(cursor, 10, Duration.ZERO, false, KnownObjects.NONE)))
                .isInstanceOf(RetryableConnectorException.class)
                .hasMessageContaining("jdbc 'crm'");
        long id = insertPerson("alice", "Back", "Again");
        assertThat(await(1, Duration.ofSeconds(10))).singleElement()
                .satisfies(c -> assertThat(c.nativeId()).isEqualTo("people/" + id));
        assertThat(connector.ping()).isInstanceOf(org.concord.spi.Health.Up.class);
    }

    @Test
    void installingAgainLeavesExactlyOneTriggerPerEvent() throws Exception {
        connector.install();
        connector.install();
        assertThat(connector.describeInstall()).contains("people", "concord_change_log");
        long id = insertPerson("alice", "Once", "Only");
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM concord_change_log WHERE table_name = 'people' AND row_id = '" + id + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void theChangeLogIsPrunedOnceEveryReaderReadPastIt() throws Exception {
        insertPerson("alice", "Prune", "Me");
        await(1, Duration.ofSeconds(10));
        connector.getChanges(new FeedRequest(cursor, 10, Duration.ZERO, false, KnownObjects.NONE)); // the engine stored the cursor
        connector.pruneChangeLog();
        long high = ((FeedCursor.Log) FeedCursor.parse(cursor, "test")).safe();
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM concord_change_log WHERE modid <= " + high)) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void aBlockingReadWakesSoonAfterAnotherClientCommits() throws Exception {
        long id = insertPerson("alice", "Wake", "Up");
        await(1, Duration.ofSeconds(10));
        Thread writer = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(300);
                db.execute("UPDATE people SET first_name = 'Awake' WHERE id = " + id);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long start = System.nanoTime();
        ChangeBatch b = connector.getChanges(new FeedRequest(cursor, 10, Duration.ofSeconds(20), false, KnownObjects.NONE));
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        writer.join();
        assertThat(b.changes()).hasSize(1);
        assertThat(elapsedMs).isLessThan(5_000);
        cursor = b.next();
    }

    @Test
    void pollingWithoutTriggersSeesUpdatesAndSoftDeletes() throws Exception {
        try (JdbcConnector polling = connector("crm_polling", Map.of("capture", "polling", "poll-lag", "1s", "poll-interval", "50ms"))) {
            polling.open();
            Cursor at = drain(polling, Cursor.START);
            long id = insertPerson("alice", "Polly", "Poller");
            List<Change> seen = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (seen.stream().noneMatch(c -> c.nativeId().equals("people/" + id)) && System.nanoTime() < deadline) {
                ChangeBatch b = polling.getChanges(new FeedRequest(at, 100, Duration.ofSeconds(3), false, KnownObjects.NONE));
                seen.addAll(b.changes());
                at = b.next();
            }
            assertThat(seen).anySatisfy(c -> assertThat(c).isInstanceOf(Change.Upsert.class).extracting(Change::nativeId).isEqualTo("people/" + id));
            db.execute("UPDATE people SET removed = 1, updated_at = CURRENT_TIMESTAMP WHERE id = " + id);
            seen.clear();
            deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                ChangeBatch b = polling.getChanges(new FeedRequest(at, 100, Duration.ofSeconds(3), false, KnownObjects.NONE));
                seen.addAll(b.changes());
                at = b.next();
            }
            assertThat(seen).contains(new Change.Delete(ALICE, "people/" + id));
        }
    }
}
