package org.concord.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.concord.model.Payload;
import org.concord.store.Pending;
import org.concord.store.PendingOp;

/** The pending entries: at most one per (target, item), delivered in seq order. */
final class PendingOps {

    private static final String COLUMNS = """
            seq, target, global_id, op, payload, content_hash, field_hashes, origin, enqueued_at, attempts, not_before,
            last_error""";
    /**
     * A replaced entry is a new entry: new seq, enqueued now, no attempts yet, no error. The
     * payload's hashes go with it, so that nobody reading it back hashes it again.
     */
    private static final String PUT = """
            INSERT INTO pending (seq, target, global_id, op, payload, content_hash, field_hashes, origin, enqueued_at,
                                 attempts, not_before, last_error)
            VALUES (:seq, :target, :globalId, :op, :payload, :contentHash, :fieldHashes, :origin, :now, 0, :now, NULL)
            ON CONFLICT (global_id, target) DO UPDATE SET
                seq = excluded.seq, op = excluded.op, payload = excluded.payload,
                content_hash = excluded.content_hash, field_hashes = excluded.field_hashes, origin = excluded.origin,
                enqueued_at = excluded.enqueued_at, attempts = 0, not_before = excluded.not_before,
                last_error = NULL""";
    private static final String ONE = "SELECT " + COLUMNS
            + " FROM pending WHERE global_id = :globalId AND target = :target";
    private static final String DUE = "SELECT " + COLUMNS
            + " FROM pending WHERE target = :target AND not_before <= :now ORDER BY seq LIMIT :limit";
    private static final String REMOVE =
            "DELETE FROM pending WHERE global_id = :globalId AND target = :target AND seq = :seq";
    private static final String DEFER = """
            UPDATE pending SET attempts = :attempts, not_before = :notBefore, last_error = :error
            WHERE global_id = :globalId AND target = :target AND seq = :seq""";
    private static final String COUNT = "SELECT COUNT(*) AS n FROM pending WHERE target = :target";
    /** Seq order is enqueue order, and the index on (target, seq) finds the first entry at once. */
    private static final String OLDEST =
            "SELECT enqueued_at FROM pending WHERE target = :target ORDER BY seq LIMIT 1";

    private final Session session;
    private final SeqCounter seqs;

    /** A payload as a row holds it. */
    private record Stored(byte[] json, String contentHash, String fieldHashes) {}

    /** The same payload is put for every other system in a row: it is serialized once. */
    private Payload lastPayload;
    private Stored lastStored;

    PendingOps(Session session, SeqCounter seqs) {
        this.session = session;
        this.seqs = seqs;
    }

    long put(String target, String globalId, PendingOp op, Optional<Payload> payload, String origin, Instant now) {
        // checked now: the row is sent later, with the next statement
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(globalId, "globalId");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(now, "now");
        if (op == PendingOp.UPSERT && payload.isEmpty()) {
            throw new IllegalArgumentException("upsert pending of item " + globalId + " for " + target + " without payload");
        }
        try {
            long seq = seqs.next(session);
            Optional<Stored> stored = payload.map(this::stored);
            // the engine puts one entry per other system in a row: they travel together
            session.queued(PUT, "putting pending entries")
                    .number("seq", seq)
                    .text("target", target)
                    .text("globalId", globalId)
                    .text("op", op.code())
                    .bytes("payload", stored.map(Stored::json).orElse(null))
                    .text("contentHash", stored.map(Stored::contentHash))
                    .text("fieldHashes", stored.map(Stored::fieldHashes))
                    .text("origin", origin)
                    .instant("now", now)
                    .queue();
            return seq;
        } catch (SQLException e) {
            throw session.failure("putting pending of item " + globalId + " for " + target, e);
        }
    }

    private Stored stored(Payload payload) {
        if (payload != lastPayload) {
            lastStored = new Stored(payload.toJsonBytes(), payload.contentHash(), FieldHashes.toJson(payload.fieldHashes()));
            lastPayload = payload;
        }
        return lastStored;
    }

    Optional<Pending> pending(String target, String globalId) {
        try (ResultSet rows = session.query(ONE).text("globalId", globalId).text("target", target).rows()) {
            return rows.next() ? Optional.of(pending(rows)) : Optional.empty();
        } catch (SQLException e) {
            throw session.failure("reading pending of item " + globalId + " for " + target, e);
        }
    }

    List<Pending> due(String target, Instant now, int limit) {
        try (ResultSet rows = session.query(DUE).text("target", target).instant("now", now).number("limit", limit).rows()) {
            List<Pending> due = new ArrayList<>();
            while (rows.next()) {
                due.add(pending(rows));
            }
            return due;
        } catch (SQLException e) {
            throw session.failure("reading due pending for " + target, e);
        }
    }

    boolean remove(String target, String globalId, long seq) {
        try {
            return session.query(REMOVE).text("globalId", globalId).text("target", target).number("seq", seq).update() > 0;
        } catch (SQLException e) {
            throw session.failure("removing pending " + seq + " of item " + globalId + " for " + target, e);
        }
    }

    void defer(String target, String globalId, long seq, int attempts, Instant notBefore, String error) {
        try {
            session.query(DEFER)
                    .number("attempts", attempts)
                    .instant("notBefore", notBefore)
                    .text("error", Optional.ofNullable(error))
                    .text("globalId", globalId)
                    .text("target", target)
                    .number("seq", seq)
                    .update();
        } catch (SQLException e) {
            throw session.failure("deferring pending " + seq + " of item " + globalId + " for " + target, e);
        }
    }

    long count(String target) {
        try (ResultSet rows = session.query(COUNT).text("target", target).rows()) {
            rows.next();
            return rows.getLong("n");
        } catch (SQLException e) {
            throw session.failure("counting pending for " + target, e);
        }
    }

    Optional<Instant> oldest(String target) {
        try (ResultSet rows = session.query(OLDEST).text("target", target).rows()) {
            return rows.next() ? Optional.of(Rows.instant(rows, "enqueued_at")) : Optional.empty();
        } catch (SQLException e) {
            throw session.failure("reading the oldest pending for " + target, e);
        }
    }

    static Pending pending(ResultSet rows) throws SQLException {
        String globalId = rows.getString("global_id");
        byte[] bytes = rows.getBytes("payload");
        String contentHash = rows.getString("content_hash");
        Optional<Payload> payload;
        try {
            // an entry written before its hashes were kept (schema version 1) is hashed when used
            payload = bytes == null ? Optional.empty()
                    : contentHash == null ? Optional.of(Payload.fromJsonBytes(bytes))
                    : Optional.of(Payload.fromJsonBytes(bytes, contentHash, FieldHashes.fromJson(rows.getString("field_hashes"))));
        } catch (IllegalArgumentException e) {
            throw new SQLException("the payload of pending item " + globalId + " is unreadable: " + e.getMessage(), e);
        }
        return new Pending(
                rows.getString("target"),
                globalId,
                rows.getLong("seq"),
                PendingOp.byCode(rows.getString("op")),
                payload,
                rows.getString("origin"),
                Rows.instant(rows, "enqueued_at"),
                rows.getInt("attempts"),
                Rows.instant(rows, "not_before"),
                Rows.optionalText(rows, "last_error"));
    }
}
