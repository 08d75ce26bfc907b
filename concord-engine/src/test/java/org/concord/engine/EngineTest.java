package org.concord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.spi.Scope;
import org.concord.testkit.InMemorySystem;
import org.concord.testkit.Samples;
import org.junit.jupiter.api.Test;

class EngineTest {

    /** The store the engine runs on; the SQLite subclass runs every scenario on the real store. */
    protected org.concord.store.Store newStore() throws Exception {
        return new org.concord.store.MemoryStore();
    }

    private Hub hub(String... names) throws Exception {
        return new Hub(newStore(), ConflictSettings.defaults(), names);
    }

    private static final Scope ALICE_CONTACTS = new Scope("alice", ItemType.CONTACT);

    private static Payload contact(String uid, int edit) {
        return Samples.of(ItemType.CONTACT, uid, 1, edit);
    }

    @Test
    void aCreateInOneSystemArrivesInEveryOtherSystemExactlyOnce() throws Exception {
        try (Hub hub = hub("a", "b", "c")) {
            hub.system("a").userCreate(ALICE_CONTACTS, contact("uid-1", 0));
            SyncReport report = hub.sync();
            assertThat(report.complete()).isTrue();
            for (String s : new String[] {"a", "b", "c"}) {
                assertThat(Hub.countUid(hub.system(s), "uid-1")).as("copies in %s", s).isEqualTo(1);
                assertThat(Hub.byUid(hub.system(s), "uid-1").orElseThrow().payload().contentHash())
                        .isEqualTo(contact("uid-1", 0).contentHash());
            }
        }
    }

    @Test
    void aSecondSyncWithNoChangesWritesNothing() throws Exception {
        try (Hub hub = hub("a", "b")) {
            hub.system("a").userCreate(ALICE_CONTACTS, contact("uid-1", 0));
            hub.sync();
            int callsBefore = hub.system("b").writeCalls() + hub.system("a").writeCalls();
            SyncReport again = hub.sync();
            assertThat(again.written()).isZero();
            assertThat(hub.system("b").writeCalls() + hub.system("a").writeCalls()).isEqualTo(callsBefore);
        }
    }

    @Test
    void anUpdateAndThenADeletePropagate() throws Exception {
        try (Hub hub = hub("a", "b", "c")) {
            String id = hub.system("a").userCreate(ALICE_CONTACTS, contact("uid-1", 0));
            hub.sync();
            String inB = Hub.byUid(hub.system("b"), "uid-1").orElseThrow().nativeId();
            hub.system("b").userUpdate(inB, contact("uid-1", 1));
            hub.sync();
            assertThat(Hub.byUid(hub.system("a"), "uid-1").orElseThrow().payload()).isEqualTo(contact("uid-1", 1));
            assertThat(Hub.byUid(hub.system("c"), "uid-1").orElseThrow().payload()).isEqualTo(contact("uid-1", 1));
            hub.system("a").userDelete(id);
            SyncReport report = hub.sync();
            assertThat(report.complete()).isTrue();
            assertThat(hub.system("b").list()).isEmpty();
            assertThat(hub.system("c").list()).isEmpty();
        }
    }

    @Test
    void aConflictingEditSurvivesAsADuplicate() throws Exception {
        try (Hub hub = hub("a", "b")) {
            String inA = hub.system("a").userCreate(ALICE_CONTACTS, contact("uid-1", 0));
            hub.sync();
            String inB = Hub.byUid(hub.system("b"), "uid-1").orElseThrow().nativeId();
            hub.system("b").setDown(true);
            hub.system("a").userUpdate(inA, contact("uid-1", 1));
            hub.sync();
            hub.system("b").userUpdate(inB, contact("uid-1", 2));
            hub.system("b").setDown(false);
            SyncReport report = hub.sync();
            assertThat(report.complete()).as("report %s", report).isTrue();
            for (InMemorySystem s : hub.systems.values()) {
                assertThat(s.list()).as("objects in %s", s.name()).hasSize(2);
                assertThat(Hub.byUid(s, "uid-1").orElseThrow().payload()).as("the item keeps a's version")
                        .isEqualTo(contact("uid-1", 1));
                assertThat(s.list()).anySatisfy(o -> {
                    assertThat(o.payload().uid()).isNotEqualTo(Optional.of("uid-1"));
                    assertThat(o.payload().withUid("uid-1")).as("b's edit, as a copy").isEqualTo(contact("uid-1", 2));
                });
            }
            assertThat(hub.engine.status().conflicts()).isEqualTo(1);
        }
    }

    @Test
    void deleteRacingAnUpdateKeepsTheUpdate() throws Exception {
        try (Hub hub = hub("a", "b")) {
            String inA = hub.system("a").userCreate(ALICE_CONTACTS, contact("uid-1", 0));
            hub.sync();
            String inB = Hub.byUid(hub.system("b"), "uid-1").orElseThrow().nativeId();
            hub.system("b").setDown(true);
            hub.system("a").userUpdate(inA, contact("uid-1", 1));
            hub.sync();
            hub.system("b").userDelete(inB);
            hub.system("b").setDown(false);
            hub.sync();
            for (InMemorySystem s : hub.systems.values()) {
                assertThat(s.list()).as("objects in %s", s.name()).hasSize(1);
                assertThat(s.list().get(0).payload()).isEqualTo(contact("uid-1", 1));
            }
        }
    }

    @Test
    void anUpdateRacingADeleteKeepsTheUpdateEverywhere() throws Exception {
        try (Hub hub = hub("a", "b", "c")) {
            String inA = hub.system("a").userCreate(ALICE_CONTACTS, contact("uid-1", 0));
            hub.sync();
            String inB = Hub.byUid(hub.system("b"), "uid-1").orElseThrow().nativeId();
            hub.system("b").setDown(true);
            hub.system("a").userDelete(inA);
            hub.sync();
            hub.system("b").userUpdate(inB, contact("uid-1", 5));
            hub.system("b").setDown(false);
            hub.sync();
            for (InMemorySystem s : hub.systems.values()) {
                assertThat(s.list()).as("objects in %s", s.name()).hasSize(1);
                assertThat(s.list().get(0).payload()).isEqualTo(contact("uid-1", 5));
            }
        }
    }

    @Test
    void aWriteWhoseReplyWasLostIsNotDuplicated() throws Exception {
        try (Hub hub = hub("a", "b")) {
            hub.system("b").loseNextReplies(1);
            hub.system("a").userCreate(ALICE_CONTACTS, contact("uid-1", 0));
            hub.sync();
            String inA = Hub.byUid(hub.system("a"), "uid-1").orElseThrow().nativeId();
            hub.system("b").loseNextReplies(1);
            hub.system("a").userUpdate(inA, contact("uid-1", 1));
            SyncReport report = hub.sync();
            assertThat(report.complete()).as("%s", report).isTrue();
            assertThat(hub.system("b").list()).hasSize(1);
            assertThat(hub.system("a").list()).hasSize(1);
            assertThat(hub.system("b").list().get(0).payload()).isEqualTo(contact("uid-1", 1));
            assertThat(hub.engine.status().conflicts()).as("a lost reply is no conflict").isZero();
        }
    }

    @Test
    void aSystemThatWasDownReceivesEverythingWhenItReturns() throws Exception {
        try (Hub hub = hub("a", "b")) {
            hub.system("b").setDown(true);
            for (int i = 0; i < 30; i++) {
                hub.system("a").userCreate(ALICE_CONTACTS, contact("uid-" + i, 0));
            }
            SyncReport whileDown = hub.sync();
            assertThat(whileDown.complete()).isFalse();
            assertThat(whileDown.undelivered()).isEqualTo(30);
            assertThat(whileDown.down()).singleElement().asString().startsWith("b:");
            hub.restart();
            hub.system("b").setDown(false);
            SyncReport after = hub.sync();
            assertThat(after.complete()).isTrue();
            assertThat(hub.system("b").list()).hasSize(30);
        }
    }

    @Test
    void anObjectASystemRefusesBecomesASyncErrorAndTheRestSyncs() throws Exception {
        try (Hub hub = hub("a", "b")) {
            hub.system("a").userCreate(ALICE_CONTACTS, contact("uid-ok", 0));
            hub.system("a").userCreate(ALICE_CONTACTS, contact("uid-bad", 0));
            hub.sync();
            String badItem = hub.store.read(tx -> tx.itemByUid("alice", ItemType.CONTACT, "uid-bad")).orElseThrow().globalId();
            // Refuse the object, then make it change again so it is written again.
            hub.system("b").rejectWritesOf(badItem);
            String inA = Hub.byUid(hub.system("a"), "uid-bad").orElseThrow().nativeId();
            hub.system("a").userUpdate(inA, contact("uid-bad", 1));
            hub.system("a").userCreate(ALICE_CONTACTS, contact("uid-later", 0));
            SyncReport report = hub.sync();
            assertThat(report.errors()).isEqualTo(1);
            assertThat(Hub.countUid(hub.system("b"), "uid-later")).isEqualTo(1);
            var errors = hub.store.read(tx -> tx.errors(Optional.of("b"), 10));
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.message()).contains(badItem).contains("refused");
            });
            hub.system("b").acceptWritesOf(badItem);
            hub.engine.retryNow(Optional.empty());
            SyncReport retried = hub.sync();
            assertThat(retried.complete()).isTrue();
            assertThat(retried.errors()).isZero();
            assertThat(Hub.byUid(hub.system("b"), "uid-bad").orElseThrow().payload()).isEqualTo(contact("uid-bad", 1));
        }
    }

    @Test
    void objectsAlreadyInBothSystemsAreMatchedByUidNotDoubled() throws Exception {
        try (Hub hub = hub("a", "b")) {
            for (int i = 0; i < 5; i++) {
                hub.system("a").userCreate(ALICE_CONTACTS, contact("uid-" + i, 0));
                hub.system("b").userCreate(ALICE_CONTACTS, contact("uid-" + i, 0));
            }
            hub.system("a").userCreate(ALICE_CONTACTS, contact("uid-only-a", 0));
            SyncReport report = hub.sync();
            assertThat(report.complete()).isTrue();
            assertThat(hub.system("a").list()).hasSize(6);
            assertThat(hub.system("b").list()).hasSize(6);
        }
    }

    @Test
    void aRestartRepeatsNothing() throws Exception {
        try (Hub hub = hub("a", "b")) {
            for (int i = 0; i < 10; i++) {
                hub.system("a").userCreate(ALICE_CONTACTS, contact("uid-" + i, 0));
            }
            hub.sync();
            int calls = hub.system("b").writeCalls();
            hub.restart();
            SyncReport again = hub.sync();
            assertThat(again.written()).isZero();
            assertThat(hub.system("b").writeCalls()).isEqualTo(calls);
            assertThat(hub.system("b").list()).hasSize(10);
        }
    }

    @Test
    void theContinuousAgentDeliversAChangeWithoutBeingAsked() throws Exception {
        try (Hub hub = hub("a", "b", "c")) {
            hub.engine.start();
            hub.system("a").userCreate(ALICE_CONTACTS, contact("uid-live", 0));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while ((Hub.countUid(hub.system("b"), "uid-live") == 0 || Hub.countUid(hub.system("c"), "uid-live") == 0)
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(Hub.countUid(hub.system("b"), "uid-live")).isEqualTo(1);
            assertThat(Hub.countUid(hub.system("c"), "uid-live")).isEqualTo(1);
            hub.system("c").setDown(true);
            String inA = Hub.byUid(hub.system("a"), "uid-live").orElseThrow().nativeId();
            hub.system("a").userUpdate(inA, contact("uid-live", 1));
            deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!Hub.byUid(hub.system("b"), "uid-live").orElseThrow().payload().equals(contact("uid-live", 1))
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(Hub.byUid(hub.system("b"), "uid-live").orElseThrow().payload()).isEqualTo(contact("uid-live", 1));
            hub.system("c").setDown(false);
            deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!Hub.byUid(hub.system("c"), "uid-live").orElseThrow().payload().equals(contact("uid-live", 1))
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(Hub.byUid(hub.system("c"), "uid-live").orElseThrow().payload()).isEqualTo(contact("uid-live", 1));
        }
    }

    @Test
    void aLossySystemsCopyOfOurOwnWriteIsNeitherAConflictNorAnEditThatSpreads() throws Exception {
        try (Hub hub = hub("a", "b")) {
            hub.system("b").dropOnWrite("phones");
            hub.engine.start();
            for (int i = 0; i < 40; i++) {
                hub.system("a").userCreate(ALICE_CONTACTS, Samples.of(ItemType.CONTACT, "uid-" + i, i, 0));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while ((hub.system("b").list().size() < 40 || hub.engine.status().pending() > 0) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(300);
            assertThat(hub.system("b").list()).hasSize(40);
            assertThat(hub.system("a").list()).as("no conflicting copies in a").hasSize(40);
            assertThat(hub.system("a").list()).allSatisfy(o ->
                    assertThat(o.payload().property("phones")).as("a keeps what b cannot hold").isPresent());
            assertThat(hub.engine.status().conflicts()).isZero();
        }
    }
}
