package org.concord.bench.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.concord.model.ItemType;
import org.concord.spi.Capability;
import org.concord.spi.ChangeBatch;
import org.concord.spi.Connector;
import org.concord.spi.Description;
import org.concord.spi.FeedRequest;
import org.concord.spi.Health;
import org.concord.spi.RetryableConnectorException;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;

/**
 * A target that accepts every write and keeps nothing, so a scenario that measures the hub's
 * memory measures the hub's alone (an in-memory system would hold every payload in the same
 * heap). Its feed is always empty. It can be switched down, as a server that went away.
 */
public final class Sink implements Connector {
    private final String name;
    private final AtomicLong versions = new AtomicLong();
    private volatile boolean down;

    public Sink(String name) {
        this.name = name;
    }

    public void setDown(boolean down) {
        this.down = down;
    }

    @Override
    public Description describe() {
        return new Description("sink", EnumSet.allOf(ItemType.class), EnumSet.of(Capability.PUSH));
    }

    @Override
    public void open() throws RetryableConnectorException {
        check();
    }

    @Override
    public ChangeBatch getChanges(FeedRequest request) throws RetryableConnectorException, InterruptedException {
        check();
        long until = System.nanoTime() + request.maxWait().toNanos();
        // nothing ever changes here; wait as a pushing system would, but notice an outage soon
        while (System.nanoTime() < until && !down) {
            Thread.sleep(Math.min(50, Math.max(1, Duration.ofNanos(until - System.nanoTime()).toMillis())));
        }
        check();
        return new ChangeBatch(List.of(), request.since(), false);
    }

    @Override
    public List<WriteResult> setChanges(List<Write> writes) throws RetryableConnectorException {
        check();
        List<WriteResult> results = new ArrayList<>(writes.size());
        for (Write w : writes) {
            results.add(switch (w) {
                case Write.Create c -> new WriteResult.Written("s-" + c.globalId(), "v" + versions.incrementAndGet());
                case Write.Update u -> new WriteResult.Written(u.nativeId(), "v" + versions.incrementAndGet());
                case Write.Delete d -> new WriteResult.Deleted();
            });
        }
        return results;
    }

    @Override
    public Health ping() {
        return down ? new Health.Down("sink '" + name + "' is down") : new Health.Up("sink '" + name + "'");
    }

    @Override
    public void close() {}

    private void check() throws RetryableConnectorException {
        if (down) {
            throw new RetryableConnectorException("sink '" + name + "' is down");
        }
    }
}
