package org.concord.bench.harness;

import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import org.concord.bench.data.CanonicalContacts;
import org.concord.bench.measure.Latencies;
import org.concord.model.Payload;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;

/**
 * Matches writes arriving on a target with the changes injected on a source, by the
 * {@code benchSeq} each payload carries: the delay of the first arrival of each change becomes a
 * latency sample, and the count of distinct changes arrived tells when a run is complete.
 */
public final class Arrivals implements TimedConnector.Arrivals {
    private final AtomicLongArray injectedAt;
    private final AtomicLongArray arrivedAt;
    private final long firstSeq;
    private final Latencies latencies = new Latencies();
    private final java.util.concurrent.atomic.AtomicLong arrived = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean recording = true;
    private final java.util.List<Latencies> windows = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Tracks changes {@code firstSeq … firstSeq + capacity - 1}. */
    public Arrivals(long firstSeq, int capacity) {
        this.firstSeq = firstSeq;
        this.injectedAt = new AtomicLongArray(capacity);
        this.arrivedAt = new AtomicLongArray(capacity);
    }

    /** Notes when change {@code seq} became available in the source's feed. */
    public void injected(long seq, long nanoTime) {
        injectedAt.set((int) (seq - firstSeq), nanoTime);
    }

    /** Whether arrivals add latency samples (off during a warm-up or a phase not measured). */
    public void recording(boolean on) {
        recording = on;
    }

    @Override
    public void arrived(List<Write> batch, List<WriteResult> results, long nanoTime) {
        for (int k = 0; k < batch.size(); k++) {
            if (!(results.get(k) instanceof WriteResult.Written)) {
                continue;
            }
            writes.incrementAndGet();
            Payload p = switch (batch.get(k)) {
                case Write.Create c -> c.payload();
                case Write.Update u -> u.payload();
                case Write.Delete d -> null;
            };
            if (p == null) {
                continue;
            }
            long seq = CanonicalContacts.seqOf(p);
            long index = seq - firstSeq;
            if (index < 0 || index >= injectedAt.length()) {
                continue;
            }
            int i = (int) index;
            if (arrivedAt.compareAndSet(i, 0, nanoTime)) {
                arrived.incrementAndGet();
                long at = injectedAt.get(i);
                if (at != 0) {
                    if (recording) {
                        latencies.add(nanoTime - at);
                    }
                    for (Latencies w : windows) {
                        w.add(nanoTime - at);
                    }
                }
            }
        }
    }

    /** Distinct tracked changes arrived so far. */
    public long arrived() {
        return arrived.get();
    }

    /** Successful writes of any change, tracked or not. */
    public long writes() {
        return writes.get();
    }

    public Latencies latencies() {
        return latencies;
    }

    /** Waits until {@code count} tracked changes arrived or the time is up; true if they did. */
    public boolean await(long count, java.time.Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (arrived.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** When the last tracked change arrived (nanoTime), 0 if none. */
    public long lastArrival() {
        long last = 0;
        for (int i = 0; i < arrivedAt.length(); i++) {
            last = Math.max(last, arrivedAt.get(i));
        }
        return last;
    }

    /** Latencies of the changes that arrive from now until the window is closed. */
    public Window window() {
        Latencies l = new Latencies();
        windows.add(l);
        return new Window(l);
    }

    /** A span of time whose arrivals are measured on their own. */
    public final class Window {
        private final Latencies samples;

        private Window(Latencies samples) {
            this.samples = samples;
        }

        public Latencies.Summary close() {
            windows.remove(samples);
            return samples.summary();
        }
    }

    /** The first arrival after {@code nanoTime}, or {@code nanoTime} if none. */
    public long firstArrivalAfter(long nanoTime) {
        long first = Long.MAX_VALUE;
        for (int i = 0; i < arrivedAt.length(); i++) {
            long a = arrivedAt.get(i);
            if (a > nanoTime && a < first) {
                first = a;
            }
        }
        return first == Long.MAX_VALUE ? nanoTime : first;
    }
}
