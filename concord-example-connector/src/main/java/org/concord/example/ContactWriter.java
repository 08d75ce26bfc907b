package org.concord.example;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.concord.remote.kit.ChangeResult;
import org.concord.remote.kit.IncomingChange;
import org.concord.remote.kit.Operation;

/** Applies one change in its own transaction. */
final class ContactWriter {
    private static final String INSERT_SQL = "INSERT INTO contacts (owner, concord_ref, " + ContactRecord.columns()
            + ") VALUES (?, ?, " + "?, ".repeat(ContactRecord.FIELDS.size() - 1) + "?)";
    private static final String UPDATE_SQL = "UPDATE contacts SET %s WHERE id = ? AND owner = ?";
    private static final String COPY_SQL = "INSERT INTO contacts (owner, concord_ref, " + ContactRecord.columns()
            + ") SELECT owner, ?, " + ContactRecord.columns() + " FROM contacts WHERE id = ? AND owner = ?";
    private static final String DELETE_SQL = "DELETE FROM contacts WHERE id = ? AND owner = ?";
    private static final String VERSION_SQL = "SELECT modid FROM contacts WHERE id = ? AND owner = ?";
    private static final String BY_REF_SQL = "SELECT id FROM contacts WHERE concord_ref = ? AND owner = ?";

    private final DataSource db;

    ContactWriter(DataSource db) {
        this.db = db;
    }

    ChangeResult apply(IncomingChange change) throws SQLException {
        try (Connection c = db.getConnection()) {
            c.setAutoCommit(false);
            try {
                ChangeResult result = applyIn(c, change);
                c.commit();
                return result;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private static ChangeResult applyIn(Connection c, IncomingChange change) throws SQLException {
        // A create, or a conflict copy, seen before under this client reference: same object, no duplicate.
        if (change.isCreate() || change.isConflict()) {
            OptionalLong earlier = byRef(c, change);
            if (earlier.isPresent()) {
                return update(c, change, earlier.getAsLong(), Optional.empty());
            }
        }
        if (change.isCreate()) {
            return create(c, change);
        }
        OptionalLong id = parseId(change.id().orElseThrow());
        if (id.isEmpty()) {
            return change.operation() == Operation.DELETE ? ChangeResult.deleted(change.id().get())
                    : new ChangeResult.NotFound("contact " + change.id().get() + " does not exist");
        }
        if (change.operation() == Operation.DELETE) {
            return delete(c, change, id.getAsLong());
        }
        if (change.isConflict()) {
            return copy(c, change, id.getAsLong());
        }
        return update(c, change, id.getAsLong(), change.expectedVersion());
    }

    private static ChangeResult create(Connection c, IncomingChange change) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement(INSERT_SQL, Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, change.user());
            s.setString(2, change.ref());
            ContactRecord.bind(s, 3, ContactRecord.FIELDS, change.data());
            s.executeUpdate();
            id = generatedId(s);
        } catch (SQLIntegrityConstraintViolationException e) {
            // the same create racing itself: the other one made the contact, so this becomes an update of it
            c.rollback();
            OptionalLong earlier = byRef(c, change);
            if (earlier.isEmpty()) {
                throw e;
            }
            return update(c, change, earlier.getAsLong(), Optional.empty());
        }
        return ChangeResult.written(Long.toString(id), Long.toString(version(c, id, change.user()).orElseThrow()));
    }

    private static ChangeResult copy(Connection c, IncomingChange change, long original) throws SQLException {
        long id;
        try (PreparedStatement s = c.prepareStatement(COPY_SQL, Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, change.ref());
            s.setLong(2, original);
            s.setString(3, change.user());
            if (s.executeUpdate() == 0) {
                return new ChangeResult.NotFound("contact " + original + " of " + change.user() + " does not exist: nothing to copy");
            }
            id = generatedId(s);
        }
        return update(c, change, id, Optional.empty());
    }

    private static ChangeResult update(Connection c, IncomingChange change, long id, Optional<String> expected)
            throws SQLException {
        // a record update writes the fields it carries and leaves the others as they are
        List<String> fields = ContactRecord.present(change.data());
        String sql = UPDATE_SQL.formatted(ContactRecord.assignments(fields)) + (expected.isPresent() ? " AND modid = ?" : "");
        int rows;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int next = ContactRecord.bind(s, 1, fields, change.data());
            s.setLong(next++, id);
            s.setString(next++, change.user());
            if (expected.isPresent()) {
                OptionalLong v = parseId(expected.get());
                s.setLong(next, v.orElse(-1));
            }
            rows = s.executeUpdate();
        }
        OptionalLong now = version(c, id, change.user());
        if (now.isEmpty()) {
            return new ChangeResult.NotFound("contact " + id + " of " + change.user() + " does not exist");
        }
        if (rows == 0) {
            return new ChangeResult.PreconditionFailed("contact " + id + " has version " + now.getAsLong()
                    + ", not the expected " + expected.orElse("?"), Optional.of(Long.toString(now.getAsLong())));
        }
        return ChangeResult.written(Long.toString(id), Long.toString(now.getAsLong()));
    }

    private static ChangeResult delete(Connection c, IncomingChange change, long id) throws SQLException {
        String sql = change.expectedVersion().isPresent() ? DELETE_SQL + " AND modid = ?" : DELETE_SQL;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, id);
            s.setString(2, change.user());
            if (change.expectedVersion().isPresent()) {
                s.setLong(3, parseId(change.expectedVersion().get()).orElse(-1));
            }
            if (s.executeUpdate() == 1) {
                return ChangeResult.deleted(Long.toString(id));
            }
        }
        OptionalLong now = version(c, id, change.user());
        if (now.isPresent()) {
            return new ChangeResult.PreconditionFailed("contact " + id + " has version " + now.getAsLong()
                    + ", not the expected " + change.expectedVersion().orElse("?"), Optional.of(Long.toString(now.getAsLong())));
        }
        return ChangeResult.deleted(Long.toString(id));
    }

    private static OptionalLong byRef(Connection c, IncomingChange change) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(BY_REF_SQL)) {
            s.setString(1, change.ref());
            s.setString(2, change.user());
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong("id")) : OptionalLong.empty();
            }
        }
    }

    private static OptionalLong version(Connection c, long id, String owner) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(VERSION_SQL)) {
            s.setLong(1, id);
            s.setString(2, owner);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong("modid")) : OptionalLong.empty();
            }
        }
    }

    private static long generatedId(PreparedStatement s) throws SQLException {
        try (ResultSet keys = s.getGeneratedKeys()) {
            if (!keys.next()) {
                throw new SQLException("contacts: the insert returned no generated id");
            }
            return keys.getLong(1);
        }
    }

    private static OptionalLong parseId(String text) {
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
