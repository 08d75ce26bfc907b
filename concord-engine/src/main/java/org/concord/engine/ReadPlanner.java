package org.concord.engine;

import java.util.Optional;
import org.concord.spi.Change;
import org.concord.store.Link;
import org.concord.store.Pending;
import org.concord.store.PendingOp;

/**
 * Decides what one change read from a system means. A pure function of the change and the hub's
 * state for it; no I/O, so every case is tested with plain values.
 */
final class ReadPlanner {
    private ReadPlanner() {}

    static ReadDecision decide(ReadContext ctx) {
        return switch (ctx.change()) {
            case Change.Unreadable u -> new ReadDecision.Unreadable(u.reason());
            case Change.Delete d -> decideDelete(ctx);
            case Change.Upsert u -> decideUpsert(ctx, u);
        };
    }

    /**
     * Whether {@link #decide} looks at the pending entry for this change; not for content the
     * link already has (an echo is decided by the link alone), so its look-up can be left out.
     */
    static boolean needsPending(Change change, Optional<Link> link) {
        return !(change instanceof Change.Upsert u && link.isPresent()
                && link.get().contentHash().equals(u.payload().contentHash()));
    }

    private static ReadDecision decideDelete(ReadContext ctx) {
        if (ctx.link().isEmpty()) {
            return new ReadDecision.Ignore("delete of an object the hub does not know");
        }
        if (ctx.linkWrittenSinceDelete()) {
            return new ReadDecision.Ignore("delete of an older version: the hub wrote the object again since");
        }
        if (ctx.pending().isPresent()) {
            Pending pending = ctx.pending().get();
            return pending.op() == PendingOp.UPSERT
                    ? new ReadDecision.DeleteLosesToPendingUpdate(pending)
                    : new ReadDecision.DeleteConfirmsPendingDelete(pending);
        }
        return new ReadDecision.Delete();
    }

    private static ReadDecision decideUpsert(ReadContext ctx, Change.Upsert upsert) {
        String hash = upsert.payload().contentHash();
        if (ctx.link().isPresent() && ctx.link().get().contentHash().equals(hash)) {
            return new ReadDecision.Echo();
        }
        if (ctx.globalId().isEmpty()) {
            return new ReadDecision.NewItem();
        }
        if (ctx.pending().isPresent()) {
            Pending pending = ctx.pending().get();
            if (pending.op() == PendingOp.DELETE) {
                boolean ourOwnCreate = ctx.link().isEmpty()
                        && pending.payload().map(p -> p.contentHash().equals(hash)).orElse(false);
                return ourOwnCreate
                        ? new ReadDecision.AdoptForDelete(pending)
                        : new ReadDecision.UpdateBeatsPendingDelete(pending);
            }
            if (pending.payload().orElseThrow().contentHash().equals(hash)) {
                return new ReadDecision.OwnWriteLanded(pending);
            }
            return new ReadDecision.Conflict(pending);
        }
        if (ctx.link().isEmpty() && ctx.otherLinks().stream().map(Link::contentHash).anyMatch(hash::equals)) {
            return new ReadDecision.AdoptInSync();
        }
        return new ReadDecision.Update();
    }
}
