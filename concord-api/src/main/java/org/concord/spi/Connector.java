package org.concord.spi;

import java.util.List;

/**
 * The code that talks to one system.
 *
 * <p><b>Lifecycle:</b> created by its {@link ConnectorFactory} → {@link #open()} →
 * ({@link #getChanges} | {@link #setChanges} | {@link #ping})* → {@link #close()}. {@code open}
 * may fail with a retryable exception when the system is down; the engine then calls it again
 * later. After {@code close} no other call is made.
 *
 * <p><b>Threading:</b> the engine runs one reader and one writer per system, and a watchdog.
 * So {@code getChanges} calls never overlap each other, {@code setChanges} calls never overlap
 * each other, but a {@code getChanges} (which may block up to its max wait), a
 * {@code setChanges} and a {@code ping} may run at the same time on different threads. A
 * connector must be safe for that. Calls block (virtual threads carry them); an interrupt asks
 * the call to stop soon with {@link InterruptedException}.
 *
 * <p><b>Conversion:</b> a connector converts between its native form and the canonical
 * {@link org.concord.model.Payload}. The native version it reports must change whenever the
 * object changes; the engine uses it for optimistic concurrency on writes.
 */
public interface Connector extends AutoCloseable {

    /** What this connector is and can do. Cheap; callable before {@code open}. */
    Description describe();

    /** Connects, checks the configuration against the system, prepares what it needs. */
    void open() throws ConnectorException, InterruptedException;

    /**
     * Returns changes after {@code request.since()}, at most {@code request.limit()}, blocking up
     * to {@code request.maxWait()} when nothing is new. Returning fewer than asked is fine.
     * Objects that cannot be read become {@link Change.Unreadable} entries; the rest goes on.
     */
    ChangeBatch getChanges(FeedRequest request) throws ConnectorException, InterruptedException;

    /**
     * Applies writes and answers one result per write, in the same order. A failure of one write
     * is its result; only a failure of the whole system is thrown.
     */
    List<WriteResult> setChanges(List<Write> writes) throws ConnectorException, InterruptedException;

    /** Says whether the system works now. Never throws for a down system: that is {@link Health.Down}. */
    Health ping() throws InterruptedException;

    /** Releases connections, watchers and threads. */
    @Override
    void close();
}
