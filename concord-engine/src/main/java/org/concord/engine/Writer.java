package org.concord.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concord.model.Payload;
import org.concord.spi.ConnectorException;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.Scope;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;
import org.concord.store.DueEntry;
import org.concord.store.ErrorPhase;
import org.concord.store.HistoryEntry;
import org.concord.store.Item;
import org.concord.store.Link;
import org.concord.store.Pending;
import org.concord.store.PendingOp;
import org.concord.store.StoreTx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers what is pending for one system: a batch of entries becomes one {@code setChanges}
 * call, with the expected version of the last synced state (optimistic concurrency) and the
 * global id as the idempotency key of creates; the results are recorded in one transaction.
 * An entry replaced by a newer change meanwhile stays pending (its seq no longer matches).
 */
final class Writer {
    private static final Logger LOG = LoggerFactory.getLogger("concord.writer");
    /** After this many failed attempts of one entry, it shows as a sync error. */
    static final int ERROR_AFTER_ATTEMPTS = 3;

    private final EngineContext ctx;
    private final SystemRuntime target;

    Writer(EngineContext ctx, SystemRuntime target) {
        this.ctx = ctx;
        this.target = target;
    }

    /**
     * One planned write: the entry, and the write it became (empty: nothing to do, drop the
     * entry), or held: the item waits for an admin to resolve its conflict.
     */
    private record Planned(Pending entry, Optional<Item> item, Optional<Write> write, boolean held) {
        Planned(Pending entry, Optional<Item> item, Optional<Write> write) {
            this(entry, item, write, false);
        }
    }

    /** How long a held entry sleeps; resolving the conflict makes it due at once. */
    private static final java.time.Duration HELD = java.time.Duration.ofDays(3650);

    /** Counts of one batch. */
    record Outcome(int attempted, int written, int failed) {
        static final Outcome NOTHING = new Outcome(0, 0, 0);
    }

    /**
     * Delivers one batch of due entries.
     *
     * @throws ConnectorException when the whole call failed; the entries stay due
     */
    Outcome deliverOnce() throws ConnectorException, InterruptedException {
        target.applyLock.lockInterruptibly();
        try {
            Instant now = ctx.clock.instant();
            List<Planned> plan = ctx.store.read(tx -> {
                List<Planned> out = new ArrayList<>();
                for (DueEntry due : tx.dueEntries(target.name, now, ctx.tuning.writeBatch())) {
                    out.add(plan(due));
                }
                return out;
            });
            if (plan.isEmpty()) {
                return Outcome.NOTHING;
            }
            return deliver(plan, plan.stream().filter(p -> p.write().isPresent() && !p.held()).toList());
        } finally {
            target.applyLock.unlock();
        }
    }

    private Outcome deliver(List<Planned> plan, List<Planned> toWrite) throws ConnectorException, InterruptedException {
        List<WriteResult> results = List.of();
        if (!toWrite.isEmpty()) {
            // A failure of the whole call leaves the entries as they are: the system's loop backs
            // off, and they are due at once when the system works again.
            results = target.connector.setChanges(toWrite.stream().map(p -> p.write().get()).toList());
            if (results.size() != toWrite.size()) {
                throw new PermanentConnectorException("system '" + target.name + "': connector answered "
                        + results.size() + " results for " + toWrite.size() + " writes");
            }
        }
        List<WriteResult> answered = results;
        int[] counts = new int[2];
        Instant done = ctx.clock.instant();
        ctx.transact(tx -> {
            int i = 0;
            for (Planned p : plan) {
                if (p.held()) {
                    Pending e = p.entry();
                    tx.deferPending(target.name, e.globalId(), e.seq(), e.attempts(), done.plus(HELD),
                            "held: its conflict waits for an admin");
                    continue;
                }
                if (p.write().isEmpty()) {
                    tx.removePending(target.name, p.entry().globalId(), p.entry().seq());
                    ReadApplier.forgetIfGone(ctx, tx, p.entry().globalId());
                    continue;
                }
                boolean ok = record(tx, p, answered.get(i++), done);
                counts[ok ? 0 : 1]++;
                if (ok) {
                    ctx.metrics.delivered(target.name, java.time.Duration.between(p.entry().enqueuedAt(), done));
                } else {
                    ctx.metrics.notDelivered(target.name);
                }
            }
            return null;
        });
        if (counts[0] + counts[1] > 0) {
            LOG.info("wrote {} changes to '{}' ({} ok, {} not yet)", counts[0] + counts[1], target.name, counts[0], counts[1]);
        }
        return new Outcome(plan.size(), counts[0], counts[1]);
    }

    private Planned plan(DueEntry due) {
        Pending p = due.entry();
        Optional<Item> item = due.item();
        if (item.isEmpty() || !target.supports(item.get().type())) {
            return new Planned(p, item, Optional.empty());
        }
        if (due.held()) {
            return new Planned(p, item, Optional.empty(), true);
        }
        Scope scope = new Scope(ctx.users.nativeUser(target.name, item.get().user()), item.get().type());
        Optional<Link> link = due.link();
        Optional<Write> write = switch (p.op()) {
            case UPSERT -> Optional.of(link.<Write>map(l -> new Write.Update(p.globalId(), scope, l.nativeId(),
                            Optional.of(l.version()), p.payload().orElseThrow()))
                    .orElseGet(() -> new Write.Create(p.globalId(), scope, p.payload().orElseThrow())));
            case DELETE -> link.map(l -> new Write.Delete(p.globalId(), scope, l.nativeId(), Optional.of(l.version())));
        };
        return new Planned(p, item, write);
    }

    /** Records one result; true if the entry is done. */
    private boolean record(StoreTx tx, Planned p, WriteResult result, Instant now) {
        Pending entry = p.entry();
        String g = entry.globalId();
        Item item = p.item().orElseThrow();
        Write write = p.write().orElseThrow();
        return switch (result) {
            case WriteResult.Written w -> {
                Payload written = w.stored().orElse(entry.payload().orElseThrow());
                boolean created = write instanceof Write.Create;
                tx.saveLink(new Link(target.name, w.nativeId(), g, write.scope().user(), item.type(), w.version(),
                        written.contentHash(), written.fieldHashes(), now));
                tx.removePending(target.name, g, entry.seq());
                tx.clearError(target.name, ErrorPhase.WRITE, g);
                tx.addHistory(new HistoryEntry(g, now, target.name, "write",
                        (created ? "created as " : "updated ") + w.nativeId() + " (from " + entry.origin() + ")"));
                if (created) {
                    fanOutFirstCopy(ctx, tx, g, target.name, entry.payload(), target.name, now)
                            .forEach(s -> s.writerWake.raise());
                }
                yield true;
            }
            case WriteResult.Deleted d -> {
                if (write instanceof Write.Delete del) {
                    tx.deleteLink(target.name, del.nativeId());
                }
                tx.removePending(target.name, g, entry.seq());
                tx.clearError(target.name, ErrorPhase.WRITE, g);
                tx.addHistory(new HistoryEntry(g, now, target.name, "write", "deleted (from " + entry.origin() + ")"));
                ReadApplier.forgetIfGone(ctx, tx, g);
                yield true;
            }
            case WriteResult.PreconditionFailed f -> {
                // The object changed under us: its reader will see the change and the conflict
                // rule decides; this entry is tried again with the link state that leaves.
                defer(tx, entry, f.message(), ctx.tuning.firstBackoff());
                target.readerWake.raise();
                yield false;
            }
            case WriteResult.Gone gone -> {
                // Deleted there while an update was pending: the update wins, recreate it.
                if (write instanceof Write.Update u) {
                    tx.deleteLink(target.name, u.nativeId());
                }
                tx.addHistory(new HistoryEntry(g, now, target.name, "conflict",
                        "deleted in " + target.name + " while an update was pending: recreating it"));
                tx.deferPending(target.name, g, entry.seq(), entry.attempts(), now, gone.message());
                yield false;
            }
            case WriteResult.Rejected r -> {
                tx.deferPending(target.name, g, entry.seq(), entry.attempts() + 1,
                        now.plus(ctx.tuning.rejectedRetry()), r.message());
                tx.recordError(target.name, ErrorPhase.WRITE, g, Optional.of(g), describe(item, entry) + " refused: " + r.message(), now);
                LOG.warn("sync error in '{}': {} refused: {}", target.name, describe(item, entry), r.message());
                ctx.metrics.syncError(target.name);
                yield false;
            }
            case WriteResult.Unavailable u -> {
                defer(tx, entry, u.message(), ctx.tuning.backoff(entry.attempts() + 1));
                yield false;
            }
        };
    }

    /**
     * A conflicting copy queued for one system only ({@code duplicates-to}) goes to every other
     * system once it exists there. Also called by the reader when such a create is found landed
     * after its reply was lost. Returns the systems it queued the item for.
     */
    static List<SystemRuntime> fanOutFirstCopy(EngineContext ctx, StoreTx tx, String g, String holder,
            Optional<Payload> payload, String origin, Instant now) {
        if (tx.links(g).size() != 1) {
            return List.of();
        }
        Item item = tx.item(g).orElseThrow();
        List<SystemRuntime> others = ctx.systems().stream()
                .filter(s -> !s.name.equals(holder) && s.supports(item.type()))
                .toList();
        if (others.stream().anyMatch(s -> tx.pending(s.name, g).isPresent())) {
            return List.of();
        }
        for (SystemRuntime s : others) {
            tx.putPending(s.name, g, PendingOp.UPSERT, payload, origin, now);
        }
        return others;
    }

    private void defer(StoreTx tx, Pending entry, String why, java.time.Duration wait) {
        Instant now = ctx.clock.instant();
        int attempts = entry.attempts() + 1;
        tx.deferPending(target.name, entry.globalId(), entry.seq(), attempts, now.plus(wait), why);
        if (attempts >= ERROR_AFTER_ATTEMPTS) {
            tx.recordError(target.name, ErrorPhase.WRITE, entry.globalId(), Optional.of(entry.globalId()),
                    "write of " + entry.globalId() + " failed " + attempts + " times: " + why, now);
        }
    }

    private static String describe(Item item, Pending entry) {
        String label = entry.payload().map(Payload::label).orElse("");
        return "write of " + item.type().code() + " " + item.globalId() + (label.isEmpty() ? "" : " (" + label + ")");
    }
}
