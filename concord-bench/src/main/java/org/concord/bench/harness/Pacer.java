package org.concord.bench.harness;

import java.util.concurrent.locks.LockSupport;

/**
 * Releases events at a steady rate: event {@code k} is due at {@code start + k / rate}. A caller
 * that falls behind is not made to catch up in a burst beyond what is due, and lateness is
 * reported, so a run can say whether it really injected at the rate it claims.
 */
public final class Pacer {
    private final long start = System.nanoTime();
    private final double nanosPerEvent;
    private long next;
    private final org.concord.bench.measure.Latencies lateness = new org.concord.bench.measure.Latencies();

    public Pacer(double perSecond) {
        this.nanosPerEvent = 1e9 / perSecond;
    }

    /** Waits until the next event is due and returns its number (0, 1, …). */
    public long awaitNext() throws InterruptedException {
        long due = start + (long) (next * nanosPerEvent);
        long now;
        while ((now = System.nanoTime()) < due) {
            LockSupport.parkNanos(due - now);
            if (Thread.interrupted()) {
                throw new InterruptedException("pacer stopped");
            }
        }
        lateness.add(now - due);
        return next++;
    }

    /** The rate actually achieved so far, events per second. */
    public double achievedRate() {
        double seconds = (System.nanoTime() - start) / 1e9;
        return seconds <= 0 ? 0 : next / seconds;
    }

    /**
     * How late events were released: a thread that does nothing but wait shows how much the
     * machine (other processes) and the JVM (GC, safepoints) delay any thread, a floor under every
     * latency measured meanwhile.
     */
    public org.concord.bench.measure.Latencies lateness() {
        return lateness;
    }

}
