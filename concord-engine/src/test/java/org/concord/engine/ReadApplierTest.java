package org.concord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.spi.Change;
import org.concord.spi.Scope;
import org.concord.store.Item;
import org.concord.store.Link;
import org.concord.store.MemoryStore;
import org.concord.store.PendingOp;
import org.concord.testkit.InMemoryConnector;
import org.concord.testkit.InMemorySystem;
import org.concord.testkit.Samples;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A delete a connector found for one version of an object, applied after the hub wrote the object
 * there again: the race between a folder's listing and the writer re-creating a file the user
 * had just deleted. Applying it would delete the item everywhere while the system still holds it.
 */
class ReadApplierTest {
    private static final Scope SCOPE = new Scope("alice", ItemType.CONTACT);
    private static final Payload CONTACT = Samples.of(ItemType.CONTACT, "uid-1", 1, 0);

    private MemoryStore store;
    private EngineContext ctx;

    @BeforeEach
    void hubWithOneItemInTwoSystems() {
        store = new MemoryStore();
        ctx = new EngineContext(store, Clock.systemUTC(), UserMap.identity(), ConflictSettings.defaults(), Hub.FAST);
        for (String name : List.of("a", "b")) {
            ctx.systems.put(name, new SystemRuntime(new SystemSpec(name, new InMemoryConnector(new InMemorySystem(name)),
                    Duration.ofMillis(20)), store, ctx.clock, List.of()));
        }
        Instant now = Instant.now();
        store.transact(tx -> {
            tx.saveItem(new Item("g1", "alice", ItemType.CONTACT, CONTACT.uid(), now));
            for (String name : List.of("a", "b")) {
                // b's file was written again by the hub: its link is of version v2
                tx.saveLink(new Link(name, "g1.vcf", "g1", "alice", ItemType.CONTACT, name.equals("b") ? "v2" : "v1",
                        CONTACT.contentHash(), CONTACT.fieldHashes(), now));
            }
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    private ReadApplier.Outcome readFromB(Change... changes) {
        return store.transact(tx -> new ReadApplier(ctx, "b").apply(tx, List.of(changes)));
    }

    @Test
    void aDeleteOfAnOlderVersionThanTheHubWroteSinceIsIgnored() {
        ReadApplier.Outcome out = readFromB(new Change.Delete(SCOPE, "g1.vcf", Optional.of("v1")));

        assertThat(out.deleted).isZero();
        store.read(tx -> {
            assertThat(tx.link("b", "g1.vcf")).as("b's link").isPresent();
            assertThat(tx.pending("a", "g1")).as("a delete queued for a").isEmpty();
            return null;
        });
    }

    @Test
    void aDeleteOfTheLinkedVersionOrWithoutAVersionApplies() {
        for (Optional<String> version : List.of(Optional.of("v2"), Optional.<String>empty())) {
            hubWithOneItemInTwoSystems();
            ReadApplier.Outcome out = readFromB(new Change.Delete(SCOPE, "g1.vcf", version));

            assertThat(out.deleted).as("deletes applied, version %s", version).isEqualTo(1);
            store.read(tx -> {
                assertThat(tx.link("b", "g1.vcf")).isEmpty();
                assertThat(tx.pending("a", "g1")).map(p -> p.op()).contains(PendingOp.DELETE);
                return null;
            });
        }
    }

    @Test
    void aChangeThenADeleteSeenInOneReadBothApply() {
        Payload edited = Samples.of(ItemType.CONTACT, "uid-1", 1, 1);
        ReadApplier.Outcome out = readFromB(new Change.Upsert(SCOPE, "g1.vcf", "v3", edited),
                new Change.Delete(SCOPE, "g1.vcf", Optional.of("v2")));

        assertThat(out.updated).isEqualTo(1);
        assertThat(out.deleted).isEqualTo(1);
        store.read(tx -> {
            assertThat(tx.link("b", "g1.vcf")).isEmpty();
            return null;
        });
    }
}
