package org.concord.bench.measure;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;

/**
 * Samples the used heap on a daemon thread and keeps the highest value: the peak heap of a run.
 * Used heap includes garbage not yet collected, so the peak is an upper bound of what the run
 * needed; the heap limit ({@code -Xmx}) is the hard figure a scenario sets.
 */
public final class HeapSampler implements AutoCloseable {
    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peak;
    private volatile long peakRss;

    private HeapSampler(Duration every) {
        thread = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    public static HeapSampler start(Duration every) {
        return new HeapSampler(every);
    }

    private void sample() {
        long used = MEMORY.getHeapMemoryUsage().getUsed();
        if (used > peak) {
            peak = used;
        }
        long rss = ProcessStats.rssBytes().orElse(0);
        if (rss > peakRss) {
            peakRss = rss;
        }
    }

    /** Highest used heap seen, in bytes. */
    public long peakHeapBytes() {
        sample();
        return peak;
    }

    /** Highest resident memory seen by sampling, in bytes. */
    public long peakRssBytes() {
        sample();
        return peakRss;
    }

    /** Heap in use after a full collection: what is live, in bytes. */
    public static long liveHeapBytes() {
        System.gc();
        return MEMORY.getHeapMemoryUsage().getUsed();
    }

    public static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
