package org.concord.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.concord.model.Payload;

/**
 * What one system is still missing of one item: the latest state to write there. At most one
 * entry per (target, item): a newer change replaces the older one and gets a new {@code seq},
 * which is how a writer knows that the entry it wrote has been superseded meanwhile.
 *
 * @param seq store-assigned, increasing across the whole store; orders delivery
 * @param origin the system the change was read from
 * @param payload the state to write; empty for a delete
 * @param attempts failed delivery attempts so far
 * @param notBefore not to be tried before this instant (backoff)
 * @param lastError the reason of the last failed attempt, if any
 */
public record Pending(
        String target,
        String globalId,
        long seq,
        PendingOp op,
        Optional<Payload> payload,
        String origin,
        Instant enqueuedAt,
        int attempts,
        Instant notBefore,
        Optional<String> lastError) {

    public Pending {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(globalId, "globalId");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        Objects.requireNonNull(notBefore, "notBefore");
        Objects.requireNonNull(lastError, "lastError");
        if (op == PendingOp.UPSERT && payload.isEmpty()) {
            throw new IllegalArgumentException("upsert pending for " + globalId + " without payload");
        }
    }
}
