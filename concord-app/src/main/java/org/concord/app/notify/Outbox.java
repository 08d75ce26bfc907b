package org.concord.app.notify;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the notifications of one channel in order, on a virtual thread of its own, so the
 * engine's thread only enqueues and never waits for a receiver. The queue is bounded: when a
 * receiver stays away so long that it fills, the oldest notification is dropped with a warning
 * (the log channel still has every transition). Each notification gets a few attempts with
 * growing pauses; on close, what is queued gets one last attempt within a short grace period.
 */
final class Outbox implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("concord.notify");
    private static final Duration DROP_WARNING_EVERY = Duration.ofMinutes(1);

    /** One channel's way to deliver. Called on the outbox's thread only, one call at a time. */
    interface Channel {
        /** Names the channel and its receiver, never a secret: {@code webhook https://hooks.example.org/concord}. */
        String describe();

        Attempt send(Notification n) throws InterruptedException;
    }

    /**
     * @param capacity how many notifications may wait before the oldest is dropped
     * @param attempts how many times one notification is tried before it is given up
     * @param firstPause the pause after the first failed attempt; it doubles after each further one
     * @param maxPause the longest pause between two attempts
     * @param grace how long close waits for the queue to drain
     */
    record Policy(int capacity, int attempts, Duration firstPause, Duration maxPause, Duration grace) {
        static Policy defaults() {
            return new Policy(100, 5, Duration.ofSeconds(2), Duration.ofMinutes(1), Duration.ofSeconds(5));
        }
    }

    private final Channel channel;
    private final Policy policy;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Notification> queue = new ArrayDeque<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong lastDropWarning = new AtomicLong();
    private boolean closing;
    private Thread worker;

    private Outbox(Channel channel, Policy policy) {
        this.channel = channel;
        this.policy = policy;
    }

    static Outbox start(Channel channel, Policy policy) {
        Outbox o = new Outbox(channel, policy);
        o.worker = Thread.ofVirtual().name("notify: " + channel.describe()).start(o::run);
        return o;
    }

    /** Enqueues without waiting; if the queue is full, the oldest waiting notification is dropped. */
    void offer(Notification n) {
        Notification evicted = null;
        lock.lock();
        try {
            if (closing) {
                LOG.warn("{}: not sent, the agent is stopping: {}", channel.describe(), n.describe());
                return;
            }
            if (queue.size() >= policy.capacity()) {
                evicted = queue.pollFirst();
            }
            queue.addLast(n);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (evicted != null) {
            long total = dropped.incrementAndGet();
            // A flapping system behind a dead receiver must not flood the log: one warning a minute at most.
            long now = System.nanoTime();
            long last = lastDropWarning.get();
            if (total == 1 || now - last >= DROP_WARNING_EVERY.toNanos() && lastDropWarning.compareAndSet(last, now)) {
                lastDropWarning.set(now);
                LOG.warn("{}: the receiver has not taken notifications for a while and {} wait; dropped the oldest ({}); {} dropped so far",
                        channel.describe(), policy.capacity(), evicted.describe(), total);
            } else {
                LOG.debug("{}: dropped {}", channel.describe(), evicted.describe());
            }
        }
    }

    // Counted after the log line is written: whoever sees a count also finds its line in the log.
    long delivered() {
        return delivered.get();
    }

    long failed() {
        return failed.get();
    }

    long dropped() {
        return dropped.get();
    }

    int waiting() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            Notification next;
            lock.lock();
            try {
                while (queue.isEmpty() && !closing) {
                    changed.await();
                }
                next = queue.pollFirst();
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            if (next == null || !deliver(next)) {
                return;
            }
        }
    }

    /** Tries one notification until it is delivered, refused or out of attempts; false if interrupted. */
    private boolean deliver(Notification n) {
        Duration pause = policy.firstPause();
        for (int attempt = 1; ; attempt++) {
            Attempt outcome;
            try {
                outcome = channel.send(n);
            } catch (InterruptedException e) {
                LOG.warn("{}: not delivered, the agent is stopping: {}", channel.describe(), n.describe());
                failed.incrementAndGet();
                return false;
            } catch (RuntimeException e) {
                outcome = new Attempt.Refused("unexpected failure: " + e);
            }
            switch (outcome) {
                case Attempt.Delivered d -> {
                    LOG.debug("{}: delivered {}", channel.describe(), n.describe());
                    delivered.incrementAndGet();
                    return true;
                }
                case Attempt.Refused r -> {
                    LOG.warn("{}: {} refused, not retried: {}", channel.describe(), n.describe(), r.reason());
                    failed.incrementAndGet();
                    return true;
                }
                case Attempt.Retry r -> {
                    if (attempt >= policy.attempts() || isClosing()) {
                        LOG.warn("{}: {} not delivered after {} attempt(s): {}", channel.describe(), n.describe(), attempt, r.reason());
                        failed.incrementAndGet();
                        return true;
                    }
                    LOG.info("{}: attempt {} of {} for {} failed ({}); trying again in {} ms", channel.describe(), attempt,
                            policy.attempts(), n.describe(), r.reason(), pause.toMillis());
                    if (!pauseUnlessClosing(pause)) {
                        LOG.warn("{}: not delivered, the agent is stopping: {}", channel.describe(), n.describe());
                        failed.incrementAndGet();
                        return false;
                    }
                    pause = pause.multipliedBy(2).compareTo(policy.maxPause()) > 0 ? policy.maxPause() : pause.multipliedBy(2);
                }
            }
        }
    }

    private boolean isClosing() {
        lock.lock();
        try {
            return closing;
        } finally {
            lock.unlock();
        }
    }

    /** Waits before the next attempt, cut short by close; false if interrupted. */
    private boolean pauseUnlessClosing(Duration pause) {
        long nanos = pause.toNanos();
        lock.lock();
        try {
            while (!closing && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Stops taking notifications, gives what waits the grace period to go out, then stops the thread. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closing) {
                return;
            }
            closing = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        try {
            if (!worker.join(policy.grace())) {
                worker.interrupt();
                worker.join(Duration.ofSeconds(1));
            }
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
        }
        int left = waiting();
        if (left > 0) {
            LOG.warn("{}: stopped with {} notification(s) not sent", channel.describe(), left);
        }
    }
}
