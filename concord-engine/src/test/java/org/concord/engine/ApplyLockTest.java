package org.concord.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.concord.store.MemoryStore;
import org.concord.testkit.InMemoryConnector;
import org.concord.testkit.InMemorySystem;
import org.junit.jupiter.api.Test;

/**
 * A system's writer takes its apply lock again right after each batch while it drains a backlog;
 * the system's reader, waiting for the same lock, must get it before the writer's next batch.
 */
class ApplyLockTest {

    @Test
    void aReaderWaitingForTheApplyLockGetsItBeforeTheWriterTakesItAgain() throws Exception {
        MemoryStore store = new MemoryStore();
        SystemRuntime system = new SystemRuntime(new SystemSpec("target",
                new InMemoryConnector(new InMemorySystem("target")), Duration.ofMillis(20)), store, Clock.systemUTC(), List.of());
        List<String> order = new CopyOnWriteArrayList<>();

        system.applyLock.lock(); // the writer's batch
        Thread reader = Thread.ofVirtual().start(() -> {
            system.applyLock.lock();
            try {
                order.add("reader");
            } finally {
                system.applyLock.unlock();
            }
        });
        while (!system.applyLock.hasQueuedThread(reader)) {
            Thread.onSpinWait();
        }
        system.applyLock.unlock();
        system.applyLock.lock(); // the writer's next batch
        try {
            order.add("writer");
        } finally {
            system.applyLock.unlock();
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(order).containsExactly("reader", "writer");
        store.close();
    }
}
