package org.concord.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.concord.connector.vdir.VdirConnectorFactory;
import org.concord.engine.ConflictSettings;
import org.concord.engine.Engine;
import org.concord.engine.SyncReport;
import org.concord.engine.SystemSpec;
import org.concord.engine.Tuning;
import org.concord.engine.UserMap;
import org.concord.spi.SystemConfig;
import org.concord.store.Store;
import org.concord.store.jdbc.Stores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The demo CRM and a folder kept in sync by the engine, as a user runs it: the CRM's objects
 * arrive in the folder; another SQL client's UPDATE, DELETE and soft delete follow; a card created
 * in the folder becomes a row of its user and keeps in the folder what the CRM cannot hold (a
 * photo, a nickname, its UID) when a CRM user edits it; a restart repeats nothing. The steps run
 * in order on one database and folder. Subclassed per server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CrmFolderSync {
    private static final Duration MAX = Duration.ofSeconds(30);
    /** A 1x1 JPEG: what a phone puts in a contact's PHOTO. */
    private static final String PHOTO = "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////"
            + "////////////////////////////wAALCAABAAEBAREA/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/2gAIAQEAAD8AN//Z";

    abstract TestDatabase.Server server();

    TestDatabase db;
    Path dir;
    Path folder;
    Store store;
    Engine engine;

    @BeforeAll
    void createCrmAndFolder() throws Exception {
        db = TestDatabase.create(server());
        try (Connection c = db.connect()) {
            DemoCrm.create(c);
        }
        dir = Files.createTempDirectory("concord-crm-folder");
        folder = dir.resolve("folder");
        store = Stores.open("state/concord.db", dir);
        engine = engine(true);
    }

    @AfterAll
    void dropCrmAndFolder() throws Exception {
        if (engine != null) {
            engine.close();
        }
        if (store != null) {
            store.close();
        }
        if (db != null) {
            db.close();
        }
        if (dir != null) {
            try (Stream<Path> s = Files.walk(dir)) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    /** The two systems built from config maps through their factories, as the app does. */
    private Engine engine(boolean install) throws Exception {
        JdbcConnector crm = (JdbcConnector) new JdbcConnectorFactory().create(
                db.config("crm", Map.of("preset", "crm", "time-zone", "Europe/Berlin")));
        if (install) {
            crm.install();
        }
        var vdir = new VdirConnectorFactory().create(new SystemConfig("folder", Map.of("connector", "vdir", "path", "folder"), dir));
        Tuning quick = new Tuning(500, 100, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(5));
        return new Engine(store, List.of(new SystemSpec("crm", crm, Duration.ofSeconds(1)), new SystemSpec("folder", vdir, Duration.ofSeconds(1))),
                UserMap.identity(), ConflictSettings.defaults(), quick, Clock.systemUTC());
    }

    @Test
    @Order(1)
    void initialSyncBringsTheCrmsContactsMeetingsTasksAndNotesIntoTheFolder() throws Exception {
        engine.start();
        await(() -> files().size() == 25);
        assertThat(files("alice/contacts")).hasSize(5);
        assertThat(files("alice/calendar")).hasSize(5); // three meetings and two calls
        assertThat(files("alice/tasks")).hasSize(2);
        assertThat(files("alice/notes")).hasSize(2);
        assertThat(files("bob/contacts")).hasSize(4);
        assertThat(files("bob/calendar")).hasSize(3);
        assertThat(files("bob/tasks")).hasSize(3);
        assertThat(files("bob/notes")).hasSize(1);
        assertThat(text(file("Hanna"))).contains("N:Schulz;Hanna;;Ms.;", "hanna.schulz@northwind.example", "+49 171 5550101");
        assertThat(text(file("Quarterly review"))).contains("DTSTART;TZID=Europe/Berlin:20250402T100000");
        assertThat(all()).contains("Send proposal", "Pricing expectations").doesNotContain("Old", "Northwind Traders");
        awaitQuiet();
    }

    @Test
    @Order(2)
    void anUpdateByAnotherSqlClientArrivesInTheFolder() throws Exception {
        List<Long> millis = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            String title = "Quarterly review moved " + i;
            db.execute("UPDATE meetings SET name = '" + title + "', date_modified = CURRENT_TIMESTAMP WHERE id = 1");
            millis.add(await(() -> all().contains(title)).toMillis());
        }
        Collections.sort(millis);
        System.out.printf("%s: an UPDATE by another SQL client reached the folder in %d ms (median of 5; min %d, max %d)%n",
                server(), millis.get(2), millis.getFirst(), millis.getLast());
        assertThat(files("alice/calendar")).hasSize(5);
        awaitQuiet();
    }

    @Test
    @Order(3)
    void aDeleteAndASoftDeleteInTheCrmRemoveTheirFiles() throws Exception {
        db.execute("DELETE FROM notes WHERE id = 1", "UPDATE tasks SET deleted = 1, date_modified = CURRENT_TIMESTAMP WHERE id = 2");
        await(() -> !all().contains("Pricing expectations") && !all().contains("Prepare demo data"));
        assertThat(files("alice/notes")).hasSize(1);
        assertThat(files("alice/tasks")).hasSize(1);
        awaitQuiet();
    }

    @Test
    @Order(4)
    void aCardCreatedInTheFolderBecomesARowOfItsUserAndKeepsWhatTheCrmCannotHold() throws Exception {
        Path card = folder.resolve("bob/contacts/greta-lind.vcf");
        Files.writeString(card, String.join("\r\n", "BEGIN:VCARD", "VERSION:3.0", "UID:greta-lind-1", "FN:Greta Lind",
                "N:Lind;Greta;;;", "NICKNAME:Gee", "EMAIL;TYPE=WORK:greta@lind.example", "TEL;TYPE=CELL:+49 171 7654321",
                "PHOTO;ENCODING=b;TYPE=JPEG:" + PHOTO, "END:VCARD", ""));
        await(() -> row("SELECT u.user_name FROM contacts c JOIN users u ON u.id = c.assigned_user_id"
                + " WHERE c.last_name = 'Lind' AND c.first_name = 'Greta' AND c.deleted = 0").isPresent());
        assertThat(row("SELECT u.user_name FROM contacts c JOIN users u ON u.id = c.assigned_user_id WHERE c.last_name = 'Lind'"))
                .contains("bob");
        String id = row("SELECT id FROM contacts WHERE last_name = 'Lind'").orElseThrow();
        assertThat(row("SELECT phone_mobile FROM contacts WHERE id = " + id)).contains("+49 171 7654321");
        assertThat(row("SELECT email_address FROM email_addresses WHERE bean_module = 'Contacts' AND deleted = 0 AND bean_id = " + id))
                .contains("greta@lind.example");
        awaitQuiet();
        assertThat(text(card)).as("the folder's card after the CRM took it").contains("PHOTO", "NICKNAME:Gee", "UID:greta-lind-1");

        // A CRM user edits another field: the card in the folder changes, and keeps its photo.
        db.execute("UPDATE contacts SET title = 'Chief Buyer', date_modified = CURRENT_TIMESTAMP WHERE id = " + id);
        await(() -> text(card).contains("Chief Buyer"));
        assertThat(text(card)).contains("PHOTO", PHOTO.substring(0, 40), "NICKNAME:Gee", "UID:greta-lind-1",
                "greta@lind.example", "+49 171 7654321");
        awaitQuiet();
        assertThat(files("bob/contacts")).hasSize(5);
    }

    @Test
    @Order(5)
    void aDeleteInTheFolderSoftDeletesTheRow() throws Exception {
        Files.delete(file("Lukas"));
        await(() -> row("SELECT deleted FROM contacts WHERE id = 2").filter(d -> d.equals("1") || d.equals("true")).isPresent());
        awaitQuiet();
    }

    @Test
    @Order(6)
    void aSecondSyncWithNoChangesWritesNothingAndARestartRepeatsNothing() throws Exception {
        awaitQuiet();
        engine.close();
        Map<String, String> folderBefore = snapshot();
        String crmBefore = crmFingerprint();

        engine = engine(false);
        SyncReport first = engine.syncOnce(MAX);
        assertThat(first.read()).as("changes read after a restart").isZero();
        assertThat(first.written()).as("writes after a restart").isZero();
        assertThat(first.complete()).isTrue();
        SyncReport second = engine.syncOnce(MAX);
        assertThat(second.read()).as("changes read by a second sync").isZero();
        assertThat(second.written()).as("writes by a second sync").isZero();
        assertThat(snapshot()).isEqualTo(folderBefore);
        assertThat(crmFingerprint()).isEqualTo(crmBefore);
    }

    // ---- helpers

    private void awaitQuiet() throws InterruptedException {
        await(() -> engine.status().pending() == 0);
        assertThat(engine.status().errors()).as("sync errors").isZero();
    }

    private static Duration await(BooleanSupplier condition) throws InterruptedException {
        long start = System.nanoTime();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - start > MAX.toNanos()) {
                throw new AssertionError("not within " + MAX);
            }
            Thread.sleep(2);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private List<Path> files() {
        return files("");
    }

    private List<Path> files(String under) {
        Path root = folder.resolve(under);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of(); // a file replaced while listing: ask again
        }
    }

    private static String text(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private String all() {
        StringBuilder b = new StringBuilder();
        files().forEach(p -> b.append(text(p)));
        return b.toString();
    }

    private Path file(String containing) {
        return files().stream().filter(p -> text(p).contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no file in the folder contains '" + containing + "'"));
    }

    private Map<String, String> snapshot() {
        Map<String, String> out = new TreeMap<>();
        files().forEach(p -> out.put(folder.relativize(p).toString(), text(p)));
        return out;
    }

    /** Changes to any object table of the CRM change this. */
    private String crmFingerprint() throws Exception {
        StringBuilder b = new StringBuilder();
        for (String t : List.of("contacts", "meetings", "calls", "tasks", "notes")) {
            b.append(row("SELECT COUNT(*) FROM " + t).orElse("")).append('/')
                    .append(row("SELECT MAX(date_modified) FROM " + t).orElse("")).append(' ');
        }
        return b.append(row("SELECT COUNT(*) FROM email_addresses").orElse("")).toString();
    }

    /** The first column of the first row, as text. */
    private Optional<String> row(String sql) {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
