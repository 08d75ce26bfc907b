package org.concord.remote.kit;

import java.time.Duration;

/**
 * Wakes waiting long polls. A counter, so a change signalled between a poll's query and its wait
 * is not missed: the poll waits only while the counter still has the value it saw before asking.
 */
final class ChangeSignal {
    private long generation;
    private boolean closed;

    synchronized long generation() {
        return generation;
    }

    synchronized void signal() {
        generation++;
        notifyAll();
    }

    /** Waits until the generation moves past {@code seen}, the time is up, or the server closes. */
    synchronized void awaitAfter(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (generation == seen && !closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000), 0);
        }
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
