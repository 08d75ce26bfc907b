package org.concord.example;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.sql.Timestamp;
import javax.sql.DataSource;
import org.concord.remote.kit.ArchiveRequest;
import org.concord.remote.kit.ArchiveResult;
import org.concord.remote.kit.ObjectType;
import org.concord.remote.kit.RejectedException;

/** Files e-mail messages to contacts, once per message id and contact. */
final class ContactArchive {
    private static final String FIND_SQL = "SELECT id FROM contact_archive WHERE message_id = ? AND contact_id = ?";
    private static final String CONTACT_SQL = "SELECT id FROM contacts WHERE id = ? AND owner = ?";
    private static final String INSERT_SQL = """
            INSERT INTO contact_archive (contact_id, message_id, subject, sender, sent_at, body)
            VALUES (?, ?, ?, ?, ?, ?)""";
    private static final String FILE_SQL = """
            INSERT INTO contact_archive_files (archive_id, name, media_type, content) VALUES (?, ?, ?, ?)""";

    private final DataSource db;

    ContactArchive(DataSource db) {
        this.db = db;
    }

    ArchiveResult file(ArchiveRequest request) throws SQLException, RejectedException {
        if (request.targetType() != ObjectType.CONTACT) {
            throw new RejectedException("only contacts take archived messages, not " + request.targetType().code());
        }
        long contact;
        try {
            contact = Long.parseLong(request.targetId());
        } catch (NumberFormatException e) {
            throw new RejectedException("contact id '" + request.targetId() + "' is not a number");
        }
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                ArchiveResult result = fileIn(c, request, contact);
                c.commit();
                return result;
            } catch (SQLIntegrityConstraintViolationException e) {
                c.rollback();
                return new ArchiveResult(Long.toString(existing(c, request, contact)));
            } catch (SQLException | RejectedException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static ArchiveResult fileIn(Connection c, ArchiveRequest request, long contact)
            throws SQLException, RejectedException {
        long before = existing(c, request, contact);
        if (before > 0) {
            return new ArchiveResult(Long.toString(before));
        }
        try (PreparedStatement s = c.prepareStatement(CONTACT_SQL)) {
            s.setLong(1, contact);
            s.setString(2, request.user());
            try (ResultSet row = s.executeQuery()) {
                if (!row.next()) {
                    throw new RejectedException("contact " + contact + " of " + request.user() + " does not exist");
                }
            }
        }
        long id;
        try (PreparedStatement s = c.prepareStatement(INSERT_SQL, Statement.RETURN_GENERATED_KEYS)) {
            s.setLong(1, contact);
            s.setString(2, request.messageId());
            s.setString(3, request.subject());
            s.setString(4, request.from());
            s.setTimestamp(5, request.date().map(d -> Timestamp.from(d.toInstant())).orElse(null));
            s.setString(6, request.text());
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        try (PreparedStatement s = c.prepareStatement(FILE_SQL)) {
            for (ArchiveRequest.Attachment a : request.attachments()) {
                s.setLong(1, id);
                s.setString(2, a.name());
                s.setString(3, a.mediaType());
                s.setBytes(4, a.content());
                s.addBatch();
            }
            s.executeBatch();
        }
        return new ArchiveResult(Long.toString(id));
    }

    private static long existing(Connection c, ArchiveRequest request, long contact) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(FIND_SQL)) {
            s.setString(1, request.messageId());
            s.setLong(2, contact);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? row.getLong("id") : 0;
            }
        }
    }
}
