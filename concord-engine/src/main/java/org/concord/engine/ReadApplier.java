package org.concord.engine;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.spi.Change;
import org.concord.store.ConflictRecord;
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
 * Applies a batch of changes read from one system inside one store transaction: asks
 * {@link ReadPlanner} what each means and records it — links, items, pending entries for the
 * other systems, conflicts, sync errors, history.
 */
final class ReadApplier {
    private static final Logger LOG = LoggerFactory.getLogger("concord.reader");

    private final EngineContext ctx;
    private final String system;

    ReadApplier(EngineContext ctx, String system) {
        this.ctx = ctx;
        this.system = system;
    }

    /** Counts of what a batch did, for the log line and for callers that wait for quiescence. */
    static final class Outcome {
        int created;
        int updated;
        int deleted;
        int echoes;
        int conflicts;
        int errors;
        final Set<String> touchedTargets = new HashSet<>();

        boolean changedSomething() {
            return created + updated + deleted + conflicts > 0;
        }

        @Override
        public String toString() {
            return created + " new, " + updated + " updated, " + deleted + " deleted, " + echoes
                    + " unchanged, " + conflicts + " conflicts, " + errors + " unreadable";
        }
    }

    Outcome apply(StoreTx tx, List<Change> changes) {
        Outcome out = new Outcome();
        Instant now = ctx.clock.instant();
        Set<String> seen = new HashSet<>();
        for (Change change : changes) {
            applyOne(tx, change, now, out, seen);
            seen.add(change.nativeId());
        }
        return out;
    }

    private void applyOne(StoreTx tx, Change change, Instant now, Outcome out, Set<String> seenInBatch) {
        Optional<Link> link = tx.link(system, change.nativeId());
        Optional<String> adoptable = link.isPresent() ? Optional.empty() : adoptableItem(tx, change);
        Optional<String> globalId = link.map(Link::globalId).or(() -> adoptable);
        Optional<Pending> pending = ReadPlanner.needsPending(change, link)
                ? globalId.flatMap(g -> tx.pending(system, g))
                : Optional.empty();
        List<Link> others = adoptable.isPresent() ? otherLinks(tx, adoptable.get()) : List.of();
        ReadContext rc = new ReadContext(change, link, adoptable, pending, others,
                writtenSinceDelete(change, link, seenInBatch));
        ReadDecision decision = ReadPlanner.decide(rc);

        switch (decision) {
            case ReadDecision.Ignore i -> { }
            case ReadDecision.Unreadable u -> {
                tx.recordError(system, ErrorPhase.READ, change.nativeId(), globalId, u.reason(), now);
                LOG.warn("sync error in '{}': {} {} could not be read: {}", system, change.scope().type().code(),
                        change.nativeId(), u.reason());
                out.errors++;
            }
            case ReadDecision.Echo e -> {
                Change.Upsert u = (Change.Upsert) change;
                Link l = link.orElseThrow();
                if (!l.version().equals(u.version())) {
                    tx.saveLink(withState(l, u, now));
                }
                tx.clearError(system, ErrorPhase.READ, change.nativeId());
                out.echoes++;
            }
            case ReadDecision.OwnWriteLanded landed -> {
                Change.Upsert u = (Change.Upsert) change;
                tx.saveLink(newLink(globalId.orElseThrow(), u, now));
                tx.removePending(system, landed.pending().globalId(), landed.pending().seq());
                tx.clearError(system, ErrorPhase.READ, change.nativeId());
                Writer.fanOutFirstCopy(ctx, tx, globalId.get(), system, Optional.of(u.payload()), system, now)
                        .forEach(s -> out.touchedTargets.add(s.name));
                out.echoes++;
            }
            case ReadDecision.NewItem n -> {
                Change.Upsert u = (Change.Upsert) change;
                String g = UUID.randomUUID().toString();
                tx.saveItem(new Item(g, ctx.users.canonical(system, u.scope().user()), u.scope().type(),
                        u.payload().uid(), now));
                tx.saveLink(newLink(g, u, now));
                fanOut(tx, g, Optional.of(u.scope().type()), PendingOp.UPSERT, Optional.of(u.payload()), Set.of(system),
                        now, out);
                tx.clearError(system, ErrorPhase.READ, change.nativeId());
                tx.addHistory(new HistoryEntry(g, now, system, "read", "created as " + change.nativeId()));
                out.created++;
            }
            case ReadDecision.AdoptInSync a -> {
                Change.Upsert u = (Change.Upsert) change;
                tx.saveLink(newLink(globalId.orElseThrow(), u, now));
                tx.addHistory(new HistoryEntry(globalId.get(), now, system, "read", "matched by UID, already in sync"));
                out.echoes++;
            }
            case ReadDecision.Update up -> {
                Change.Upsert u = (Change.Upsert) change;
                String g = globalId.orElseThrow();
                tx.saveLink(newLink(g, u, now));
                fanOut(tx, g, PendingOp.UPSERT, Optional.of(u.payload()), Set.of(system), now, out);
                tx.clearError(system, ErrorPhase.READ, change.nativeId());
                tx.addHistory(new HistoryEntry(g, now, system, "read", link.isPresent() ? "updated" : "matched by UID, differs"));
                tx.openConflictOf(g).ifPresent(c -> tx.saveConflictVersion(c.id(), system, u.payload()));
                out.updated++;
            }
            case ReadDecision.Delete d -> {
                String g = globalId.orElseThrow();
                tx.deleteLink(system, change.nativeId());
                tx.clearError(system, ErrorPhase.READ, change.nativeId());
                fanOut(tx, g, PendingOp.DELETE, Optional.empty(), Set.of(system), now, out);
                tx.addHistory(new HistoryEntry(g, now, system, "read", "deleted"));
                forgetIfGone(tx, g);
                out.deleted++;
            }
            case ReadDecision.DeleteLosesToPendingUpdate d -> {
                String g = globalId.orElseThrow();
                tx.deleteLink(system, change.nativeId());
                recordConflict(tx, g, d.pending(), "delete-vs-update",
                        "deleted in " + system + " while an update from " + d.pending().origin()
                                + " was pending: kept the update, recreating it", Optional.empty(), now);
                out.conflicts++;
                out.touchedTargets.add(system);
            }
            case ReadDecision.DeleteConfirmsPendingDelete d -> {
                String g = globalId.orElseThrow();
                tx.deleteLink(system, change.nativeId());
                tx.removePending(system, g, d.pending().seq());
                forgetIfGone(tx, g);
                out.deleted++;
            }
            case ReadDecision.AdoptForDelete a -> {
                Change.Upsert u = (Change.Upsert) change;
                tx.saveLink(newLink(globalId.orElseThrow(), u, now));
                out.touchedTargets.add(system);
                out.echoes++;
            }
            case ReadDecision.UpdateBeatsPendingDelete d -> {
                Change.Upsert u = (Change.Upsert) change;
                String g = globalId.orElseThrow();
                tx.removePending(system, g, d.pending().seq());
                tx.saveLink(newLink(g, u, now));
                fanOut(tx, g, PendingOp.UPSERT, Optional.of(u.payload()), Set.of(system), now, out);
                recordConflict(tx, g, d.pending(), "delete-vs-update",
                        "updated in " + system + " while a delete from " + d.pending().origin()
                                + " was pending: kept the update everywhere", Optional.empty(), now);
                out.conflicts++;
            }
            case ReadDecision.Conflict c ->
                    resolveConflict(tx, (Change.Upsert) change, globalId.orElseThrow(), link, c.pending(), now, out);
        }
    }

    private void resolveConflict(StoreTx tx, Change.Upsert u, String g, Optional<Link> before, Pending pending,
            Instant now, Outcome out) {
        // The system now holds its own version whatever the policy decides: record that, so a
        // version written to it later carries the right expected version.
        tx.saveLink(newLink(g, u, now));
        Optional<ConflictRecord> held = tx.openConflictOf(g);
        if (held.isPresent()) {
            tx.saveConflictVersion(held.get().id(), system, u.payload());
            return;
        }
        Set<String> forType = ctx.systemsFor(u.scope().type());
        Payload theirs = pending.payload().orElseThrow();
        ConflictDecision decision = ConflictRule.decide(new ConflictRule.Input(ctx.conflicts, system, pending.origin(),
                u.payload(), theirs, before.map(Link::fieldHashes), forType));
        Optional<String> duplicate = Optional.empty();
        switch (decision) {
            case ConflictDecision.Duplicate dup -> {
                String copyId = UUID.randomUUID().toString();
                String copyUid = UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT);
                Payload copy = u.payload().withUid(copyUid);
                tx.saveItem(new Item(copyId, ctx.users.canonical(system, u.scope().user()), u.scope().type(),
                        Optional.of(copyUid), now));
                for (String target : dup.targets()) {
                    tx.putPending(target, copyId, PendingOp.UPSERT, Optional.of(copy), system, now);
                    out.touchedTargets.add(target);
                }
                tx.addHistory(new HistoryEntry(copyId, now, system, "conflict", "created as the conflicting copy of " + g));
                duplicate = Optional.of(copyId);
            }
            case ConflictDecision.KeepPending keep -> out.touchedTargets.add(system);
            case ConflictDecision.KeepIncoming keep -> {
                tx.removePending(system, g, pending.seq());
                fanOut(tx, g, PendingOp.UPSERT, Optional.of(u.payload()), Set.of(system), now, out);
            }
            case ConflictDecision.Merged merged ->
                    fanOut(tx, g, PendingOp.UPSERT, Optional.of(merged.merged()), Set.of(), now, out);
            case ConflictDecision.Hold hold -> { }
        }
        boolean open = decision instanceof ConflictDecision.Hold;
        String why = decision.why() + (duplicate.isPresent() ? " " + duplicate.get() : "");
        long id = tx.recordConflict(new ConflictRecord(0, g, system, pending.origin(), decision.policy(), why, duplicate, now, open));
        tx.addHistory(new HistoryEntry(g, now, system, "conflict", why));
        if (open) {
            tx.saveConflictVersion(id, system, u.payload());
            tx.saveConflictVersion(id, pending.origin(), theirs);
        }
        LOG.info("conflict {} on {} {} in '{}' (pending from '{}'), {}: {}", id, u.scope().type().code(), g, system,
                pending.origin(), decision.policy(), why);
        out.conflicts++;
    }

    private void recordConflict(StoreTx tx, String g, Pending pending, String policy, String decision,
            Optional<String> duplicate, Instant now) {
        tx.recordConflict(new ConflictRecord(0, g, system, pending.origin(), policy, decision, duplicate, now, false));
        tx.addHistory(new HistoryEntry(g, now, system, "conflict", decision));
    }

    /** Queues the item for every system holding its type, except {@code except}. */
    private void fanOut(StoreTx tx, String g, PendingOp op, Optional<Payload> payload, Set<String> except,
            Instant now, Outcome out) {
        fanOut(tx, g, tx.item(g).map(Item::type), op, payload, except, now, out);
    }

    /** @param type the item's type, as stored (known already when the item was just saved) */
    private void fanOut(StoreTx tx, String g, Optional<ItemType> type, PendingOp op, Optional<Payload> payload,
            Set<String> except, Instant now, Outcome out) {
        for (SystemRuntime target : ctx.systems()) {
            if (except.contains(target.name) || type.isPresent() && !target.supports(type.get())) {
                continue;
            }
            if (op == PendingOp.DELETE && tx.linkOfItem(target.name, g).isEmpty()) {
                // Nothing known there. But a create queued for it may have landed with its reply
                // lost: turn it into a delete that remembers what it carried, so the object is
                // recognized and removed if it shows up (and simply dropped if it never does).
                tx.pending(target.name, g)
                        .filter(p -> p.op() == PendingOp.UPSERT)
                        .ifPresent(p -> tx.putPending(target.name, g, PendingOp.DELETE, p.payload(), system, now));
                continue;
            }
            tx.putPending(target.name, g, op, payload, system, now);
            out.touchedTargets.add(target.name);
        }
    }

    /** Forgets an item once no system holds it and nothing is pending for it anywhere. */
    private void forgetIfGone(StoreTx tx, String g) {
        forgetIfGone(ctx, tx, g);
    }

    static void forgetIfGone(EngineContext ctx, StoreTx tx, String g) {
        if (!tx.links(g).isEmpty()) {
            return;
        }
        for (SystemRuntime s : ctx.systems()) {
            if (tx.pending(s.name, g).isPresent()) {
                return;
            }
        }
        // A conflict held for an item that every system has since deleted has nothing left to decide.
        tx.openConflictOf(g).ifPresent(c -> tx.closeConflict(c.id(), "closed: the item was deleted in every system"));
        tx.deleteItem(g);
    }

    /**
     * The known item an unlinked object belongs to by its UID, if the system does not hold that
     * item yet: our own create whose reply was lost, or the same object already present in two
     * systems before they were connected. Without this, both would double.
     */
    private Optional<String> adoptableItem(StoreTx tx, Change change) {
        if (!(change instanceof Change.Upsert u) || u.payload().uid().isEmpty()) {
            return Optional.empty();
        }
        String user = ctx.users.canonical(system, u.scope().user());
        return tx.itemByUid(user, u.scope().type(), u.payload().uid().get())
                .map(Item::globalId)
                .filter(g -> tx.linkOfItem(system, g).isEmpty());
    }

    /**
     * Whether a delete the connector found for one version meets a link of another: the writer
     * put the object there again after the connector looked (a recreate, an update). A version
     * this batch itself recorded does not count: then the object changed and went, both seen here.
     */
    private static boolean writtenSinceDelete(Change change, Optional<Link> link, Set<String> seenInBatch) {
        return change instanceof Change.Delete d && d.lastVersion().isPresent() && link.isPresent()
                && !seenInBatch.contains(d.nativeId()) && !d.lastVersion().get().equals(link.get().version());
    }

    private List<Link> otherLinks(StoreTx tx, String g) {
        return tx.links(g).stream().filter(l -> !l.system().equals(system)).toList();
    }

    private Link newLink(String g, Change.Upsert u, Instant now) {
        return new Link(system, u.nativeId(), g, u.scope().user(), u.scope().type(), u.version(),
                u.payload().contentHash(), u.payload().fieldHashes(), now);
    }

    private static Link withState(Link l, Change.Upsert u, Instant now) {
        return new Link(l.system(), l.nativeId(), l.globalId(), l.user(), l.type(), u.version(),
                l.contentHash(), l.fieldHashes(), now);
    }
}
