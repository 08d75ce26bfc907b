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
        ChangeBatch read = source.connector.getChanges(
                new FeedRequest(cursor, ctx.tuning.readBatch(), inFullRead ? Duration.ZERO : maxWait, inFullRead, known));
        source.readAt(ctx.clock.instant());
        if (!inFullRead && hasDeletes(read)) {
            read = lookAhead(read);
            if (guardStops(read)) {
                return new Step(new ReadApplier.Outcome(), false);
            }
        }
        ChangeBatch batch = read;
        ReadApplier.Outcome outcome;
        if (batch.changes().isEmpty() && batch.next().equals(cursor)) {
            outcome = new ReadApplier.Outcome();
        } else {
            source.applyLock.lockInterruptibly();
            try {
                outcome = ctx.transact(tx -> {
                    ReadApplier.Outcome o = applier.apply(tx, batch.changes());
                    tx.saveCursor(source.name, batch.next());
                    return o;
                });
            } finally {
                source.applyLock.unlock();
            }
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

    private static boolean hasDeletes(ChangeBatch batch) {
        return batch.changes().stream().anyMatch(c -> c instanceof org.concord.spi.Change.Delete);
    }

    /**
     * Reads on (without applying anything) while deletes come in pages, so the delete guard judges
     * the whole read and not its first page. Nothing is applied or stored before the guard has
     * spoken, so a stopped read leaves the cursor where it was.
     */
    private ChangeBatch lookAhead(ChangeBatch first) throws ConnectorException, InterruptedException {
        java.util.List<org.concord.spi.Change> all = new java.util.ArrayList<>(first.changes());
        ChangeBatch last = first;
        while (last.more() && all.size() < ctx.guards.lookahead()) {
            last = source.connector.getChanges(new FeedRequest(last.next(), ctx.tuning.readBatch(), Duration.ZERO, false, known));
            all.addAll(last.changes());
        }
        return new ChangeBatch(all, last.next(), last.more());
    }

    private boolean guardStops(ChangeBatch batch) {
        // Only deletes of objects the hub still links count: our own deletes coming back do not.
        long[] counts = ctx.store.read(tx -> {
            long d = 0;
            for (org.concord.spi.Change c : batch.changes()) {
                if (c instanceof org.concord.spi.Change.Delete && tx.link(source.name, c.nativeId()).isPresent()) {
                    d++;
                }
            }
            return new long[] {d, tx.countLinks(source.name)};
        });
        long deletes = counts[0];
        long known = counts[1];
        if (!ctx.guards.trips(deletes, known)) {
            return false;
        }
        if (source.takeAcceptDeletes()) {
            LOG.warn("system '{}': applying {} deletes of {} known objects, as an admin confirmed", source.name, deletes, known);
            return false;
        }
        String why = "delete guard: " + source.name + " reported " + deletes + " of its " + known
                + " objects deleted in one read; nothing was applied. If that is right, run 'concord resume "
                + source.name + " --accept-deletes'";
        LOG.warn("system '{}' paused by the {}", source.name, why);
        source.setPaused(true, java.util.Optional.of(why), false);
        return true;
    }

    /** Forgets the cached cursor (after a restart of the runtime, or when another node may have moved it). */
    void reloadCursor() {
        cursor = null;
    }
}
