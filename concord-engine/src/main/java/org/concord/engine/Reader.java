package org.concord.engine;

import java.time.Duration;
import org.concord.spi.ChangeBatch;
import org.concord.spi.ConnectorException;
import org.concord.spi.Cursor;
import org.concord.spi.FeedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one system's feed. Each batch is applied and the cursor advanced in ONE store
 * transaction, so a crash anywhere re-reads from the last stored cursor and does the same thing
 * again: at-least-once reading, exactly-once effect.
 */
final class Reader {
    private static final Logger LOG = LoggerFactory.getLogger("concord.reader");

    private final EngineContext ctx;
    private final SystemRuntime source;
    private final ReadApplier applier;
    private final StoreKnownObjects known;
    private Cursor cursor;
    private boolean inFullRead;

    Reader(EngineContext ctx, SystemRuntime source) {
        this.ctx = ctx;
        this.source = source;
        this.applier = new ReadApplier(ctx, source.name);
        this.known = new StoreKnownObjects(ctx.store, source.name);
    }

    /** The result of one read: what it did and whether the feed has more right now. */
    record Step(ReadApplier.Outcome outcome, boolean more) {}

    Step readOnce(Duration maxWait) throws ConnectorException, InterruptedException {
        if (cursor == null) {
            cursor = ctx.store.read(tx -> tx.cursor(source.name));
        }
        if (!inFullRead && source.fullReadRequested.getAndSet(false)) {
            inFullRead = true;
            LOG.info("full re-read of '{}' started", source.name);
        }
        ChangeBatch batch = source.connector.getChanges(
                new FeedRequest(cursor, ctx.tuning.readBatch(), inFullRead ? Duration.ZERO : maxWait, inFullRead, known));
        source.readAt(ctx.clock.instant());
        ReadApplier.Outcome outcome;
        if (batch.changes().isEmpty() && batch.next().equals(cursor)) {
            outcome = new ReadApplier.Outcome();
        } else {
            outcome = ctx.transact(tx -> {
                ReadApplier.Outcome o = applier.apply(tx, batch.changes());
                tx.saveCursor(source.name, batch.next());
                return o;
            });
            cursor = batch.next();
        }
        if (!batch.changes().isEmpty()) {
            ctx.metrics.read(source.name, batch.changes().size(), outcome.echoes);
        }
        for (int i = 0; i < outcome.conflicts; i++) {
            ctx.metrics.conflict(source.name, ctx.conflicts.policy().code());
        }
        for (int i = 0; i < outcome.errors; i++) {
            ctx.metrics.syncError(source.name);
        }
        for (String target : outcome.touchedTargets) {
            ctx.system(target).writerWake.raise();
        }
        if (outcome.changedSomething() || outcome.errors > 0) {
            LOG.info("read {} changes from '{}' ({})", batch.changes().size(), source.name, outcome);
        }
        if (inFullRead && !batch.more()) {
            inFullRead = false;
            LOG.info("full re-read of '{}' finished", source.name);
        }
        return new Step(outcome, batch.more() || inFullRead);
    }

    /** Forgets the cached cursor (after a restart of the runtime, or when another node may have moved it). */
    void reloadCursor() {
        cursor = null;
    }
}
