package org.concord.example;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.concord.remote.kit.FeedEntry;
import org.concord.remote.kit.FeedQuery;
import org.concord.remote.kit.ObjectType;

/** Reads the change log: each changed contact once, at its latest modid, with its current row. */
final class ContactFeed {
    private static final String CHANGES_SQL = """
            SELECT l.modid AS modid, l.contact_id AS contact_id, l.owner AS owner, l.op AS op,
                   c.id AS row_id, c.modid AS version, %s
            FROM contact_changes l
            JOIN (SELECT contact_id, MAX(modid) AS last_modid FROM contact_changes
                  WHERE modid > ? GROUP BY contact_id) latest
              ON latest.contact_id = l.contact_id AND latest.last_modid = l.modid
            LEFT JOIN contacts c ON c.id = l.contact_id
            ORDER BY l.modid
            LIMIT ?""".formatted(prefixed("c"));

    private static final String COMPLETE_SQL = """
            SELECT id, owner, modid, %s FROM contacts WHERE modid > ? ORDER BY modid LIMIT ?"""
            .formatted(ContactRecord.columns());

    private final DataSource db;

    ContactFeed(DataSource db) {
        this.db = db;
    }

    List<FeedEntry> read(FeedQuery query) throws SQLException {
        long since = query.since().map(Long::parseLong).orElse(0L);
        try (Connection c = db.getConnection()) {
            return query.complete() ? complete(c, since, query.max()) : changes(c, since, query.max());
        }
    }

    private static List<FeedEntry> changes(Connection c, long since, int max) throws SQLException {
        List<FeedEntry> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(CHANGES_SQL)) {
            s.setLong(1, since);
            s.setInt(2, max);
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    String modid = Long.toString(row.getLong("modid"));
                    String id = Long.toString(row.getLong("contact_id"));
                    String owner = row.getString("owner");
                    row.getLong("row_id");
                    boolean gone = row.wasNull() || "D".equals(row.getString("op"));
                    out.add(gone ? FeedEntry.delete(modid, owner, ObjectType.CONTACT, id)
                            : FeedEntry.upsert(modid, owner, ObjectType.CONTACT, id,
                                    Long.toString(row.getLong("version")), ContactRecord.read(row)));
                }
            }
        }
        return out;
    }

    private static List<FeedEntry> complete(Connection c, long since, int max) throws SQLException {
        List<FeedEntry> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(COMPLETE_SQL)) {
            s.setLong(1, since);
            s.setInt(2, max);
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    String modid = Long.toString(row.getLong("modid"));
                    out.add(FeedEntry.upsert(modid, row.getString("owner"), ObjectType.CONTACT,
                            Long.toString(row.getLong("id")), modid, ContactRecord.read(row)));
                }
            }
        }
        return out;
    }

    private static String prefixed(String alias) {
        return String.join(", ", ContactRecord.FIELDS.stream().map(f -> alias + "." + f + " AS " + f).toList());
    }
}
