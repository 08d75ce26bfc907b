package org.concord.bench.measure;

import java.util.Arrays;

/**
 * Latency samples in nanoseconds, kept whole (a run holds at most a few hundred thousand), so the
 * percentiles are exact ranks rather than histogram buckets. Thread-safe.
 */
public final class Latencies {
    private long[] samples = new long[1024];
    private int count;

    public synchronized void add(long nanos) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = nanos;
    }

    public synchronized int count() {
        return count;
    }

    /** The figures of what was collected so far. */
    public synchronized Summary summary() {
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return new Summary(count, rank(sorted, 0.50), rank(sorted, 0.99), rank(sorted, 0.999),
                count == 0 ? 0 : sorted[count - 1], count == 0 ? 0 : Arrays.stream(sorted).average().orElse(0));
    }

    /** Nearest-rank percentile; 0 without samples. */
    static long rank(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Percentiles in nanoseconds. */
    public record Summary(int count, long p50, long p99, long p999, long max, double mean) {
        public double p50Millis() {
            return p50 / 1e6;
        }

        public double p99Millis() {
            return p99 / 1e6;
        }

        public double p999Millis() {
            return p999 / 1e6;
        }

        public double maxMillis() {
            return max / 1e6;
        }
    }
}
