package org.concord.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.concord.model.Contact;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.spi.Cursor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Store} must do, whatever database it lives in. Subclasses provide an empty
 * store and a way to open the same store again.
 */
public abstract class StoreContract {

    protected static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    protected Store store;

    /** A new, empty store; the contract closes it. */
    protected abstract Store openEmptyStore() throws Exception;

    /** The store last returned by {@link #openEmptyStore}, opened again (after it was closed). */
    protected abstract Store reopenStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = openEmptyStore();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    // ---- helpers

    protected void inTx(Consumer<StoreTx> work) {
        store.transact((StoreTx tx) -> {
            work.accept(tx);
            return null;
        });
    }

    protected static Item item(String globalId) {
        return new Item(globalId, "alice", ItemType.CONTACT, Optional.of("uid-" + globalId), T0);
    }

    protected static Link link(String system, String nativeId, String globalId) {
        return new Link(system, nativeId, globalId, "alice", ItemType.CONTACT, "etag-" + nativeId,
                "hash-" + nativeId, Map.of("name", "n-" + nativeId, "emails", "e-" + nativeId), T0);
    }

    protected static Payload contact(String name) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("uid", "uid-" + name);
        json.putObject("name").put("full", name);
        json.putObject("emails").putObject("e1").put("address", name.toLowerCase() + "@example.org");
        return new Contact(json);
    }

    /** An item with a link in system "a", as the reader leaves it. */
    protected static void itemWithLink(StoreTx tx, String globalId) {
        tx.saveItem(item(globalId));
        tx.saveLink(link("a", "n-" + globalId, globalId));
    }

    // ---- items and links

    @Test
    void aSavedItemIsFoundAndSavingItAgainReplacesIt() {
        inTx(tx -> tx.saveItem(item("g1")));
        assertThat(store.read((StoreTx tx) -> tx.item("g1"))).contains(item("g1"));
        assertThat(store.read((StoreTx tx) -> tx.item("nope"))).isEmpty();

        Item moved = new Item("g1", "bob", ItemType.EVENT, Optional.empty(), T0.plusSeconds(5));
        inTx(tx -> tx.saveItem(moved));
        assertThat(store.read((StoreTx tx) -> tx.item("g1"))).contains(moved);
    }

    @Test
    void anItemIsFoundByTheUidOfItsUserAndType() {
        inTx(tx -> {
            tx.saveItem(item("g1"));
            tx.saveItem(new Item("g2", "bob", ItemType.CONTACT, Optional.of("uid-g1"), T0));
            tx.saveItem(new Item("g3", "alice", ItemType.EVENT, Optional.of("uid-g1"), T0));
        });
        assertThat(store.read((StoreTx tx) -> tx.itemByUid("alice", ItemType.CONTACT, "uid-g1"))).contains(item("g1"));
        assertThat(store.read((StoreTx tx) -> tx.itemByUid("bob", ItemType.CONTACT, "uid-g1")).map(Item::globalId)).contains("g2");
        assertThat(store.read((StoreTx tx) -> tx.itemByUid("alice", ItemType.CONTACT, "other"))).isEmpty();
        Item newUid = new Item("g1", "alice", ItemType.CONTACT, Optional.of("uid-new"), T0);
        inTx(tx -> tx.saveItem(newUid));
        assertThat(store.read((StoreTx tx) -> tx.itemByUid("alice", ItemType.CONTACT, "uid-new"))).contains(newUid);
        assertThat(store.read((StoreTx tx) -> tx.itemByUid("alice", ItemType.CONTACT, "uid-g1"))).isEmpty();
    }

    @Test
    void aLinkIsFoundByNativeIdAndByItemWithItsSyncedState() {
        inTx(tx -> itemWithLink(tx, "g1"));
        Link expected = link("a", "n-g1", "g1");
        assertThat(store.read((StoreTx tx) -> tx.link("a", "n-g1"))).contains(expected);
        assertThat(store.read((StoreTx tx) -> tx.linkOfItem("a", "g1"))).contains(expected);
        assertThat(store.read((StoreTx tx) -> tx.link("b", "n-g1"))).isEmpty();
        assertThat(store.read((StoreTx tx) -> tx.linkOfItem("b", "g1"))).isEmpty();
        assertThat(expected.fieldHashes()).hasSize(2);
    }

    @Test
    void savingALinkAgainUpdatesItsStateInPlace() {
        inTx(tx -> itemWithLink(tx, "g1"));
        Link newer = new Link("a", "n-g1", "g1", "alice", ItemType.CONTACT, "etag-2", "hash-2", Map.of(), T0.plusSeconds(9));
        inTx(tx -> tx.saveLink(newer));
        assertThat(store.read((StoreTx tx) -> tx.link("a", "n-g1"))).contains(newer);
        assertThat(store.read((StoreTx tx) -> tx.countLinks("a"))).isEqualTo(1);
    }

    @Test
    void savingALinkAgainWithAnotherUserAndTypeTakesThemToo() {
        inTx(tx -> itemWithLink(tx, "g1"));
        Link moved = new Link("a", "n-g1", "g1", "bob", ItemType.EVENT, "etag-2", "hash-2", Map.of("title", "t"), T0);
        inTx(tx -> tx.saveLink(moved));
        assertThat(store.read((StoreTx tx) -> tx.link("a", "n-g1"))).contains(moved);
        assertThat(store.read((StoreTx tx) -> tx.linkOfItem("a", "g1"))).contains(moved);
        assertThat(store.read((StoreTx tx) -> tx.countLinks("a"))).isEqualTo(1);
    }

    @Test
    void savingALinkUnderANewNativeIdReplacesTheSystemsOlderLinkOfThatItem() {
        inTx(tx -> {
            itemWithLink(tx, "g1");
            tx.saveLink(link("b", "b-1", "g1"));
        });
        inTx(tx -> tx.saveLink(link("a", "renamed", "g1")));

        assertThat(store.read((StoreTx tx) -> tx.link("a", "n-g1"))).isEmpty();
        assertThat(store.read((StoreTx tx) -> tx.linkOfItem("a", "g1"))).contains(link("a", "renamed", "g1"));
        assertThat(store.read((StoreTx tx) -> tx.links("g1"))).containsExactly(link("a", "renamed", "g1"), link("b", "b-1", "g1"));
    }

    @Test
    void pointingANativeIdAtAnotherItemLeavesOneLinkPerItemAndSystem() {
        inTx(tx -> {
            itemWithLink(tx, "g1");
            itemWithLink(tx, "g2");
        });
        inTx(tx -> tx.saveLink(link("a", "n-g1", "g2")));

        assertThat(store.read((StoreTx tx) -> tx.linkOfItem("a", "g2"))).contains(link("a", "n-g1", "g2"));
        assertThat(store.read((StoreTx tx) -> tx.link("a", "n-g2"))).isEmpty();
        assertThat(store.read((StoreTx tx) -> tx.linkOfItem("a", "g1"))).isEmpty();
        assertThat(store.read((StoreTx tx) -> tx.countLinks("a"))).isEqualTo(1);
    }

    @Test
    void deletingALinkRemovesOnlyThatLink() {
        inTx(tx -> {
            itemWithLink(tx, "g1");
            tx.saveLink(link("b", "b-1", "g1"));
        });
        inTx(tx -> tx.deleteLink("a", "n-g1"));
        assertThat(store.read((StoreTx tx) -> tx.links("g1"))).containsExactly(link("b", "b-1", "g1"));
        assertThat(store.read((StoreTx tx) -> tx.item("g1"))).isPresent();
    }

    @Test
    void linksAreCountedPerSystem() {
        inTx(tx -> {
            for (int i = 0; i < 5; i++) {
                itemWithLink(tx, "g" + i);
                if (i % 2 == 0) {
                    tx.saveLink(link("b", "b" + i, "g" + i));
                }
            }
        });
        assertThat(store.read((StoreTx tx) -> tx.countLinks("a"))).isEqualTo(5);
        assertThat(store.read((StoreTx tx) -> tx.countLinks("b"))).isEqualTo(3);
        assertThat(store.read((StoreTx tx) -> tx.countLinks("c"))).isZero();
    }

    @Test
    void deletingAnItemRemovesItsLinksAndPendingEverywhereButKeepsItsHistory() {
        inTx(tx -> {
            itemWithLink(tx, "g1");
            tx.saveLink(link("b", "b-1", "g1"));
            tx.putPending("c", "g1", PendingOp.UPSERT, Optional.of(contact("Ann")), "a", T0);
            tx.putPending("d", "g1", PendingOp.DELETE, Optional.empty(), "a", T0);
            tx.addHistory(new HistoryEntry("g1", T0, "a", "read", "created"));
            itemWithLink(tx, "g2");
            tx.putPending("c", "g2", PendingOp.UPSERT, Optional.of(contact("Bob")), "a", T0);
        });
        inTx(tx -> tx.deleteItem("g1"));

        store.read((StoreTx tx) -> {
            assertThat(tx.item("g1")).isEmpty();
            assertThat(tx.links("g1")).isEmpty();
            assertThat(tx.link("b", "b-1")).isEmpty();
            assertThat(tx.pending("c", "g1")).isEmpty();
            assertThat(tx.pending("d", "g1")).isEmpty();
            assertThat(tx.history("g1", 10)).hasSize(1);
            assertThat(tx.item("g2")).isPresent();
            assertThat(tx.countLinks("a")).isEqualTo(1);
            assertThat(tx.countPending("c")).isEqualTo(1);
            return null;
        });
    }

    @Test
    void aLinkOfAnItemThatWasNeverSavedIsRefusedAtCommitNamingTheStore() {
        assertThatThrownBy(() -> inTx(tx -> tx.saveLink(link("a", "n1", "ghost"))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(store.describe())
                .hasMessageContaining("never saved");
        assertThat(store.read((StoreTx tx) -> tx.link("a", "n1"))).isEmpty();
        inTx(tx -> itemWithLink(tx, "g1"));
        assertThat(store.read((StoreTx tx) -> tx.countLinks("a"))).isEqualTo(1);
    }

    @Test
    void forEachLinkStreamsOneHundredThousandLinksOfOneSystem() {
        int count = 100_000;
        inTx(tx -> {
            for (int i = 0; i < count; i++) {
                tx.saveItem(item("g" + i));
                tx.saveLink(link(i % 10 == 0 ? "other" : "a", "n" + i, "g" + i));
            }
        });
        Set<String> seen = new HashSet<>();
        store.read((StoreTx tx) -> {
            tx.forEachLink("a", l -> {
                assertThat(l.system()).isEqualTo("a");
                seen.add(l.nativeId());
            });
            return null;
        });
        assertThat(seen).hasSize(count - count / 10).contains("n1", "n99999").doesNotContain("n0", "n10");
    }

    @Test
    void knownObjectsOfAPageOfNativeIdsAreTheirLinksLastSyncedState() {
        inTx(tx -> {
            for (int i = 0; i < 150; i++) {
                tx.saveItem(item("g" + i));
                tx.saveLink(link(i % 10 == 0 ? "other" : "a", "n" + i, "g" + i));
            }
        });
        List<String> page = new ArrayList<>();
        for (int i = 0; i < 140; i++) {
            page.add("n" + i);
        }
        page.add("never-synced");

        Map<String, org.concord.spi.KnownObject> known = store.read((StoreTx tx) -> tx.knownObjects("a", page));

        assertThat(known).hasSize(140 - 14).doesNotContainKeys("n0", "n10", "never-synced");
        assertThat(known.get("n139")).isEqualTo(new org.concord.spi.KnownObject(
                new org.concord.spi.Scope("alice", ItemType.CONTACT), "n139", "etag-n139", "hash-n139"));
        Set<String> all = new HashSet<>();
        store.read((StoreTx tx) -> {
            tx.forEachKnownObject("a", k -> all.add(k.nativeId()));
            return null;
        });
        assertThat(all).hasSize(150 - 15).contains("n1", "n149").doesNotContain("n0");
    }

    @Test
    void aLinkVisitorMayUseTheTransactionMeanwhile() {
        inTx(tx -> {
            for (int i = 0; i < 20; i++) {
                itemWithLink(tx, "g" + i);
            }
        });
        inTx(tx -> tx.forEachLink("a", l -> {
            assertThat(tx.item(l.globalId())).isPresent();
            tx.putPending("b", l.globalId(), PendingOp.DELETE, Optional.empty(), "a", T0);
        }));
        assertThat(store.read((StoreTx tx) -> tx.countPending("b"))).isEqualTo(20);
    }

    // ---- cursors

    @Test
    void aCursorStartsAtTheStartAndKeepsTheLastSavedPosition() {
        assertThat(store.read((StoreTx tx) -> tx.cursor("a"))).isEqualTo(Cursor.START);
        inTx(tx -> tx.saveCursor("a", new Cursor("17")));
        inTx(tx -> tx.saveCursor("a", new Cursor("42")));
        assertThat(store.read((StoreTx tx) -> tx.cursor("a"))).isEqualTo(new Cursor("42"));
        assertThat(store.read((StoreTx tx) -> tx.cursor("b"))).isEqualTo(Cursor.START);
    }

    // ---- pending

    @Test
    void puttingPendingAgainReplacesTheEntryWithAHigherSeqAndAFreshStart() {
        Payload ann = contact("Ann");
        long first = store.transact((StoreTx tx) -> {
            itemWithLink(tx, "g1");
            return tx.putPending("b", "g1", PendingOp.UPSERT, Optional.of(ann), "a", T0);
        });
        inTx(tx -> tx.deferPending("b", "g1", first, 3, T0.plusSeconds(600), "HTTP 503"));
        Pending deferred = store.read((StoreTx tx) -> tx.pending("b", "g1")).orElseThrow();
        assertThat(deferred.attempts()).isEqualTo(3);
        assertThat(deferred.lastError()).contains("HTTP 503");
        assertThat(deferred.payload()).contains(ann);

        Instant later = T0.plusSeconds(60);
        long second = store.transact((StoreTx tx) -> tx.putPending("b", "g1", PendingOp.DELETE, Optional.empty(), "c", later));

        assertThat(second).isGreaterThan(first);
        assertThat(store.read((StoreTx tx) -> tx.pending("b", "g1"))).contains(new Pending(
                "b", "g1", second, PendingOp.DELETE, Optional.empty(), "c", later, 0, later, Optional.empty()));
        assertThat(store.read((StoreTx tx) -> tx.countPending("b"))).isEqualTo(1);
    }

    @Test
    void aPendingPayloadComesBackWithItsContentAndFieldHashes() {
        ObjectNode json = contact("Ann").json();
        json.putObject("phones").putObject("p1").put("number", "+49 30 1234");
        json.put("updated", "2025-03-01T10:00:00Z");
        Payload ann = Payload.of(json);
        inTx(tx -> {
            itemWithLink(tx, "g1");
            tx.putPending("b", "g1", PendingOp.UPSERT, Optional.of(ann), "a", T0);
            tx.putPending("c", "g1", PendingOp.DELETE, Optional.of(ann), "a", T0);
        });
        for (String target : List.of("b", "c")) {
            Payload back = store.read((StoreTx tx) -> tx.pending(target, "g1")).orElseThrow().payload().orElseThrow();
            assertThat(back).isEqualTo(ann);
            assertThat(back.contentHash()).isEqualTo(ann.contentHash());
            assertThat(back.fieldHashes()).isEqualTo(ann.fieldHashes()).containsKeys("emails", "name", "phones");
        }
    }

    @Test
    void seqsIncreaseAcrossTargetsItemsAndTransactions() {
        List<Long> seqs = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            inTx(tx -> {
                for (int i = 0; i < 4; i++) {
                    itemWithLink(tx, "g" + i);
                    seqs.add(tx.putPending(i % 2 == 0 ? "b" : "c", "g" + i, PendingOp.DELETE, Optional.empty(), "a", T0));
                }
            });
        }
        List<Long> sorted = new ArrayList<>(seqs);
        Collections.sort(sorted);
        assertThat(seqs).isEqualTo(sorted).doesNotHaveDuplicates();
    }

    @Test
    void aTransactionSeesThePendingEntriesItJustPut() {
        inTx(tx -> {
            itemWithLink(tx, "g1");
            long b = tx.putPending("b", "g1", PendingOp.UPSERT, Optional.of(contact("Ann")), "a", T0);
            long c = tx.putPending("c", "g1", PendingOp.DELETE, Optional.empty(), "a", T0);
            assertThat(tx.pending("b", "g1").orElseThrow().seq()).isEqualTo(b);
            assertThat(tx.duePending("c", T0, 10)).extracting(Pending::seq).containsExactly(c);
            assertThat(tx.removePending("c", "g1", c)).isTrue();
            assertThat(tx.countPending("c")).isZero();
        });
        assertThat(store.read((StoreTx tx) -> tx.countPending("b"))).isEqualTo(1);
    }

    @Test
    void anUpsertWithoutPayloadIsRefused() {
        assertThatThrownBy(() -> inTx(tx -> {
            itemWithLink(tx, "g1");
            tx.putPending("b", "g1", PendingOp.UPSERT, Optional.empty(), "a", T0);
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.read((StoreTx tx) -> tx.item("g1"))).isEmpty();
    }

    @Test
    void removingPendingOfASupersededSeqKeepsTheNewerEntry() {
        long old = store.transact((StoreTx tx) -> {
            itemWithLink(tx, "g1");
            return tx.putPending("b", "g1", PendingOp.UPSERT, Optional.of(contact("Ann")), "a", T0);
        });
        long current = store.transact((StoreTx tx) -> tx.putPending("b", "g1", PendingOp.UPSERT, Optional.of(contact("Anna")), "a", T0));

        assertThat(store.transact((StoreTx tx) -> tx.removePending("b", "g1", old))).isFalse();
        assertThat(store.read((StoreTx tx) -> tx.pending("b", "g1")).orElseThrow().payload()).contains(contact("Anna"));
        assertThat(store.transact((StoreTx tx) -> tx.removePending("b", "g1", current))).isTrue();
        assertThat(store.read((StoreTx tx) -> tx.pending("b", "g1"))).isEmpty();
        assertThat(store.transact((StoreTx tx) -> tx.removePending("b", "g1", current))).isFalse();
    }

    @Test
    void deferringASupersededSeqChangesNothing() {
        long old = store.transact((StoreTx tx) -> {
            itemWithLink(tx, "g1");
            return tx.putPending("b", "g1", PendingOp.DELETE, Optional.empty(), "a", T0);
        });
        long current = store.transact((StoreTx tx) -> tx.putPending("b", "g1", PendingOp.DELETE, Optional.empty(), "a", T0));
        inTx(tx -> tx.deferPending("b", "g1", old, 1, T0.plusSeconds(30), "timeout"));
        Pending untouched = store.read((StoreTx tx) -> tx.pending("b", "g1")).orElseThrow();
        assertThat(untouched.attempts()).isZero();
        assertThat(untouched.notBefore()).isEqualTo(T0);
        assertThat(untouched.lastError()).isEmpty();

        inTx(tx -> tx.deferPending("b", "g1", current, 1, T0.plusSeconds(30), "timeout"));
        Pending deferred = store.read((StoreTx tx) -> tx.pending("b", "g1")).orElseThrow();
        assertThat(deferred.seq()).isEqualTo(current);
        assertThat(deferred.attempts()).isEqualTo(1);
        assertThat(deferred.notBefore()).isEqualTo(T0.plusSeconds(30));
        assertThat(deferred.lastError()).contains("timeout");
    }

    @Test
    void duePendingIsWhatIsNoLongerDeferredOldestSeqFirstUpToTheLimit() {
        List<Long> seqs = store.transact((StoreTx tx) -> {
            List<Long> s = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                itemWithLink(tx, "g" + i);
                s.add(tx.putPending("b", "g" + i, PendingOp.UPSERT, Optional.of(contact("P" + i)), "a", T0.plusSeconds(i)));
            }
            tx.putPending("c", "g0", PendingOp.DELETE, Optional.empty(), "a", T0);
            tx.deferPending("b", "g1", s.get(1), 1, T0.plusSeconds(100), "busy");
            return s;
        });
        Instant now = T0.plusSeconds(10);

        assertThat(store.read((StoreTx tx) -> tx.duePending("b", now, 10))).extracting(Pending::seq)
                .containsExactly(seqs.get(0), seqs.get(2), seqs.get(3));
        assertThat(store.read((StoreTx tx) -> tx.duePending("b", now, 2))).extracting(Pending::globalId)
                .containsExactly("g0", "g2");
        assertThat(store.read((StoreTx tx) -> tx.duePending("b", T0.plusSeconds(100), 10))).extracting(Pending::seq)
                .containsExactlyElementsOf(seqs);
        assertThat(store.read((StoreTx tx) -> tx.duePending("b", T0.minusSeconds(1), 10))).isEmpty();
        assertThat(store.read((StoreTx tx) -> tx.duePending("c", now, 10))).extracting(Pending::globalId).containsExactly("g0");
        assertThat(store.read((StoreTx tx) -> tx.duePending("b", now, 10)).get(0).payload()).contains(contact("P0"));
    }

    @Test
    void dueEntriesComeWithTheirItemTheTargetsLinkAndWhetherAConflictHoldsThem() {
        long[] deferred = new long[1];
        inTx(tx -> {
            itemWithLink(tx, "g1");
            itemWithLink(tx, "g2");
            tx.saveLink(link("b", "b-2", "g2"));
            itemWithLink(tx, "g3");
            tx.recordConflict(new ConflictRecord(0, "g3", "a", "c", "manual", "held", Optional.empty(), T0, true));
            itemWithLink(tx, "g4");
            tx.putPending("b", "g1", PendingOp.UPSERT, Optional.of(contact("Ann")), "a", T0);
            tx.putPending("b", "g2", PendingOp.DELETE, Optional.empty(), "a", T0);
            tx.putPending("b", "g3", PendingOp.UPSERT, Optional.of(contact("Cy")), "a", T0);
            tx.putPending("c", "g1", PendingOp.UPSERT, Optional.of(contact("Ann")), "a", T0);
            deferred[0] = tx.putPending("b", "g4", PendingOp.DELETE, Optional.empty(), "a", T0);
        });
        inTx(tx -> tx.deferPending("b", "g4", deferred[0], 1, T0.plusSeconds(60), "HTTP 503"));

        List<DueEntry> due = store.read((StoreTx tx) -> tx.dueEntries("b", T0, 10));

        assertThat(due).extracting(d -> d.entry().globalId()).containsExactly("g1", "g2", "g3");
        assertThat(due).extracting(DueEntry::item).containsExactly(
                Optional.of(item("g1")), Optional.of(item("g2")), Optional.of(item("g3")));
        assertThat(due).extracting(DueEntry::link).containsExactly(
                Optional.empty(), Optional.of(link("b", "b-2", "g2")), Optional.empty());
        assertThat(due).extracting(DueEntry::held).containsExactly(false, false, true);
        assertThat(due.get(0).entry()).isEqualTo(store.read((StoreTx tx) -> tx.pending("b", "g1")).orElseThrow());
        assertThat(store.read((StoreTx tx) -> tx.dueEntries("b", T0, 2))).hasSize(2);
    }

    @Test
    void aDueEntryWhoseItemIsNotSavedComesWithoutItem() {
        inTx(tx -> {
            tx.putPending("b", "g1", PendingOp.DELETE, Optional.empty(), "a", T0);
            assertThat(tx.dueEntries("b", T0, 10)).containsExactly(
                    new DueEntry(tx.pending("b", "g1").orElseThrow(), Optional.empty(), Optional.empty(), false));
            tx.saveItem(item("g1"));
        });
    }

    @Test
    void pendingIsCountedAndTheOldestEntryIsKnownPerTarget() {
        assertThat(store.read((StoreTx tx) -> tx.oldestPending("b"))).isEmpty();
        long first = store.transact((StoreTx tx) -> {
            itemWithLink(tx, "g1");
            itemWithLink(tx, "g2");
            long s = tx.putPending("b", "g1", PendingOp.DELETE, Optional.empty(), "a", T0);
            tx.putPending("b", "g2", PendingOp.DELETE, Optional.empty(), "a", T0.plusSeconds(5));
            tx.putPending("c", "g2", PendingOp.DELETE, Optional.empty(), "a", T0.plusSeconds(7));
            return s;
        });
        assertThat(store.read((StoreTx tx) -> tx.countPending("b"))).isEqualTo(2);
        assertThat(store.read((StoreTx tx) -> tx.countPending("c"))).isEqualTo(1);
        assertThat(store.read((StoreTx tx) -> tx.countPending("d"))).isZero();
        assertThat(store.read((StoreTx tx) -> tx.oldestPending("b"))).contains(T0);
        inTx(tx -> tx.removePending("b", "g1", first));
        assertThat(store.read((StoreTx tx) -> tx.oldestPending("b"))).contains(T0.plusSeconds(5));
    }

    // ---- sync errors

    @Test
    void aRepeatedErrorIsCountedOnceWithItsFirstAndLastTime() {
        inTx(tx -> tx.recordError("crm", ErrorPhase.WRITE, "g1", Optional.of("g1"), "HTTP 500", T0));
        inTx(tx -> tx.recordError("crm", ErrorPhase.WRITE, "g1", Optional.empty(), "HTTP 502", T0.plusSeconds(60)));
        inTx(tx -> tx.recordError("crm", ErrorPhase.READ, "g1", Optional.empty(), "bad vCard", T0.plusSeconds(1)));

        List<SyncError> errors = store.read((StoreTx tx) -> tx.errors(Optional.of("crm"), 10));
        assertThat(errors).hasSize(2);
        SyncError write = errors.get(0);
        assertThat(write.phase()).isEqualTo(ErrorPhase.WRITE);
        assertThat(write.count()).isEqualTo(2);
        assertThat(write.firstAt()).isEqualTo(T0);
        assertThat(write.lastAt()).isEqualTo(T0.plusSeconds(60));
        assertThat(write.message()).isEqualTo("HTTP 502");
        assertThat(write.globalId()).contains("g1");
        assertThat(errors.get(1).count()).isEqualTo(1);
        assertThat(errors.get(1).globalId()).isEmpty();
        assertThat(store.read((StoreTx tx) -> tx.error(write.id()))).contains(write);
    }

    @Test
    void errorsAreListedNewestFirstPerSystemAndCanBeClearedOrDeleted() {
        inTx(tx -> {
            tx.recordError("crm", ErrorPhase.WRITE, "g1", Optional.empty(), "m1", T0);
            tx.recordError("crm", ErrorPhase.WRITE, "g2", Optional.empty(), "m2", T0.plusSeconds(2));
            tx.recordError("dav", ErrorPhase.READ, "x.vcf", Optional.empty(), "m3", T0.plusSeconds(1));
        });
        assertThat(store.read((StoreTx tx) -> tx.errors(Optional.empty(), 10))).extracting(SyncError::objectRef)
                .containsExactly("g2", "x.vcf", "g1");
        assertThat(store.read((StoreTx tx) -> tx.errors(Optional.empty(), 1))).extracting(SyncError::objectRef).containsExactly("g2");
        assertThat(store.read((StoreTx tx) -> tx.errors(Optional.of("dav"), 10))).extracting(SyncError::objectRef).containsExactly("x.vcf");
        assertThat(store.read((StoreTx tx) -> tx.countErrors("crm"))).isEqualTo(2);

        inTx(tx -> tx.clearError("crm", ErrorPhase.WRITE, "g1"));
        inTx(tx -> tx.clearError("crm", ErrorPhase.READ, "g2"));
        assertThat(store.read((StoreTx tx) -> tx.countErrors("crm"))).isEqualTo(1);

        long id = store.read((StoreTx tx) -> tx.errors(Optional.of("dav"), 1)).get(0).id();
        inTx(tx -> tx.deleteError(id));
        assertThat(store.read((StoreTx tx) -> tx.error(id))).isEmpty();
        assertThat(store.read((StoreTx tx) -> tx.countErrors("dav"))).isZero();
    }

    @Test
    void anErrorIsClearedWhateverTheTransactionClearedOrRecordedBefore() {
        inTx(tx -> tx.recordError("crm", ErrorPhase.READ, "x1", Optional.empty(), "m1", T0));
        inTx(tx -> {
            tx.clearError("crm", ErrorPhase.WRITE, "x1");
            tx.clearError("dav", ErrorPhase.READ, "y1");
            tx.recordError("dav", ErrorPhase.READ, "y2", Optional.empty(), "m2", T0);
            tx.recordError("dav", ErrorPhase.READ, "y3", Optional.empty(), "m3", T0);
            tx.clearError("crm", ErrorPhase.READ, "x1");
            tx.clearError("dav", ErrorPhase.READ, "y2");
            tx.clearError("dav", ErrorPhase.READ, "y1");
            tx.recordError("dav", ErrorPhase.WRITE, "g1", Optional.empty(), "m4", T0);
        });
        assertThat(store.read((StoreTx tx) -> tx.errors(Optional.empty(), 10)))
                .extracting(e -> e.system() + " " + e.phase().code() + " " + e.objectRef())
                .containsExactlyInAnyOrder("dav read y3", "dav write g1");
    }

    // ---- conflicts

    @Test
    void conflictsAreRecordedListedNewestFirstAndClosed() {
        ConflictRecord held = new ConflictRecord(0, "g1", "crm", "groupware", "manual", "held", Optional.empty(), T0, true);
        ConflictRecord duplicated = new ConflictRecord(0, "g2", "groupware", "crm", "duplicate", "duplicated as g3",
                Optional.of("g3"), T0.plusSeconds(1), false);
        long heldId = store.transact((StoreTx tx) -> tx.recordConflict(held));
        long duplicatedId = store.transact((StoreTx tx) -> tx.recordConflict(duplicated));

        assertThat(duplicatedId).isGreaterThan(heldId);
        assertThat(store.read((StoreTx tx) -> tx.conflict(duplicatedId))).contains(new ConflictRecord(duplicatedId, "g2",
                "groupware", "crm", "duplicate", "duplicated as g3", Optional.of("g3"), T0.plusSeconds(1), false));
        assertThat(store.read((StoreTx tx) -> tx.conflicts(false, 10))).extracting(ConflictRecord::id)
                .containsExactly(duplicatedId, heldId);
        assertThat(store.read((StoreTx tx) -> tx.conflicts(true, 10))).extracting(ConflictRecord::id).containsExactly(heldId);
        assertThat(store.read((StoreTx tx) -> tx.countConflicts(true))).isEqualTo(1);
        assertThat(store.read((StoreTx tx) -> tx.countConflicts(false))).isEqualTo(2);

        inTx(tx -> tx.closeConflict(heldId, "kept crm"));
        ConflictRecord closed = store.read((StoreTx tx) -> tx.conflict(heldId)).orElseThrow();
        assertThat(closed.open()).isFalse();
        assertThat(closed.decision()).isEqualTo("kept crm");
        assertThat(store.read((StoreTx tx) -> tx.countConflicts(true))).isZero();
        assertThat(store.read((StoreTx tx) -> tx.conflict(9_999))).isEmpty();
    }

    @Test
    void aHeldConflictKeepsTheNewestVersionOfEachSystemUntilItIsClosed() {
        inTx(tx -> itemWithLink(tx, "g1"));
        long id = store.transact((StoreTx tx) -> tx.recordConflict(
                new ConflictRecord(0, "g1", "crm", "groupware", "manual", "held", Optional.empty(), T0, true)));
        inTx(tx -> {
            tx.saveConflictVersion(id, "crm", contact("Ann"));
            tx.saveConflictVersion(id, "groupware", contact("Anna"));
        });
        inTx(tx -> tx.saveConflictVersion(id, "crm", contact("Ann B.")));

        assertThat(store.read((StoreTx tx) -> tx.conflictVersions(id)))
                .isEqualTo(Map.of("crm", contact("Ann B."), "groupware", contact("Anna")));
        assertThat(store.read((StoreTx tx) -> tx.openConflictOf("g1")).map(ConflictRecord::id)).contains(id);
        assertThat(store.read((StoreTx tx) -> tx.openConflictOf("g2"))).isEmpty();

        inTx(tx -> tx.closeConflict(id, "kept groupware"));
        assertThat(store.read((StoreTx tx) -> tx.conflictVersions(id))).isEmpty();
        assertThat(store.read((StoreTx tx) -> tx.openConflictOf("g1"))).isEmpty();
    }

    // ---- system states and history

    @Test
    void aSystemStateIsSavedAndReplaced() {
        assertThat(store.read((StoreTx tx) -> tx.systemState("crm"))).isEmpty();
        SystemState down = new SystemState("crm", false, T0, Optional.of("connection refused"), false);
        inTx(tx -> tx.saveSystemState(down));
        assertThat(store.read((StoreTx tx) -> tx.systemState("crm"))).contains(down);
        SystemState paused = new SystemState("crm", true, T0.plusSeconds(3), Optional.empty(), true,
                Optional.of("120 deletes in one read"), true);
        inTx(tx -> tx.saveSystemState(paused));
        assertThat(store.read((StoreTx tx) -> tx.systemState("crm"))).contains(paused);
    }

    @Test
    void historyListsTheNewestEntriesOfAnItemFirst() {
        inTx(tx -> {
            tx.addHistory(new HistoryEntry("g1", T0, "a", "read", "created"));
            tx.addHistory(new HistoryEntry("g1", T0.plusSeconds(2), "b", "written", "etag 2"));
            tx.addHistory(new HistoryEntry("g1", T0.plusSeconds(1), "b", "written", "etag 1"));
            tx.addHistory(new HistoryEntry("g2", T0.plusSeconds(9), "a", "read", "other item"));
        });
        assertThat(store.read((StoreTx tx) -> tx.history("g1", 2))).containsExactly(
                new HistoryEntry("g1", T0.plusSeconds(2), "b", "written", "etag 2"),
                new HistoryEntry("g1", T0.plusSeconds(1), "b", "written", "etag 1"));
        assertThat(store.read((StoreTx tx) -> tx.history("g3", 5))).isEmpty();
    }

    // ---- transactions

    @Test
    void aTransactionThatThrowsLeavesNoTrace() {
        RuntimeException boom = new IllegalStateException("engine gave up");
        assertThatThrownBy(() -> inTx(tx -> {
            itemWithLink(tx, "g1");
            tx.putPending("b", "g1", PendingOp.DELETE, Optional.empty(), "a", T0);
            tx.saveCursor("a", new Cursor("9"));
            tx.recordError("a", ErrorPhase.READ, "x", Optional.empty(), "m", T0);
            tx.recordConflict(new ConflictRecord(0, "g1", "a", "b", "manual", "held", Optional.empty(), T0, true));
            tx.saveSystemState(new SystemState("a", true, T0, Optional.empty(), false));
            tx.addHistory(new HistoryEntry("g1", T0, "a", "read", "x"));
            throw boom;
        })).isSameAs(boom);

        store.read((StoreTx tx) -> {
            assertThat(tx.item("g1")).isEmpty();
            assertThat(tx.countLinks("a")).isZero();
            assertThat(tx.countPending("b")).isZero();
            assertThat(tx.cursor("a")).isEqualTo(Cursor.START);
            assertThat(tx.countErrors("a")).isZero();
            assertThat(tx.countConflicts(false)).isZero();
            assertThat(tx.systemState("a")).isEmpty();
            assertThat(tx.history("g1", 5)).isEmpty();
            return null;
        });
        inTx(tx -> tx.saveCursor("a", new Cursor("10")));
        assertThat(store.read((StoreTx tx) -> tx.cursor("a"))).isEqualTo(new Cursor("10"));
    }

    @Test
    void aReopenedStoreKeepsEverythingAndItsSeqsKeepIncreasing() throws Exception {
        long last = store.transact((StoreTx tx) -> {
            itemWithLink(tx, "g1");
            tx.saveCursor("a", new Cursor("c1"));
            tx.recordError("a", ErrorPhase.READ, "x", Optional.empty(), "m", T0);
            tx.recordConflict(new ConflictRecord(0, "g1", "a", "b", "manual", "held", Optional.empty(), T0, true));
            tx.saveSystemState(new SystemState("a", true, T0, Optional.empty(), false));
            tx.addHistory(new HistoryEntry("g1", T0, "a", "read", "x"));
            tx.putPending("b", "g1", PendingOp.UPSERT, Optional.of(contact("Ann")), "a", T0);
            return tx.putPending("c", "g1", PendingOp.DELETE, Optional.empty(), "a", T0);
        });
        inTx(tx -> tx.removePending("c", "g1", last));
        store.close();
        store = reopenStore();

        store.read((StoreTx tx) -> {
            assertThat(tx.item("g1")).contains(item("g1"));
            assertThat(tx.link("a", "n-g1")).contains(link("a", "n-g1", "g1"));
            assertThat(tx.cursor("a")).isEqualTo(new Cursor("c1"));
            assertThat(tx.countErrors("a")).isEqualTo(1);
            assertThat(tx.countConflicts(true)).isEqualTo(1);
            assertThat(tx.systemState("a")).isPresent();
            assertThat(tx.history("g1", 5)).hasSize(1);
            assertThat(tx.pending("b", "g1").orElseThrow().payload()).contains(contact("Ann"));
            return null;
        });
        long next = store.transact((StoreTx tx) -> tx.putPending("c", "g1", PendingOp.DELETE, Optional.empty(), "a", T0));
        assertThat(next).isGreaterThan(last);
    }

    @Test
    void transactionsFromManyThreadsAreSerialized() throws Exception {
        inTx(tx -> {
            tx.saveItem(item("g1"));
            tx.saveCursor("counter", new Cursor("0"));
        });
        int threads = 6;
        int perThread = 40;
        Set<Long> seqs = Collections.synchronizedSet(new HashSet<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String target = "t" + t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        inTx(tx -> {
                            int value = Integer.parseInt(tx.cursor("counter").value());
                            seqs.add(tx.putPending(target, "g1", PendingOp.DELETE, Optional.empty(), "a", T0));
                            Thread.yield();
                            tx.saveCursor("counter", new Cursor(Integer.toString(value + 1)));
                        });
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.read((StoreTx tx) -> tx.cursor("counter"))).isEqualTo(new Cursor(Integer.toString(threads * perThread)));
        assertThat(seqs).hasSize(threads * perThread);
    }

    @Test
    void aReadSeesCommittedStateOnlyAndDoesNotWaitForARunningTransaction() throws Exception {
        inTx(tx -> tx.saveCursor("a", new Cursor("committed")));
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread writer = Thread.ofPlatform().start(() -> inTx(tx -> {
            tx.saveCursor("a", new Cursor("uncommitted"));
            written.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        try {
            written.await();
            Cursor seen = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> store.read((StoreTx tx) -> tx.cursor("a")));
            assertThat(seen).isEqualTo(new Cursor("committed"));
        } finally {
            release.countDown();
            writer.join();
        }
        assertThat(store.read((StoreTx tx) -> tx.cursor("a"))).isEqualTo(new Cursor("uncommitted"));
    }

    @Test
    void aReadSeesOneCommittedStateThroughout() throws Exception {
        inTx(tx -> tx.saveCursor("a", new Cursor("1")));
        List<Cursor> seen = store.read((StoreTx tx) -> {
            Cursor before = tx.cursor("a");
            Thread other = Thread.ofPlatform().start(() -> inTx(t -> t.saveCursor("a", new Cursor("2"))));
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return List.of(before, tx.cursor("a"));
        });
        assertThat(seen).containsExactly(new Cursor("1"), new Cursor("1"));
        assertThat(store.read((StoreTx tx) -> tx.cursor("a"))).isEqualTo(new Cursor("2"));
    }

    @Test
    void aReadRefusesChanges() {
        assertThatThrownBy(() -> store.read((StoreTx tx) -> {
            tx.saveCursor("a", new Cursor("x"));
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("read");
        assertThat(store.read((StoreTx tx) -> tx.cursor("a"))).isEqualTo(Cursor.START);
    }

    @Test
    void aTransactionCannotBeUsedAfterItsWorkReturned() {
        AtomicReference<StoreTx> escaped = new AtomicReference<>();
        inTx(escaped::set);
        assertThatThrownBy(() -> escaped.get().saveCursor("a", new Cursor("x")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ended");
    }

    @Test
    void aTransactionInsideATransactionOfTheSameThreadIsRefused() {
        assertThatThrownBy(() -> inTx(tx -> inTx(inner -> inner.saveCursor("a", new Cursor("x")))))
                .isInstanceOf(IllegalStateException.class);
        inTx(tx -> tx.saveCursor("a", new Cursor("y")));
        assertThat(store.read((StoreTx tx) -> tx.cursor("a"))).isEqualTo(new Cursor("y"));
    }

    @Test
    void aClosedStoreRefusesWorkNamingItself() {
        store.close();
        assertThatThrownBy(() -> inTx(tx -> tx.saveCursor("a", new Cursor("x"))))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(store.describe())
                .hasMessageContaining("closed");
        store = null;
    }
}
