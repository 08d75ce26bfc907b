package org.concord.bench.harness;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.concord.engine.EngineMetrics;

/** Counts the engine's store transactions and read batches, to see where a run's time went. */
public final class StoreCounters implements EngineMetrics {
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong commitNanos = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong echoes = new AtomicLong();
    private volatile org.concord.bench.measure.Latencies commitTimes = new org.concord.bench.measure.Latencies();

    @Override
    public void storeCommit(Duration took) {
        commits.incrementAndGet();
        commitNanos.addAndGet(took.toNanos());
        commitTimes.add(took.toNanos());
    }

    @Override
    public void read(String system, int n, int echoCount) {
        batches.incrementAndGet();
        changes.addAndGet(n);
        echoes.addAndGet(echoCount);
    }

    public void reset() {
        commits.set(0);
        commitNanos.set(0);
        batches.set(0);
        changes.set(0);
        echoes.set(0);
        commitTimes = new org.concord.bench.measure.Latencies();
    }

    /** Durations of the store transactions (waiting for the write lock included). */
    public org.concord.bench.measure.Latencies commitTimes() {
        return commitTimes;
    }

    public long commits() {
        return commits.get();
    }

    /** Time spent inside store transactions (work and commit), in seconds. */
    public double transactionSeconds() {
        return commitNanos.get() / 1e9;
    }

    public double meanReadBatch() {
        long b = batches.get();
        return b == 0 ? 0 : (double) changes.get() / b;
    }

    public long echoes() {
        return echoes.get();
    }
}
