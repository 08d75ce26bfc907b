package org.concord.bench.harness;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.concord.bench.data.CanonicalContacts;
import org.concord.model.ItemType;
import org.concord.spi.Capability;
import org.concord.spi.Change;
import org.concord.spi.ChangeBatch;
import org.concord.spi.Connector;
import org.concord.spi.Cursor;
import org.concord.spi.Description;
import org.concord.spi.FeedRequest;
import org.concord.spi.Health;
import org.concord.spi.Scope;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;

/**
 * A source whose feed is made on demand: change {@code k} is a new contact built when it is read,
 * never stored, so however many changes a scenario releases, the heap holds only the hub's own
 * state. Changes are released by the scenario ({@link #release}); the cursor is the last change
 * number read. Writes to it are accepted and dropped.
 */
public final class GeneratedSource implements Connector {
    private final CanonicalContacts contacts = new CanonicalContacts(32);
    private final Scope scope = new Scope("alice", ItemType.CONTACT);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private long count;

    /** Makes the next {@code n} changes readable; returns the number of the last one. */
    public long release(int n) {
        lock.lock();
        try {
            count += n;
            released.signalAll();
            return count;
        } finally {
            lock.unlock();
        }
    }

    public long released() {
        lock.lock();
        try {
            return count;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Description describe() {
        return new Description("generated", EnumSet.of(ItemType.CONTACT), EnumSet.of(Capability.PUSH));
    }

    @Override
    public void open() {}

    @Override
    public ChangeBatch getChanges(FeedRequest request) throws InterruptedException {
        long since = request.since().isStart() ? 0 : Long.parseLong(request.since().value());
        long until;
        lock.lock();
        try {
            long deadline = System.nanoTime() + request.maxWait().toNanos();
            while (count <= since) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                released.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
            until = Math.min(count, since + request.limit());
        } finally {
            lock.unlock();
        }
        List<Change> changes = new ArrayList<>((int) (until - since));
        for (long k = since + 1; k <= until; k++) {
            changes.add(new Change.Upsert(scope, "n" + k, "1", contacts.contact((int) k, k)));
        }
        return new ChangeBatch(changes, new Cursor(Long.toString(until)), until < released());
    }

    @Override
    public List<WriteResult> setChanges(List<Write> writes) {
        List<WriteResult> results = new ArrayList<>();
        for (Write w : writes) {
            results.add(w instanceof Write.Delete ? new WriteResult.Deleted() : new WriteResult.Written("x-" + w.globalId(), "1"));
        }
        return results;
    }

    @Override
    public Health ping() {
        return new Health.Up("generated source");
    }

    @Override
    public void close() {}
}
