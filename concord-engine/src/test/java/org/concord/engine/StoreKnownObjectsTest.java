package org.concord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concord.model.ItemType;
import org.concord.spi.KnownObject;
import org.concord.spi.Scope;
import org.concord.store.Item;
import org.concord.store.Link;
import org.concord.store.Store;
import org.concord.store.jdbc.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The view of one system's links that listing connectors compare against, one object or a page at a time. */
class StoreKnownObjectsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private Store store;

    @BeforeEach
    void links() {
        store = Stores.open("concord.db", dir);
        store.transact(tx -> {
            for (String g : List.of("g1", "g2", "g3")) {
                tx.saveItem(new Item(g, "alice", ItemType.CONTACT, Optional.of("uid-" + g), T0));
            }
            tx.saveLink(link("files", "alice/contacts/1.vcf", "g1"));
            tx.saveLink(link("files", "alice/contacts/2.vcf", "g2"));
            tx.saveLink(link("other", "alice/contacts/3.vcf", "g3"));
            return null;
        });
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aPageIsAnsweredWithTheKnownObjectsOfThatSystemOnly() {
        StoreKnownObjects known = new StoreKnownObjects(store, "files");

        Map<String, KnownObject> found = known.findAll(List.of(
                "alice/contacts/1.vcf", "alice/contacts/2.vcf", "alice/contacts/3.vcf", "alice/contacts/new.vcf"));

        assertThat(found).containsOnlyKeys("alice/contacts/1.vcf", "alice/contacts/2.vcf");
        assertThat(found.get("alice/contacts/2.vcf")).isEqualTo(new KnownObject(
                new Scope("alice", ItemType.CONTACT), "alice/contacts/2.vcf", "v-alice/contacts/2.vcf", "h-g2"));
        assertThat(found.get("alice/contacts/1.vcf")).isEqualTo(known.find("alice/contacts/1.vcf").orElseThrow());
        assertThat(known.findAll(List.of())).isEmpty();
    }

    private static Link link(String system, String nativeId, String globalId) {
        return new Link(system, nativeId, globalId, "alice", ItemType.CONTACT, "v-" + nativeId, "h-" + globalId,
                Map.of("fn", "x"), T0);
    }
}
