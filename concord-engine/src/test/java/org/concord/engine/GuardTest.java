package org.concord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.concord.model.ItemType;
import org.concord.spi.Scope;
import org.concord.testkit.InMemorySystem;
import org.concord.testkit.Samples;
import org.junit.jupiter.api.Test;

class GuardTest {
    private static final Scope SCOPE = new Scope("alice", ItemType.CONTACT);

    private static Hub hubWith(int items) throws Exception {
        Hub hub = new Hub("a", "b");
        hub.useGuards(Guards.defaults());
        for (int i = 0; i < items; i++) {
            hub.system("a").userCreate(SCOPE, Samples.of(ItemType.CONTACT, "uid-" + i, i, 0));
        }
        hub.sync();
        return hub;
    }

    private static void deleteIn(InMemorySystem s, int n) {
        List<InMemorySystem.Stored> objects = s.list();
        for (int i = 0; i < n; i++) {
            s.userDelete(objects.get(i).nativeId());
        }
    }

    @Test
    void aMassDeleteIsStoppedAndTheSystemPausedUntilAnAdminAcceptsIt() throws Exception {
        try (Hub hub = hubWith(30)) {
            deleteIn(hub.system("a"), 25);
            SyncReport r = hub.sync();
            assertThat(hub.system("b").list()).as("nothing deleted in b").hasSize(30);
            assertThat(r.complete()).isFalse();
            assertThat(r.down()).singleElement().asString()
                    .contains("a: paused: delete guard: a reported 25 of its 30 objects deleted in one read")
                    .contains("concord resume a --accept-deletes");
            SystemStatus a = hub.engine.status().systems().get(0);
            assertThat(a.paused()).isTrue();
            assertThat(a.reason()).get().asString().contains("delete guard");

            hub.restart();
            assertThat(hub.sync().complete()).as("still paused after a restart").isFalse();
            assertThat(hub.system("b").list()).hasSize(30);

            hub.engine.resume("a", true);
            SyncReport after = hub.sync();
            assertThat(after.complete()).as("%s", after).isTrue();
            assertThat(hub.system("b").list()).hasSize(5);
        }
    }

    @Test
    void resumingWithoutAcceptingStopsTheSameDeletesAgain() throws Exception {
        try (Hub hub = hubWith(30)) {
            deleteIn(hub.system("a"), 25);
            hub.sync();
            hub.engine.resume("a", false);
            hub.sync();
            assertThat(hub.engine.status().systems().get(0).paused()).isTrue();
            assertThat(hub.system("b").list()).hasSize(30);
        }
    }

    @Test
    void ordinaryDeletesPass() throws Exception {
        try (Hub hub = hubWith(30)) {
            deleteIn(hub.system("a"), 9);
            assertThat(hub.sync().complete()).isTrue();
            assertThat(hub.system("b").list()).hasSize(21);
        }
    }
}
