package org.concord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.concord.store.MemoryStore;
import org.concord.testkit.InMemoryConnector;
import org.concord.testkit.InMemorySystem;
import org.junit.jupiter.api.Test;

/**
 * A system's writer takes its apply lock again right after each batch while it drains a backlog;
 * the system's reader, once it has waited for that lock longer than the bound, must get it
 * before the writer's next batch.
 */
class ApplyLockTest {

    @Test
    void aReaderThatWaitedLongerThanTheBoundGetsTheApplyLockBeforeTheWritersNextBatch() throws Exception {
        MemoryStore store = new MemoryStore();
        SystemRuntime system = new SystemRuntime(new SystemSpec("target",
                new InMemoryConnector(new InMemorySystem("target")), Duration.ofMillis(20)), store, Clock.systemUTC(), List.of());
        List<String> order = new CopyOnWriteArrayList<>();

        system.lockForWriter(); // the writer's batch
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                system.lockForReader();
            } catch (InterruptedException e) {
                return;
            }
            try {
                order.add("reader");
            } finally {
                system.applyLock.unlock();
            }
        });
        while (!system.applyLock.hasQueuedThread(reader)) {
            Thread.onSpinWait();
        }
        Thread.sleep(SystemRuntime.READER_WAIT_BOUND.toMillis() + 50);
        system.applyLock.unlock();
        system.lockForWriter(); // the writer's next batch
        try {
            order.add("writer");
        } finally {
            system.applyLock.unlock();
        }
        reader.join(10_000);

        assertThat(order).containsExactly("reader", "writer");
        store.close();
    }
}
