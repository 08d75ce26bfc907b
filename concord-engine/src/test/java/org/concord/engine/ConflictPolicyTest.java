package org.concord.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.spi.Scope;
import org.concord.store.MemoryStore;
import org.concord.testkit.InMemorySystem;
import org.concord.testkit.Samples;
import org.junit.jupiter.api.Test;

/** Each policy on the same story: a and b change one contact while b is offline. */
class ConflictPolicyTest {
    private static final Scope SCOPE = new Scope("alice", ItemType.CONTACT);

    private static Payload base() {
        return Samples.of(ItemType.CONTACT, "uid-1", 1, 0);
    }

    private static Payload with(Payload p, String field, String value, String updated) {
        ObjectNode o = p.json();
        o.put(field, value);
        if (updated != null) {
            o.put("updated", updated);
        }
        return Payload.of(ItemType.CONTACT, o);
    }

    /** Creates the contact in a, syncs, then edits it in a (while b is down) and in b; returns the hub, synced. */
    private Hub story(ConflictSettings settings, Payload inA, Payload inB) throws Exception {
        Hub hub = new Hub(new MemoryStore(), settings, "a", "b");
        String idA = hub.system("a").userCreate(SCOPE, base());
        hub.sync();
        String idB = Hub.byUid(hub.system("b"), "uid-1").orElseThrow().nativeId();
        hub.system("b").setDown(true);
        hub.system("a").userUpdate(idA, inA);
        hub.sync();
        hub.system("b").userUpdate(idB, inB);
        hub.system("b").setDown(false);
        hub.sync();
        return hub;
    }

    private static void everywhere(Hub hub, Payload expected) {
        for (InMemorySystem s : hub.systems.values()) {
            assertThat(s.list()).as("objects in %s", s.name()).hasSize(1);
            assertThat(s.list().get(0).payload()).as("content in %s", s.name()).isEqualTo(expected);
        }
    }

    @Test
    void mergeTakesEachSidesOwnFields() throws Exception {
        Payload a = with(base(), "nickname", "Ace", null);
        Payload b = with(base(), "notes", "met in Oslo", null);
        try (Hub hub = story(ConflictSettings.of(new ConflictPolicy.Merge()), a, b)) {
            everywhere(hub, with(a, "notes", "met in Oslo", null));
            assertThat(hub.engine.conflicts(false, 10)).singleElement()
                    .satisfies(c -> assertThat(c.decision()).contains("merged: notes from b"));
        }
    }

    @Test
    void mergeOfAFieldChangedOnBothSidesFallsBackToDuplicate() throws Exception {
        Payload a = with(base(), "nickname", "Ace", null);
        Payload b = with(base(), "nickname", "Bee", null);
        try (Hub hub = story(ConflictSettings.of(new ConflictPolicy.Merge()), a, b)) {
            for (InMemorySystem s : hub.systems.values()) {
                assertThat(s.list()).hasSize(2);
                assertThat(Hub.byUid(s, "uid-1").orElseThrow().payload()).isEqualTo(a);
            }
            assertThat(hub.engine.conflicts(false, 10)).singleElement().satisfies(c -> {
                assertThat(c.policy()).isEqualTo("merge (both changed nickname), then duplicate");
                assertThat(c.duplicateId()).isPresent();
            });
        }
    }

    @Test
    void newestKeepsTheLaterEditWhicheverSideItCameFrom() throws Exception {
        Payload a = with(base(), "nickname", "Ace", "2026-11-20T10:00:00Z");
        Payload b = with(base(), "nickname", "Bee", "2026-11-21T10:00:00Z");
        try (Hub hub = story(ConflictSettings.of(new ConflictPolicy.Newest()), a, b)) {
            everywhere(hub, b);
        }
        try (Hub hub = story(ConflictSettings.of(new ConflictPolicy.Newest()), b, a)) {
            everywhere(hub, b);
        }
    }

    @Test
    void preferKeepsThePreferredSystemsVersion() throws Exception {
        Payload a = with(base(), "nickname", "Ace", null);
        Payload b = with(base(), "nickname", "Bee", null);
        try (Hub hub = story(ConflictSettings.of(new ConflictPolicy.Prefer("a")), a, b)) {
            everywhere(hub, a);
        }
        try (Hub hub = story(ConflictSettings.of(new ConflictPolicy.Prefer("b")), a, b)) {
            everywhere(hub, b);
        }
    }

    @Test
    void manualHoldsTheItemUntilAnAdminChooses() throws Exception {
        Payload a = with(base(), "nickname", "Ace", null);
        Payload b = with(base(), "nickname", "Bee", null);
        try (Hub hub = story(ConflictSettings.of(new ConflictPolicy.Manual()), a, b)) {
            var open = hub.engine.conflicts(true, 10);
            assertThat(open).hasSize(1);
            var detail = hub.engine.conflict(open.get(0).id()).orElseThrow();
            assertThat(detail.versions()).containsEntry("a", a).containsEntry("b", b);
            // Held: each side keeps its own version for now, nothing is overwritten.
            assertThat(Hub.byUid(hub.system("a"), "uid-1").orElseThrow().payload()).isEqualTo(a);
            assertThat(Hub.byUid(hub.system("b"), "uid-1").orElseThrow().payload()).isEqualTo(b);
            assertThatThrownBy(() -> hub.engine.resolveConflict(open.get(0).id(), new Resolution.Keep("c")))
                    .hasMessageContaining("has no version from 'c'; versions: a, b");
            hub.engine.resolveConflict(open.get(0).id(), new Resolution.Keep("b"));
            hub.sync();
            everywhere(hub, b);
            assertThat(hub.engine.conflicts(true, 10)).isEmpty();
        }
    }

    @Test
    void aManualConflictCanBeResolvedWithAnEditedVersion() throws Exception {
        Payload a = with(base(), "nickname", "Ace", null);
        Payload b = with(base(), "nickname", "Bee", null);
        try (Hub hub = story(ConflictSettings.of(new ConflictPolicy.Manual()), a, b)) {
            long id = hub.engine.conflicts(true, 10).get(0).id();
            Payload edited = with(base(), "nickname", "Ace Bee", null);
            hub.engine.resolveConflict(id, new Resolution.Edited(edited));
            hub.sync();
            everywhere(hub, edited);
            assertThatThrownBy(() -> hub.engine.resolveConflict(id, new Resolution.Keep("a"))).hasMessageContaining("is not held");
        }
    }

    @Test
    void aPerSystemPolicyBeatsTheGlobalOne() throws Exception {
        Payload a = with(base(), "nickname", "Ace", null);
        Payload b = with(base(), "nickname", "Bee", null);
        var settings = new ConflictSettings(ConflictPolicy.DUPLICATE, ConflictPolicy.DUPLICATE, java.util.Optional.empty(),
                java.util.Map.of("b", new ConflictPolicy.Prefer("a")), java.util.Map.of());
        try (Hub hub = story(settings, a, b)) {
            everywhere(hub, a);
        }
    }

    @Test
    void aCopyCreatedOnTheDuplicatesSystemReachesTheOthersEvenWhenItsCreateReplyWasLost() throws Exception {
        // duplicates-to c: the copy is created in c first, then synced to a and b as new. The
        // create lands in c but its reply is lost, so the hub learns of it only by reading c.
        ConflictSettings settings = new ConflictSettings(ConflictPolicy.DUPLICATE, java.util.Optional.of("c"));
        Payload a = with(base(), "nickname", "Ace", null);
        Payload b = with(base(), "nickname", "Bee", null);
        try (Hub hub = new Hub(new MemoryStore(), settings, "a", "b", "c")) {
            String idA = hub.system("a").userCreate(SCOPE, base());
            hub.sync();
            String idB = Hub.byUid(hub.system("b"), "uid-1").orElseThrow().nativeId();
            hub.system("b").setDown(true);
            hub.system("a").userUpdate(idA, a);
            hub.sync();
            hub.system("b").userUpdate(idB, b);
            hub.system("b").setDown(false);
            hub.system("c").loseNextReplies(1);
            hub.sync();
            hub.sync();
            for (InMemorySystem s : hub.systems.values()) {
                assertThat(s.list()).as("objects in %s", s.name()).hasSize(2);
                assertThat(Hub.byUid(s, "uid-1").orElseThrow().payload()).as("original in %s", s.name()).isEqualTo(a);
                assertThat(s.list()).as("the copy in %s", s.name())
                        .anySatisfy(o -> assertThat(o.payload().json().path("nickname").asText()).isEqualTo("Bee"));
            }
        }
    }
}
