package org.concord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.spi.Change;
import org.concord.spi.Scope;
import org.concord.store.ConflictRecord;
import org.concord.store.Item;
import org.concord.store.Link;
import org.concord.store.Pending;
import org.concord.store.PendingOp;
import org.concord.store.Store;
import org.concord.store.StoreTx;
import org.concord.store.jdbc.Stores;
import org.concord.testkit.InMemoryConnector;
import org.concord.testkit.InMemorySystem;
import org.concord.testkit.Samples;

/**
 * The reader looks a batch's links, items, pending entries and conflicts up front. Whatever the
 * changes of one batch do to each other — the same object twice, two objects of one UID, a delete
 * after an update, a conflict that makes a copy — applying them as one batch leaves exactly the
 * state that applying them one at a time leaves, on the SQLite store (which reads them with a few
 * statements per kind).
 */
class ReadBatchProperties {
    private static final Scope SCOPE = new Scope("alice", ItemType.CONTACT);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Provide
    Arbitrary<List<Change>> changes() {
        Arbitrary<String> nativeId = Arbitraries.integers().between(0, 5).map(i -> "n" + i);
        // the UIDs of the seeded items, which stay the oldest of their UID (two items created in one
        // batch would tie, and which one a UID finds would depend on their random ids), or none
        Arbitrary<Optional<String>> uid = Arbitraries.integers().between(0, 4)
                .map(i -> i == 4 ? Optional.<String>empty() : Optional.of("u" + i));
        Arbitrary<Integer> edit = Arbitraries.integers().between(0, 2);
        Arbitrary<Change> upsert = Combinators.combine(nativeId, uid, edit, Arbitraries.integers().between(0, 99))
                .as((n, u, e, v) -> new Change.Upsert(SCOPE, n, "v" + v, payload(u, e)));
        // without the version seen deleted: applied one at a time, a batch's memory of what it saw is lost
        Arbitrary<Change> delete = nativeId.map(n -> new Change.Delete(SCOPE, n, Optional.empty()));
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, upsert),
                net.jqwik.api.Tuple.of(1, delete)).list().ofMinSize(1).ofMaxSize(14);
    }

    @Property(tries = 100)
    void oneBatchLeavesWhatOneChangeAtATimeLeaves(@ForAll("changes") List<Change> changes) throws IOException {
        String batched = applied(changes, true);
        String oneByOne = applied(changes, false);
        assertThat(batched).isEqualTo(oneByOne);
    }

    private static Payload payload(Optional<String> uid, int edit) {
        return Samples.of(ItemType.CONTACT, uid.orElse(null), uid.map(u -> u.hashCode() & 7).orElse(9), edit);
    }

    /** The state after reading {@code changes} from system b, as text with stable names. */
    private static String applied(List<Change> changes, boolean asOneBatch) throws IOException {
        Path dir = Files.createTempDirectory("read-batch");
        Store store = Stores.open("concord.db", dir);
        Clock clock = Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC);
        EngineContext ctx = new EngineContext(store, clock, UserMap.identity(), ConflictSettings.defaults(), Hub.FAST);
        for (String name : List.of("a", "b", "c")) {
            ctx.systems.put(name, new SystemRuntime(new SystemSpec(name, new InMemoryConnector(new InMemorySystem(name)),
                    Duration.ofMillis(20)), store, clock, List.of()));
        }
        store.transact(tx -> {
            seed(tx);
            return null;
        });
        ReadApplier applier = new ReadApplier(ctx, "b");
        store.transact(tx -> {
            if (asOneBatch) {
                applier.apply(tx, changes);
            } else {
                changes.forEach(c -> applier.apply(tx, List.of(c)));
            }
            return null;
        });
        try {
            return store.read(ReadBatchProperties::describe);
        } finally {
            store.close();
            try (var files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    /**
     * Items u0–u3 held by a and c; b holds u0 and u1 (u1 in an older version), an update of u2 is
     * pending for b, a create of u3 turned delete is pending for b, an update of u1 for a.
     */
    private static void seed(StoreTx tx) {
        for (int i = 0; i < 4; i++) {
            String g = "g" + i;
            Payload p = payload(Optional.of("u" + i), 0);
            tx.saveItem(new Item(g, "alice", ItemType.CONTACT, p.uid(), T0));
            for (String s : List.of("a", "c")) {
                tx.saveLink(link(s, s + i, g, p));
            }
        }
        tx.saveLink(link("b", "n0", "g0", payload(Optional.of("u0"), 0)));
        tx.saveLink(link("b", "n1", "g1", payload(Optional.of("u1"), 1)));
        tx.putPending("b", "g2", PendingOp.UPSERT, Optional.of(payload(Optional.of("u2"), 1)), "a", T0);
        tx.putPending("b", "g3", PendingOp.DELETE, Optional.of(payload(Optional.of("u3"), 0)), "a", T0);
        tx.putPending("a", "g1", PendingOp.UPSERT, Optional.of(payload(Optional.of("u1"), 2)), "c", T0);
    }

    private static Link link(String system, String nativeId, String g, Payload p) {
        return new Link(system, nativeId, g, "alice", ItemType.CONTACT, "v-" + nativeId, p.contentHash(),
                p.fieldHashes(), T0);
    }

    private static String describe(StoreTx tx) {
        Map<String, String> names = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (String s : List.of("a", "b", "c")) {
            List<Link> links = new ArrayList<>();
            tx.forEachLink(s, links::add);
            links.sort(Comparator.comparing(Link::nativeId));
            for (Link l : links) {
                lines.add("link " + s + " " + l.nativeId() + " -> " + name(tx, names, l.globalId()) + " " + l.version()
                        + " " + l.contentHash());
            }
        }
        for (String s : List.of("a", "b", "c")) {
            for (Pending p : tx.duePending(s, T0.plusSeconds(3600), 1000)) {
                String item = name(tx, names, p.globalId());
                // a conflict copy carries a random UID, so its content differs from run to run
                String content = item.endsWith("(copy)") ? "copy of a version"
                        : p.payload().map(Payload::contentHash).orElse("-");
                lines.add("pending " + s + " " + item + " " + p.op() + " " + content + " from " + p.origin());
            }
        }
        for (ConflictRecord c : tx.conflicts(false, 1000)) {
            lines.add("conflict " + name(tx, names, c.globalId()) + " " + c.system() + "/" + c.otherOrigin() + " "
                    + c.policy() + " " + (c.open() ? "open" : "closed") + " copy "
                    + c.duplicateId().map(d -> name(tx, names, d)).orElse("-"));
        }
        return String.join("\n", lines);
    }

    /** Items get names in the order they are met, with their UID (a conflict copy's is random). */
    private static String name(StoreTx tx, Map<String, String> names, String globalId) {
        return names.computeIfAbsent(globalId, g -> "G" + names.size() + "("
                + tx.item(g).map(i -> i.uid().filter(u -> u.length() < 4).orElse("copy")).orElse("gone") + ")");
    }
}
