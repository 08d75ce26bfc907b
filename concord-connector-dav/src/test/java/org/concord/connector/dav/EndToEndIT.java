package org.concord.connector.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.concord.codec.ICalCodec;
import org.concord.codec.VCardCodec;
import org.concord.connector.dav.testing.DavTestServer;
import org.concord.connector.dav.testing.PlainClient;
import org.concord.connector.dav.testing.Radicale;
import org.concord.connector.dav.testing.Xandikos;
import org.concord.connector.vdir.VdirConnectorFactory;
import org.concord.engine.ConflictSettings;
import org.concord.engine.Engine;
import org.concord.engine.EngineMetrics;
import org.concord.engine.SyncReport;
import org.concord.engine.SystemSpec;
import org.concord.engine.Tuning;
import org.concord.engine.UserMap;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.spi.Connector;
import org.concord.spi.SystemConfig;
import org.concord.store.Store;
import org.concord.store.SyncError;
import org.concord.store.jdbc.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scenario through the engine and the SQLite store: Radicale, Xandikos and a vdir
 * folder. Contacts and events (a quarter of the events recurring with a moved occurrence, three
 * time zones) placed in Radicale converge in all three with the same content and no duplicates;
 * a phone's edit, create and delete on Radicale arrive in Xandikos and in the folder; a second
 * sync without changes asks each server one small question per collection and fetches no item;
 * a broken vCard on Xandikos is a sync error naming its href while a good change next to it
 * syncs. Last, with the engine running and polling every 250 ms, the delay from a PUT on Radicale
 * to the item's arrival in Xandikos (and in the folder) is measured.
 */
class EndToEndIT {
    /**
     * The volume (1,000 contacts + 500 events) takes minutes, nearly all of it Xandikos
     * committing each PUT to git; the regular run uses a tenth of it, CONCORD_DAV_E2E_FULL=1 the whole.
     */
    private static final boolean FULL = "1".equals(System.getenv("CONCORD_DAV_E2E_FULL"));
    private static final int CONTACTS = FULL ? 1000 : 100;
    private static final int EVENTS = FULL ? 500 : 50;
    private static final int ARRIVALS = FULL ? 40 : 5;
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Tuning TUNING =
            new Tuning(500, 100, Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(5));

    /** The connectors of one engine, kept to read their request counters. */
    private record Hub(Engine engine, DavConnector radicale, DavConnector xandikos) {}

    @Test
    void radicaleXandikosAndAFolderConvergeAndStayInSync(@TempDir Path state) throws Exception {
        Path folder = state.resolve("folder");
        try (Radicale radicale = Radicale.start(); Xandikos xandikos = Xandikos.start();
                Store store = Stores.open(state.resolve("concord.db").toString(), state)) {
            Map<ItemType, Map<String, Payload>> expected = seed(radicale);

            Hub hub = hub(store, radicale, xandikos, folder);
            long started = System.nanoTime();
            SyncReport first = hub.engine().syncOnce(Duration.ofMinutes(FULL ? 30 : 5));
            long firstMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("dav end-to-end: first sync of %d contacts + %d events from Radicale to Xandikos and a folder:"
                    + " %d ms (%s); load average %s%n", CONTACTS, EVENTS, firstMillis, first, loadAverage());
            assertThat(first.complete()).as("first sync completes: %s", first).isTrue();
            assertConverged(expected, radicale, xandikos, folder);

            long[] before = counters(hub);
            long idleStarted = System.nanoTime();
            SyncReport idle = hub.engine().syncOnce(Duration.ofMinutes(1));
            long idleMillis = (System.nanoTime() - idleStarted) / 1_000_000;
            long[] after = counters(hub);
            System.out.printf("dav end-to-end: second sync without changes: %d ms; Radicale %d requests / %d bytes,"
                    + " Xandikos %d requests / %d bytes (%s)%n", idleMillis, after[0] - before[0], after[1] - before[1],
                    after[2] - before[2], after[3] - before[3], idle);
            assertThat(idle.read()).isZero();
            assertThat(idle.written()).isZero();
            // One sync-collection REPORT per collection and round, each answering "nothing new":
            // no multiget, so no item data.
            assertThat(after[0] - before[0]).as("requests to Radicale").isEqualTo(2L * idle.rounds());
            assertThat(after[2] - before[2]).as("requests to Xandikos").isEqualTo(2L * idle.rounds());
            assertThat(after[1] - before[1] + after[3] - before[3]).as("bytes received").isLessThan(1_000L * 4 * idle.rounds());

            PlainClient phone = radicale.plainClient();
            String edited = Corpus.contact(1).replace("FN:Person 1\r\n", "FN:Person One Edited\r\n");
            String created = DavConnectorIT.vcard("phone-new", "Fresh From Phone");
            assertThat(phone.put("/alice/contacts/c1.vcf", edited).status()).isIn(201, 204);
            assertThat(phone.put("/alice/contacts/phone-new.vcf", created).status()).isEqualTo(201);
            assertThat(phone.delete("/alice/contacts/c2.vcf").status()).isIn(200, 204);
            expected.get(ItemType.CONTACT).put("contact-1", VCardCodec.decode(edited));
            expected.get(ItemType.CONTACT).put("phone-new", VCardCodec.decode(created));
            expected.get(ItemType.CONTACT).remove("contact-2");
            SyncReport edits = hub.engine().syncOnce(Duration.ofMinutes(1));
            assertThat(edits.complete()).as("phone edits sync: %s", edits).isTrue();
            assertConverged(expected, radicale, xandikos, folder);
            List<Path> files = files(folder.resolve("alice").resolve("contacts"));
            assertThat(files).as("one file per contact in the folder").hasSize(CONTACTS);
            assertThat(files.stream().filter(f -> read(f).contains("FN:Person One Edited"))).hasSize(1);
            assertThat(files.stream().filter(f -> read(f).contains("UID:phone-new"))).hasSize(1);
            assertThat(files.stream().filter(f -> read(f).contains("UID:contact-2\r\n"))).isEmpty();

            PlainClient xPhone = xandikos.plainClient();
            String alongside = DavConnectorIT.vcard("next-to-broken", "Synced Despite A Broken Neighbour");
            assertThat(xPhone.put("/alice/contacts/addressbook/broken.vcf", DavConnectorIT.BROKEN_VCARD).status()).isEqualTo(201);
            assertThat(xPhone.put("/alice/contacts/addressbook/good.vcf", alongside).status()).isEqualTo(201);
            expected.get(ItemType.CONTACT).put("next-to-broken", VCardCodec.decode(alongside));
            hub.engine().syncOnce(Duration.ofMinutes(1));
            List<SyncError> errors = store.read(tx -> tx.errors(Optional.empty(), 10));
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.system()).isEqualTo("xandikos");
                assertThat(e.objectRef()).isEqualTo("/alice/contacts/addressbook/broken.vcf");
                assertThat(e.message()).contains("/alice/contacts/addressbook/broken.vcf").contains("exactly one VCARD");
            });
            assertConverged(expected, radicale, xandikos, folder);
            hub.engine().close();

            Hub running = hub(store, radicale, xandikos, folder);
            try {
                measureArrivals(running, radicale, xandikos);
            } finally {
                running.engine().close();
            }
        }
    }

    /** Creates the collections, places the corpus in Radicale's storage, and returns it decoded. */
    private static Map<ItemType, Map<String, Payload>> seed(Radicale radicale) throws Exception {
        try (DavConnector setup = DavSystems.connector("radicale", settings(radicale))) {
            setup.open();
        }
        // Written to Radicale's storage directly: PUTting them would measure Radicale's PUT,
        // which scans its whole collection on every write.
        Path root = radicale.storage().resolve("collection-root").resolve("alice");
        Map<ItemType, Map<String, Payload>> expected = new EnumMap<>(ItemType.class);
        expected.put(ItemType.CONTACT, new LinkedHashMap<>());
        expected.put(ItemType.EVENT, new LinkedHashMap<>());
        for (int i = 0; i < CONTACTS; i++) {
            String text = Corpus.contact(i);
            Files.writeString(root.resolve("contacts").resolve("c" + i + ".vcf"), text, StandardCharsets.UTF_8);
            expected.get(ItemType.CONTACT).put("contact-" + i, VCardCodec.decode(text));
        }
        for (int i = 0; i < EVENTS; i++) {
            String text = Corpus.event(i);
            Files.writeString(root.resolve("calendar").resolve("e" + i + ".ics"), text, StandardCharsets.UTF_8);
            expected.get(ItemType.EVENT).put("event-" + i, ICalCodec.decode(text));
        }
        return expected;
    }

    private static Hub hub(Store store, Radicale radicale, Xandikos xandikos, Path folder) throws Exception {
        DavConnector r = DavSystems.connector("radicale", settings(radicale));
        DavConnector x = DavSystems.connector("xandikos", settings(xandikos));
        List<SystemSpec> specs = List.of(new SystemSpec("radicale", r, POLL), new SystemSpec("xandikos", x, POLL),
                new SystemSpec("folder", folder(folder), POLL));
        return new Hub(new Engine(store, specs, UserMap.identity(), ConflictSettings.defaults(), TUNING, Clock.systemUTC()),
                r, x);
    }

    private static Map<String, Object> settings(DavTestServer server) {
        Map<String, Object> s = server.systemSettings();
        s.put("types", List.of("contact", "event"));
        s.put("create-collections", true);
        s.put("poll-interval", "250ms");
        return s;
    }

    private static Connector folder(Path folder) throws Exception {
        return new VdirConnectorFactory().create(
                new SystemConfig("folder", Map.of("connector", "vdir", "path", folder.toString()), folder.getParent()));
    }

    /** Each system, read in full by a connector of its own, holds exactly the expected items, once each. */
    private static void assertConverged(Map<ItemType, Map<String, Payload>> expected, Radicale radicale,
            Xandikos xandikos, Path folder) throws Exception {
        Map<String, Snapshot> systems = new LinkedHashMap<>();
        systems.put("radicale", Snapshot.read(DavSystems.connector("check", settings(radicale))));
        systems.put("xandikos", Snapshot.read(DavSystems.connector("check", settings(xandikos))));
        systems.put("folder", Snapshot.read(folder(folder)));
        systems.forEach((name, s) -> {
            assertThat(s.duplicated()).as("%s: UIDs held twice", name).isEmpty();
            for (ItemType type : expected.keySet()) {
                assertThat(s.differences(type, expected.get(type), 5)).as("%s: %s differing from what was expected", name, type)
                        .isEmpty();
            }
        });
        assertThat(systems.get("radicale").unreadable()).isEmpty();
        assertThat(systems.get("folder").unreadable()).isEmpty();
        assertThat(systems.get("xandikos").unreadable()).allMatch(href -> href.endsWith("/broken.vcf"));
    }

    /**
     * Contacts created and edited on Radicale by a plain client, one at a time at random moments
     * relative to the poll. Each is timed from the answer to its PUT (when the change exists on
     * Radicale) until the engine's writer has it stored in Xandikos (the server answered our PUT),
     * as the engine's delivery metric reports it; then a reader of Xandikos checks they are all there.
     */
    private static void measureArrivals(Hub running, Radicale radicale, Xandikos xandikos) throws Exception {
        Map<String, BlockingQueue<Long>> deliveries = new ConcurrentHashMap<>();
        running.engine().setMetrics(new EngineMetrics() {
            @Override
            public void delivered(String system, Duration delay) {
                deliveries.computeIfAbsent(system, s -> new LinkedBlockingQueue<>()).add(System.nanoTime());
            }
        });
        running.engine().start();
        PlainClient phone = radicale.plainClient();
        Random random = new Random(4);
        Map<String, String> sent = new LinkedHashMap<>();
        List<Long> toXandikos = new ArrayList<>();
        List<Long> toFolder = new ArrayList<>();
        List<Long> putTook = new ArrayList<>();
        for (int i = 0; i < ARRIVALS; i++) {
            Thread.sleep(300 + random.nextInt(250));
            deliveries.values().forEach(BlockingQueue::clear);
            boolean create = i % 2 == 0;
            int n = 10 + i;
            String uid = create ? "arrival-" + i : "contact-" + n;
            String label = "Arrival " + i;
            String text = create ? DavConnectorIT.vcard(uid, label)
                    : Corpus.contact(n).replace("FN:Person " + n + "\r\n", "FN:" + label + "\r\n");
            long sending = System.nanoTime();
            assertThat(phone.put(create ? "/alice/contacts/" + uid + ".vcf" : "/alice/contacts/c" + n + ".vcf", text).status())
                    .isIn(201, 204);
            long stored = System.nanoTime();
            putTook.add((stored - sending) / 1_000_000);
            toXandikos.add(arrival(deliveries, "xandikos", uid, stored));
            toFolder.add(arrival(deliveries, "folder", uid, stored));
            sent.put(uid, label);
        }
        Snapshot x = Snapshot.read(DavSystems.connector("check", settings(xandikos)));
        sent.forEach((uid, label) -> assertThat(x.of(ItemType.CONTACT).get(uid)).as("%s in Xandikos", uid)
                .satisfies(p -> assertThat(p.label()).isEqualTo(label)));
        System.out.printf("dav end-to-end: %d PUTs on Radicale (each took %s ms to be answered), poll 250 ms; load average %s%n",
                ARRIVALS, putTook, loadAverage());
        System.out.printf("dav end-to-end: PUT answered on Radicale to stored in Xandikos: %s; in the folder: %s%n",
                summary(toXandikos), summary(toFolder));
    }

    /** Milliseconds from {@code since} to the next delivery to {@code system}. */
    private static long arrival(Map<String, BlockingQueue<Long>> deliveries, String system, String uid, long since)
            throws InterruptedException {
        Long at = deliveries.computeIfAbsent(system, s -> new LinkedBlockingQueue<>()).poll(30, TimeUnit.SECONDS);
        assertThat(at).as("%s delivered to %s within 30 s", uid, system).isNotNull();
        return (at - since) / 1_000_000;
    }

    private static String summary(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return "p50 %d ms, p99 %d ms, max %d ms over %d changes %s".formatted(percentile(sorted, 50), percentile(sorted, 99),
                sorted.getLast(), sorted.size(), millis);
    }

    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** Requests and bytes received so far: Radicale's, then Xandikos'. */
    private static long[] counters(Hub hub) {
        return new long[] {hub.radicale().http().requestCount(), hub.radicale().http().bytesReceived(),
            hub.xandikos().http().requestCount(), hub.xandikos().http().bytesReceived()};
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".vcf")).toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
