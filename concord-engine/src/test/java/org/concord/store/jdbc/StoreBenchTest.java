package org.concord.store.jdbc;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.concord.model.Contact;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.spi.Cursor;
import org.concord.store.Item;
import org.concord.store.Link;
import org.concord.store.Pending;
import org.concord.store.PendingOp;
import org.concord.store.Store;
import org.concord.store.StoreTx;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rates of the store under the engine's access pattern; prints figures, asserts nothing. Excluded
 * from normal builds; run with
 * {@code ./mvnw -pl concord-engine -am test -Dtest=StoreBenchTest -Dconcord.excludedGroups=none
 * -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.changes=200000] [-Dbench.backend=postgresql]}.
 */
@Tag("bench")
class StoreBenchTest {

    private static final int BATCH = 500;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final List<String> SYSTEMS = List.of("groupware", "crm", "archive");

    @TempDir
    Path dir;

    @Test
    void readerBatchesAndWriterDrain() throws Exception {
        int changes = Integer.getInteger("bench.changes", 100_000);
        boolean postgres = "postgresql".equals(System.getProperty("bench.backend"));
        String database = "concord_bench_" + System.nanoTime();
        if (postgres) {
            admin("CREATE DATABASE " + database);
        }
        String location = postgres ? "jdbc:postgresql://127.0.0.1:5432/" + database + "?user=postgres" : "bench/concord.db";
        try (Store store = Stores.open(location, dir)) {
            System.out.printf("%s, %,d changes from %s, batches of %d%n", store.describe(), changes, SYSTEMS.get(0), BATCH);
            readLikeTheEngine(store, changes, "first read (new items)");
            readLikeTheEngine(store, changes, "second read (known items)");
            putPendingOnly(store, changes);
            drainLikeAWriter(store, "crm");
        } finally {
            if (postgres) {
                admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            }
        }
    }

    /** Per change: link lookup, item (new ones), link save, a pending entry for every other system. */
    private static void readLikeTheEngine(Store store, int changes, String label) {
        String origin = SYSTEMS.get(0);
        Payload payload = payload(0);
        Instant now = Instant.now();
        AtomicLong puts = new AtomicLong();
        long[] bodyEnd = new long[1];
        long commitNanos = 0;
        long start = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int from = 0; from < changes; from += BATCH) {
            int first = from;
            store.transact((StoreTx tx) -> {
                for (int i = first; i < Math.min(first + BATCH, changes); i++) {
                    String nativeId = "contact-" + i + ".vcf";
                    Optional<Link> link = tx.link(origin, nativeId);
                    String globalId = link.map(Link::globalId).orElse("item-" + i);
                    if (link.isEmpty()) {
                        tx.saveItem(new Item(globalId, "alice", ItemType.CONTACT, java.util.Optional.empty(), now));
                    }
                    tx.saveLink(new Link(origin, nativeId, globalId, "alice", ItemType.CONTACT, "etag-" + i,
                            payload.contentHash(), payload.fieldHashes(), now));
                    for (String target : SYSTEMS.subList(1, SYSTEMS.size())) {
                        tx.putPending(target, globalId, PendingOp.UPSERT, Optional.of(payload), origin, now);
                        puts.incrementAndGet();
                    }
                }
                tx.saveCursor(origin, new Cursor(Integer.toString(first + BATCH)));
                bodyEnd[0] = System.nanoTime();
                return null;
            });
            commitNanos += System.nanoTime() - bodyEnd[0];
        }
        report(label, changes, "changes", start, cpu);
        report("  of which putPending", puts.get(), "puts", start, cpu);
        System.out.printf("    time in commit (WAL write, fsync, checkpoints): %.2f s%n", commitNanos / 1e9);
    }

    /** putPending alone, new payload object per call (no serialization reuse), 500 per transaction. */
    private static void putPendingOnly(Store store, int count) {
        List<Payload> payloads = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            payloads.add(payload(i));
        }
        Instant now = Instant.now();
        long start = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int from = 0; from < count; from += BATCH) {
            int first = from;
            store.transact((StoreTx tx) -> {
                for (int i = first; i < Math.min(first + BATCH, count); i++) {
                    tx.putPending("archive", "item-" + i, PendingOp.UPSERT, Optional.of(payloads.get(i % 50)), "crm", now);
                }
                return null;
            });
        }
        report("putPending only (replacing)", count, "puts", start, cpu);
    }

    /** A writer: due entries in batches, each removed in its own small transaction per batch. */
    private static void drainLikeAWriter(Store store, String target) {
        long start = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long done = 0;
        Instant now = Instant.now().plusSeconds(1);
        while (true) {
            List<Pending> due = store.read((StoreTx tx) -> tx.duePending(target, now, BATCH));
            if (due.isEmpty()) {
                break;
            }
            store.transact((StoreTx tx) -> {
                for (Pending p : due) {
                    tx.removePending(p.target(), p.globalId(), p.seq());
                }
                return null;
            });
            done += due.size();
        }
        report("writer drain (duePending + removePending)", done, "entries", start, cpu);
    }

    /**
     * Wall time, and the rate the calling thread's CPU time allows: on a shared machine the second
     * figure is steadier (it leaves out waiting for the disk and for other processes).
     */
    private static void report(String label, long count, String unit, long startNanos, long startCpuNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - startCpuNanos) / 1e9;
        System.out.printf("  %-42s %,9d %s in %6.2f s = %,8.0f/s (CPU %5.2f s = %,8.0f/s)%n",
                label, count, unit, seconds, count / seconds, cpuSeconds, count / cpuSeconds);
    }

    private static Payload payload(int n) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("uid", "urn:uuid:5f1c3a1e-0000-4000-8000-" + String.format("%012d", n));
        json.put("updated", "2025-03-01T10:00:00Z");
        ObjectNode name = json.putObject("name");
        name.put("full", "Ann Example " + n);
        name.putArray("components").addObject().put("kind", "given").put("value", "Ann");
        json.putObject("emails").putObject("e1").put("address", "ann" + n + "@example.org");
        json.putObject("phones").putObject("p1").put("number", "+49 30 1234567" + n);
        ObjectNode address = json.putObject("addresses").putObject("a1");
        address.put("full", "Examplestrasse " + n + ", 10115 Berlin, Germany");
        json.putObject("organizations").putObject("o1").put("name", "Example GmbH");
        json.putObject("notes").putObject("n1").put("note", "met at the fair; wants the catalogue ".repeat(3));
        return new Contact(json);
    }

    private static void admin(String sql) throws SQLException {
        try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
                Statement statement = admin.createStatement()) {
            statement.execute(sql);
        }
    }

}
