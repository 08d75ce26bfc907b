package org.concord.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.concord.model.Payload;
import org.concord.spi.Change;
import org.concord.spi.Scope;

/**
 * A system that lives in memory: objects, a change feed with an increasing modification id, and
 * switches that inject the faults a real server cannot be made to produce on demand — down, slow,
 * failing writes, lost replies. It outlives its connectors, so an engine "restart" opens a new
 * connector on the same data. Thread-safe.
 */
public final class InMemorySystem {

    /** One object as stored. */
    public record Stored(Scope scope, String nativeId, String version, Payload payload) {}

    private static final Map<String, InMemorySystem> NAMED = new ConcurrentHashMap<>();

    private final String name;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Stored> objects = new LinkedHashMap<>();
    /** Feed: modification id -> change; only the newest entry per native id is kept, as servers do. */
    private final TreeMap<Long, Change> feed = new TreeMap<>();
    private final Map<String, Long> feedIdOf = new HashMap<>();
    private long modId;
    private long versionCounter;
    private int userCounter;

    private volatile boolean down;
    private volatile Duration delay = Duration.ZERO;
    private final Set<String> rejectedGlobalIds = ConcurrentHashMap.newKeySet();
    private final AtomicInteger transientWriteFailures = new AtomicInteger();
    private final AtomicInteger lostReplies = new AtomicInteger();
    private final AtomicInteger writeCalls = new AtomicInteger();
    private volatile String droppedField;

    public InMemorySystem(String name) {
        this.name = name;
    }

    /** A system shared by name within the JVM, e.g. for a config with {@code connector: memory}. */
    public static InMemorySystem named(String name) {
        return NAMED.computeIfAbsent(name, InMemorySystem::new);
    }

    public static void forgetAll() {
        NAMED.clear();
    }

    public String name() {
        return name;
    }

    // ---- faults

    /** While down, every connector call fails as a transient error and ping says Down. */
    public void setDown(boolean down) {
        this.down = down;
        signal();
    }

    public boolean isDown() {
        return down;
    }

    /** Each connector call waits this long first (a slow server). */
    public void setDelay(Duration delay) {
        this.delay = delay;
    }

    /** Writes of this item are refused for good (invalid data, as a server would say). */
    public void rejectWritesOf(String globalId) {
        rejectedGlobalIds.add(globalId);
    }

    public void acceptWritesOf(String globalId) {
        rejectedGlobalIds.remove(globalId);
    }

    /** The next {@code n} write calls fail as a whole with a transient error, before doing anything. */
    public void failNextWriteCalls(int n) {
        transientWriteFailures.set(n);
    }

    /** The next {@code n} write calls are applied, but their reply is lost (the call throws afterwards). */
    public void loseNextReplies(int n) {
        lostReplies.set(n);
    }

    /**
     * Makes the system lossy, like a CRM table with no column for it: {@code field} is dropped
     * from everything the hub writes (and the write says what it stored).
     */
    public void dropOnWrite(String field) {
        this.droppedField = field;
    }

    String droppedField() {
        return droppedField;
    }

    public int writeCalls() {
        return writeCalls.get();
    }

    // ---- edits as a user of the system makes them

    public String userCreate(Scope scope, Payload payload) {
        lock.lock();
        try {
            String nativeId = "u" + (++userCounter) + "-" + scope.user() + "-" + scope.type().code();
            put(new Stored(scope, nativeId, nextVersion(), payload));
            return nativeId;
        } finally {
            lock.unlock();
        }
    }

    public void userUpdate(String nativeId, Payload payload) {
        lock.lock();
        try {
            Stored old = objects.get(nativeId);
            if (old == null) {
                throw new IllegalArgumentException(name + ": no object " + nativeId);
            }
            put(new Stored(old.scope(), nativeId, nextVersion(), payload));
        } finally {
            lock.unlock();
        }
    }

    public void userDelete(String nativeId) {
        lock.lock();
        try {
            remove(nativeId);
        } finally {
            lock.unlock();
        }
    }

    /** A copy of every object, by native id. */
    public Map<String, Stored> objects() {
        lock.lock();
        try {
            return new LinkedHashMap<>(objects);
        } finally {
            lock.unlock();
        }
    }

    public List<Stored> list() {
        return new ArrayList<>(objects().values());
    }

    // ---- what the connector uses (package-private)

    void enter() throws org.concord.spi.RetryableConnectorException, InterruptedException {
        Duration d = delay;
        if (!d.isZero()) {
            Thread.sleep(d.toMillis());
        }
        if (down) {
            throw new org.concord.spi.RetryableConnectorException("memory '" + name + "': system is down");
        }
    }

    boolean rejects(String globalId) {
        return rejectedGlobalIds.contains(globalId);
    }

    boolean takeTransientWriteFailure() {
        writeCalls.incrementAndGet();
        return transientWriteFailures.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    boolean takeLostReply() {
        return lostReplies.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    ReentrantLock lock() {
        return lock;
    }

    Stored get(String nativeId) {
        return objects.get(nativeId);
    }

    String nextVersion() {
        return "v" + (++versionCounter);
    }

    void put(Stored stored) {
        objects.put(stored.nativeId(), stored);
        append(new Change.Upsert(stored.scope(), stored.nativeId(), stored.version(), stored.payload()));
    }

    void remove(String nativeId) {
        Stored old = objects.remove(nativeId);
        if (old != null) {
            append(new Change.Delete(old.scope(), nativeId));
        }
    }

    private void append(Change change) {
        Long previous = feedIdOf.put(change.nativeId(), ++modId);
        if (previous != null) {
            feed.remove(previous);
        }
        feed.put(modId, change);
        changed.signalAll();
    }

    /** Feed entries after {@code since}, at most {@code limit}; waits up to {@code maxWait} for one. */
    List<Map.Entry<Long, Change>> feedAfter(long since, int limit, Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        lock.lock();
        try {
            while (feed.tailMap(since, false).isEmpty() && !down) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                changed.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
            List<Map.Entry<Long, Change>> out = new ArrayList<>();
            for (Map.Entry<Long, Change> e : feed.tailMap(since, false).entrySet()) {
                if (out.size() >= limit) {
                    break;
                }
                out.add(Map.entry(e.getKey(), e.getValue()));
            }
            return out;
        } finally {
            lock.unlock();
        }
    }

    long lastModId() {
        lock.lock();
        try {
            return modId;
        } finally {
            lock.unlock();
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "InMemorySystem[" + name + ", objects=" + objects().size() + "]";
    }
}
