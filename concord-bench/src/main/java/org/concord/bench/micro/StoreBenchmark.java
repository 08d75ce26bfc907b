package org.concord.bench.micro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.concord.bench.data.CanonicalContacts;
import org.concord.bench.harness.Folders;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.store.Item;
import org.concord.store.PendingOp;
import org.concord.store.Store;
import org.concord.store.jdbc.Stores;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The store's putPending, as a reader uses it: one transaction of {@value #BATCH} entries, each a
 * contact's payload replacing the entry of an existing item, on SQLite with synchronous=FULL. The
 * score is per entry, the commit (one fsync) shared by the batch; {@code single} is one entry per
 * transaction, which is what a lone change costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StoreBenchmark {
    static final int BATCH = 100;
    private static final int ITEMS = 1_000;

    private Path dir;
    private Store store;
    private String[] ids;
    private Payload[] payloads;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        dir = Files.createTempDirectory("concord-jmh-store-");
        store = Stores.open(dir.resolve("concord.db").toString(), dir);
        CanonicalContacts contacts = new CanonicalContacts(8);
        ids = new String[ITEMS];
        payloads = new Payload[ITEMS];
        Instant now = Instant.now();
        store.transact(tx -> {
            for (int i = 0; i < ITEMS; i++) {
                ids[i] = java.util.UUID.randomUUID().toString();
                payloads[i] = contacts.contact(i, i);
                tx.saveItem(new Item(ids[i], "alice", ItemType.CONTACT, payloads[i].uid(), now));
            }
            return null;
        });
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
        Folders.delete(dir);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int putPendingBatch() {
        Instant now = Instant.now();
        return store.transact(tx -> {
            for (int k = 0; k < BATCH; k++) {
                int i = next++ % ITEMS;
                tx.putPending("target", ids[i], PendingOp.UPSERT, Optional.of(payloads[i]), "source", now);
            }
            return BATCH;
        });
    }

    @Benchmark
    public long putPendingSingle() {
        Instant now = Instant.now();
        int i = next++ % ITEMS;
        return store.transact(tx -> tx.putPending("target", ids[i], PendingOp.UPSERT, Optional.of(payloads[i]), "source", now));
    }
}
