package org.concord.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.store.PendingOp;
import org.concord.store.Store;
import org.concord.store.StoreTx;
import org.concord.testkit.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentPayloadsTest {

    @TempDir
    java.nio.file.Path dir;

    @Test
    void keepsTheNewestEntriesOnlyAndAnswersOnlyForTheSameContent() {
        RecentPayloads recent = new RecentPayloads();
        List<RecentPayloads.Put> puts = new ArrayList<>();
        for (int i = 0; i <= RecentPayloads.CAPACITY; i++) {
            puts.add(new RecentPayloads.Put(i, Samples.of(ItemType.CONTACT, i % 3)));
        }
        recent.committed(puts);

        Payload newest = puts.getLast().payload();
        assertThat(recent.get(RecentPayloads.CAPACITY, newest.contentHash())).isSameAs(newest);
        assertThat(recent.get(0, puts.getFirst().payload().contentHash())).as("the oldest, beyond the bound").isNull();
        assertThat(recent.get(RecentPayloads.CAPACITY, "another hash")).isNull();
    }

    @Test
    void aDueEntryCarriesThePayloadPutWhetherItComesFromMemoryOrFromItsRow() {
        Payload put = Samples.of(ItemType.CONTACT, 7);
        try (Store store = Stores.open("concord.db", dir)) {
            store.transact((StoreTx tx) -> {
                tx.saveItem(new org.concord.store.Item("g", "alice", ItemType.CONTACT, put.uid(), java.time.Instant.EPOCH));
                return tx.putPending("b", "g", PendingOp.UPSERT, Optional.of(put), "a", java.time.Instant.EPOCH);
            });
            Payload fromMemory = store.read((StoreTx tx) -> tx.dueEntries("b", java.time.Instant.EPOCH, 10))
                    .getFirst().entry().payload().orElseThrow();
            assertThat(fromMemory).isSameAs(put);
        }
        try (Store reopened = Stores.open("concord.db", dir)) {
            Payload fromRow = reopened.read((StoreTx tx) -> tx.dueEntries("b", java.time.Instant.EPOCH, 10))
                    .getFirst().entry().payload().orElseThrow();
            assertThat(fromRow).isNotSameAs(put).isEqualTo(put);
            assertThat(fromRow.contentHash()).isEqualTo(put.contentHash());
            assertThat(fromRow.fieldHashes()).isEqualTo(put.fieldHashes());
        }
    }

    @Test
    void aTransactionRolledBackLeavesNothingInMemory() {
        Payload put = Samples.of(ItemType.CONTACT, 8);
        try (Store store = Stores.open("concord.db", dir)) {
            long[] seq = new long[1];
            try {
                store.transact((StoreTx tx) -> {
                    tx.saveItem(new org.concord.store.Item("g", "alice", ItemType.CONTACT, put.uid(), java.time.Instant.EPOCH));
                    seq[0] = tx.putPending("b", "g", PendingOp.UPSERT, Optional.of(put), "a", java.time.Instant.EPOCH);
                    throw new IllegalStateException("crash before commit");
                });
            } catch (IllegalStateException expected) {
                // rolled back
            }
            assertThat(((JdbcStore) store).recentPayload(seq[0], put.contentHash())).isNull();
        }
    }
}
