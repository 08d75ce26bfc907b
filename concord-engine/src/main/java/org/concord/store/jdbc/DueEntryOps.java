package org.concord.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concord.store.DueEntry;
import org.concord.store.Item;
import org.concord.store.Link;
import org.concord.store.Pending;

/**
 * A writer's batch in one query: the due entries of a target with their items, the target's links
 * and whether a conflict holds them, instead of three look-ups per entry.
 */
final class DueEntryOps {

    private static final String DUE = """
            SELECT p.seq, p.target, p.global_id, p.op, p.payload, p.content_hash, p.field_hashes, p.origin,
                   p.enqueued_at, p.attempts, p.not_before, p.last_error,
                   i.global_id AS item_global_id, i.user_name AS item_user_name, i.item_type AS item_item_type,
                   i.uid AS item_uid, i.created_at AS item_created_at,
                   l.native_id AS link_native_id, l.user_name AS link_user_name, l.item_type AS link_item_type,
                   l.version AS link_version, l.content_hash AS link_content_hash,
                   l.field_hashes AS link_field_hashes, l.synced_at AS link_synced_at,
                   EXISTS (SELECT 1 FROM conflicts c WHERE c.global_id = p.global_id AND c.is_open = :open) AS held
            FROM pending p
            LEFT JOIN items i ON i.global_id = p.global_id
            LEFT JOIN links l ON l.global_id = p.global_id AND l.system_name = p.target
            WHERE p.target = :target AND p.not_before <= :now
            ORDER BY p.seq
            LIMIT :limit""";

    private final Session session;

    DueEntryOps(Session session) {
        this.session = session;
    }

    List<DueEntry> due(String target, Instant now, int limit) {
        try (ResultSet rows = session.query(DUE).flag("open", true).text("target", target).instant("now", now)
                .number("limit", limit).rows()) {
            List<DueEntry> due = new ArrayList<>();
            while (rows.next()) {
                Pending entry = PendingOps.pending(rows);
                due.add(new DueEntry(entry, item(rows), link(rows, entry), rows.getBoolean("held")));
            }
            return due;
        } catch (SQLException e) {
            throw session.failure("reading due pending for " + target + " with their items and links", e);
        }
    }

    private static Optional<Item> item(ResultSet rows) throws SQLException {
        String globalId = rows.getString("item_global_id");
        if (globalId == null) {
            return Optional.empty();
        }
        return Optional.of(new Item(globalId, rows.getString("item_user_name"), Rows.itemType(rows, "item_item_type"),
                Optional.ofNullable(rows.getString("item_uid")), Rows.instant(rows, "item_created_at")));
    }

    private static Optional<Link> link(ResultSet rows, Pending entry) throws SQLException {
        String nativeId = rows.getString("link_native_id");
        if (nativeId == null) {
            return Optional.empty();
        }
        return Optional.of(new Link(entry.target(), nativeId, entry.globalId(), rows.getString("link_user_name"),
                Rows.itemType(rows, "link_item_type"), rows.getString("link_version"), rows.getString("link_content_hash"),
                FieldHashes.fromJson(rows.getString("link_field_hashes")), Rows.instant(rows, "link_synced_at")));
    }
}
