package org.concord.bench.harness;

import java.util.List;
import org.concord.spi.ChangeBatch;
import org.concord.spi.Connector;
import org.concord.spi.ConnectorException;
import org.concord.spi.Description;
import org.concord.spi.FeedRequest;
import org.concord.spi.Health;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;

/**
 * A connector that tells a listener when each {@code setChanges} call has returned: the moment a
 * change has arrived on that system, as far as the hub can know. Everything else passes through.
 */
public final class TimedConnector implements Connector {

    /** Told on the writer's thread, right after the call returned; must be quick. */
    public interface Arrivals {
        void arrived(List<Write> writes, List<WriteResult> results, long nanoTime);
    }

    private final Connector inner;
    private final Arrivals arrivals;
    private final org.concord.bench.measure.Latencies writeCalls = new org.concord.bench.measure.Latencies();

    public TimedConnector(Connector inner, Arrivals arrivals) {
        this.inner = inner;
        this.arrivals = arrivals;
    }

    /** How long each {@code setChanges} call took: the target system's own part of a delivery. */
    public org.concord.bench.measure.Latencies writeCalls() {
        return writeCalls;
    }

    @Override
    public Description describe() {
        return inner.describe();
    }

    @Override
    public void open() throws ConnectorException, InterruptedException {
        inner.open();
    }

    @Override
    public ChangeBatch getChanges(FeedRequest request) throws ConnectorException, InterruptedException {
        return inner.getChanges(request);
    }

    @Override
    public List<WriteResult> setChanges(List<Write> writes) throws ConnectorException, InterruptedException {
        long start = System.nanoTime();
        List<WriteResult> results = inner.setChanges(writes);
        long end = System.nanoTime();
        writeCalls.add(end - start);
        arrivals.arrived(writes, results, end);
        return results;
    }

    @Override
    public Health ping() throws InterruptedException {
        return inner.ping();
    }

    @Override
    public void close() {
        inner.close();
    }
}
