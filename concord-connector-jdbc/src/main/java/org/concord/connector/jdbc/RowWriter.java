package org.concord.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.concord.connector.jdbc.mapping.ColumnException;
import org.concord.connector.jdbc.mapping.IdGeneration;
import org.concord.connector.jdbc.mapping.Mapping;
import org.concord.connector.jdbc.mapping.RelatedMapping;
import org.concord.connector.jdbc.mapping.RowValues;
import org.concord.connector.jdbc.mapping.TableMapping;
import org.concord.model.Payload;
import org.concord.spi.ConnectorException;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;

/**
 * Applies writes, each in its own transaction on a session marked with the connector's origin (so
 * the triggers log them as its own). An update or delete locks the row and compares its version
 * with the expected one first; a create with an external-reference column finds the row a
 * previous attempt made instead of inserting it twice.
 */
final class RowWriter implements AutoCloseable {

    /** One write refused for a reason that is its result, not a failure of the call. */
    private static final class Refused extends Exception {
        final WriteResult result;

        Refused(WriteResult result) {
            super(null, null, false, false);
            this.result = result;
        }
    }

    private final JdbcSettings settings;
    private final Map<String, TableInfo> tables;
    private final RowSource rows;
    private final UserDirectory users;
    private final RecentWrites recent;
    private final ConnectionSlot slot;
    private final Optional<CarryTable> carry;

    RowWriter(JdbcSettings settings, Map<String, TableInfo> tables, RowSource rows, UserDirectory users, RecentWrites recent,
            Optional<CarryTable> carry) {
        this.settings = settings;
        this.carry = carry;
        this.tables = tables;
        this.rows = rows;
        this.users = users;
        this.recent = recent;
        this.slot = new ConnectionSlot(settings, "writing", c -> {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            settings.dialect().markOrigin(c, settings.origin());
            c.commit();
        });
    }

    List<WriteResult> write(List<Write> writes) throws ConnectorException {
        List<WriteResult> results = new ArrayList<>();
        boolean first = true;
        for (Write w : writes) {
            Connection c = slot.get(first);
            first = false;
            try {
                WriteResult r = apply(c, w);
                c.commit();
                if (r instanceof WriteResult.Written written) {
                    recent.wrote(written.nativeId(), written.version());
                }
                results.add(r);
            } catch (Refused e) {
                rollback(c);
                results.add(e.result);
            } catch (SQLException e) {
                rollback(c);
                if (SqlFailures.connectionLost(e)) {
                    slot.failed(e);
                    throw SqlFailures.classify(settings.label() + ": " + what(w) + " failed", e);
                }
                String message = settings.label() + ": " + what(w) + " refused: " + SqlFailures.describe(e);
                if (SqlFailures.transientConflict(e)) {
                    results.add(new WriteResult.Unavailable(message));
                } else if (SqlFailures.badData(e)) {
                    results.add(new WriteResult.Rejected(message));
                } else {
                    throw SqlFailures.classify(settings.label() + ": " + what(w) + " failed", e);
                }
            }
        }
        return results;
    }

    private WriteResult apply(Connection c, Write w) throws SQLException, Refused {
        return switch (w) {
            case Write.Create create -> create(c, create);
            case Write.Update update -> {
                Target target = target(update.nativeId(), update);
                yield update(c, target, update, update.expectedVersion(), update.payload());
            }
            case Write.Delete delete -> delete(c, target(delete.nativeId(), delete), delete);
        };
    }

    private record Target(TableInfo table, String rowId) {}

    private Target target(String nativeId, Write w) throws Refused {
        int slash = nativeId.indexOf('/');
        TableInfo t = slash < 0 ? null : tables.get(nativeId.substring(0, slash));
        if (t == null) {
            // Not an id this mapping makes (the table left the mapping, or it never was ours): nothing there.
            String why = settings.label() + ": " + what(w) + ": no mapped table holds native id " + nativeId;
            throw new Refused(w instanceof Write.Delete ? new WriteResult.Deleted() : new WriteResult.Gone(why));
        }
        if (t.mapping().type() != w.scope().type()) {
            throw new Refused(new WriteResult.Rejected(settings.label() + ": " + what(w) + " refused: table " + t.mapping().table()
                    + " holds " + t.mapping().type().code() + "s, not " + w.scope().type().code() + "s"));
        }
        String rowId = nativeId.substring(slash + 1);
        if (!RowSource.bindable(rowId, t.idType())) {
            throw new Refused(new WriteResult.Gone(settings.label() + ": " + what(w) + ": no row " + rowId + " in " + t.mapping().table()));
        }
        return new Target(t, rowId);
    }

    private WriteResult create(Connection c, Write.Create w) throws SQLException, Refused {
        Mapping mapping = settings.mapping();
        TableMapping m = mapping.forCreate(w.scope().type()).orElseThrow(() -> new Refused(new WriteResult.Rejected(
                settings.label() + ": " + what(w) + " refused: no mapped table takes new " + w.scope().type().code() + "s")));
        TableInfo t = tables.get(m.name());
        if (m.externalRefColumn().isPresent()) {
            Optional<String> existing = byExternalRef(c, t, w.globalId());
            if (existing.isPresent()) {
                return update(c, new Target(t, existing.get()), w, Optional.empty(), w.payload());
            }
        } else if (carry.isPresent()) {
            Optional<String> earlier = carry.get().rowOf(c, m.name(), w.globalId());
            if (earlier.isPresent() && RowSource.bindable(earlier.get(), t.idType())) {
                RowSource.Loaded row = lock(c, new Target(t, earlier.get()));
                if (row != null && live(t, row)) {
                    return update(c, new Target(t, earlier.get()), w, Optional.empty(), w.payload());
                }
                carry.get().delete(c, m.name(), earlier.get());
            }
        }
        RowValues values = convert(t, w, w.payload().json(), null);
        Map<String, Object> cols = new LinkedHashMap<>(m.insertValues());
        String newId = null;
        if (t.idGeneration() == IdGeneration.UUID) {
            newId = UUID.randomUUID().toString();
            cols.put(m.idColumn(), newId);
        }
        cols.putAll(values.columns());
        userValue(c, t, w).ifPresent(v -> cols.put(m.user().column().get(), v));
        LocalDateTime now = now();
        m.modifiedColumn().ifPresent(col -> cols.put(col, now));
        m.createdColumn().ifPresent(col -> cols.put(col, now));
        m.versionColumn().ifPresent(col -> cols.put(col, 1));
        m.softDelete().ifPresent(d -> cols.put(d.column(), d.activeValue()));
        m.externalRefColumn().ifPresent(col -> cols.put(col, w.globalId()));
        String sql = "INSERT INTO " + m.table() + " (" + String.join(", ", cols.keySet()) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(cols.size(), "?")) + ")";
        try (PreparedStatement ps = t.idGeneration() == IdGeneration.DATABASE
                ? c.prepareStatement(sql, new String[] {m.idColumn()}) : c.prepareStatement(sql)) {
            bindAll(ps, t, cols, w);
            ps.executeUpdate();
            if (t.idGeneration() == IdGeneration.DATABASE) {
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("the database returned no generated id for " + m.table(), "HY000");
                    }
                    newId = String.valueOf(keys.getObject(1));
                }
            }
        }
        writeRelated(c, t, newId, values);
        return written(c, t, newId, w, w.payload());
    }

    private Optional<String> byExternalRef(Connection c, TableInfo t, String globalId) throws SQLException {
        TableMapping m = t.mapping();
        String sql = "SELECT " + m.idColumn() + " FROM " + m.table() + " WHERE " + m.externalRefColumn().get() + " = ?"
                + m.softDelete().map(d -> " AND (" + d.column() + " IS NULL OR " + d.column() + " <> "
                        + RowSource.literal(SqlValues.coerce(d.deletedValue(), t.type(d.column()), settings.mapping().dbZone())) + ")").orElse("")
                + " FOR UPDATE";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            SqlValues.bind(ps, 1, globalId, t.type(m.externalRefColumn().get()), settings.mapping().dbZone());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(String.valueOf(rs.getObject(1))) : Optional.empty();
            }
        }
    }

    private WriteResult update(Connection c, Target target, Write w, Optional<String> expected, Payload payload)
            throws SQLException, Refused {
        TableInfo t = target.table();
        TableMapping m = t.mapping();
        RowSource.Loaded current = lock(c, target);
        if (current == null || !live(t, current)) {
            return new WriteResult.Gone(settings.label() + ": " + what(w) + ": row " + target.rowId() + " of " + m.table() + " is gone");
        }
        String version = RowReading.version(t, current);
        if (expected.isPresent() && !expected.get().equals(version)) {
            return new WriteResult.PreconditionFailed(settings.label() + ": " + what(w) + " refused: row " + target.rowId() + " of "
                    + m.table() + " changed since version " + expected.get() + " (now " + version + ")");
        }
        RowValues values = convert(t, w, payload.json(), current.row());
        Map<String, Object> cols = new LinkedHashMap<>(values.columns());
        userValue(c, t, w).ifPresent(v -> cols.put(m.user().column().get(), v));
        m.modifiedColumn().ifPresent(col -> cols.put(col, now()));
        StringBuilder sql = new StringBuilder("UPDATE ").append(m.table()).append(" SET ");
        List<String> sets = new ArrayList<>();
        cols.keySet().forEach(col -> sets.add(col + " = ?"));
        m.versionColumn().ifPresent(col -> sets.add(col + " = COALESCE(" + col + ", 0) + 1"));
        sql.append(String.join(", ", sets)).append(" WHERE ").append(m.idColumn()).append(" = ?");
        if (!sets.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int i = bindAll(ps, t, cols, w);
                SqlValues.bind(ps, i, target.rowId(), t.idType(), settings.mapping().dbZone());
                ps.executeUpdate();
            }
        }
        writeRelated(c, t, target.rowId(), values);
        return written(c, t, target.rowId(), w, payload);
    }

    private WriteResult delete(Connection c, Target target, Write.Delete w) throws SQLException {
        TableInfo t = target.table();
        TableMapping m = t.mapping();
        RowSource.Loaded current = lock(c, target);
        if (current == null || !live(t, current)) {
            return new WriteResult.Deleted();
        }
        String version = RowReading.version(t, current);
        if (w.expectedVersion().isPresent() && !w.expectedVersion().get().equals(version)) {
            return new WriteResult.PreconditionFailed(settings.label() + ": " + what(w) + " refused: row " + target.rowId() + " of "
                    + m.table() + " changed since version " + w.expectedVersion().get() + " (now " + version + ")");
        }
        var zone = settings.mapping().dbZone();
        if (m.softDelete().isPresent()) {
            String col = m.softDelete().get().column();
            String sql = "UPDATE " + m.table() + " SET " + col + " = ?" + m.modifiedColumn().map(mc -> ", " + mc + " = ?").orElse("")
                    + m.versionColumn().map(vc -> ", " + vc + " = COALESCE(" + vc + ", 0) + 1").orElse("")
                    + " WHERE " + m.idColumn() + " = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = 1;
                SqlValues.bind(ps, i++, m.softDelete().get().deletedValue(), t.type(col), zone);
                if (m.modifiedColumn().isPresent()) {
                    SqlValues.bind(ps, i++, now(), t.type(m.modifiedColumn().get()), zone);
                }
                SqlValues.bind(ps, i, target.rowId(), t.idType(), zone);
                ps.executeUpdate();
            }
            return new WriteResult.Deleted();
        }
        for (RelatedMapping r : m.related()) {
            for (Map<String, Object> existing : rows.related(c, t, r, target.rowId())) {
                deleteRelated(c, t, r, existing.get(r.idColumn().toLowerCase(Locale.ROOT)));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + m.table() + " WHERE " + m.idColumn() + " = ?")) {
            SqlValues.bind(ps, 1, target.rowId(), t.idType(), zone);
            ps.executeUpdate();
        }
        if (carry.isPresent()) {
            carry.get().delete(c, m.name(), target.rowId());
        }
        return new WriteResult.Deleted();
    }

    /** Locks the row for the rest of the transaction and reads it as it is now. */
    private RowSource.Loaded lock(Connection c, Target target) throws SQLException {
        TableMapping m = target.table().mapping();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + m.idColumn() + " FROM " + m.table() + " WHERE " + m.idColumn() + " = ? FOR UPDATE")) {
            SqlValues.bind(ps, 1, target.rowId(), target.table().idType(), settings.mapping().dbZone());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
            }
        }
        return rows.byIds(c, target.table(), List.of(target.rowId())).get(target.rowId());
    }

    private static boolean live(TableInfo t, RowSource.Loaded l) {
        return l.inFilter() && t.mapping().softDelete().map(d -> !d.isDeleted(l.row().get(d.column()))).orElse(true);
    }

    /**
     * What the write left: the row read back inside the transaction, the carry kept for it (the
     * item's global id, and the written object when the row cannot hold all of it), and the object
     * the feed will report for it, so the hub recognizes it as its own write when it comes back.
     */
    private WriteResult written(Connection c, TableInfo t, String rowId, Write w, Payload payload) throws SQLException, Refused {
        RowSource.Loaded after = rows.byIds(c, t, List.of(rowId)).get(rowId);
        if (after == null) {
            throw new SQLException("row " + rowId + " of " + t.mapping().table() + " vanished inside its own transaction", "HY000");
        }
        ObjectNode readBack;
        try {
            readBack = t.converter().read(after.row());
        } catch (ColumnException e) {
            throw new Refused(new WriteResult.Rejected(settings.label() + ": " + what(w) + " refused: the row written does not read back: table "
                    + t.mapping().table() + ", id " + rowId + ", column " + e.column() + ": " + e.reason()));
        }
        Optional<CarryTable.Carried> kept = Optional.empty();
        if (carry.isPresent()) {
            boolean lossy = !Payload.of(t.mapping().type(), readBack).contentHash().equals(payload.contentHash());
            kept = Optional.of(new CarryTable.Carried(w.globalId(), lossy ? RowReading.text(payload.json()) : null,
                    lossy ? RowReading.text(readBack) : null));
            carry.get().save(c, t.mapping().name(), rowId, kept.get());
        }
        RowSource.Loaded mine = new RowSource.Loaded(after.row(), after.inFilter(), kept);
        ObjectNode stored;
        try {
            stored = RowReading.payload(t, mine);
        } catch (ColumnException e) {
            throw new IllegalStateException("a carried object written just now does not read back", e);
        }
        return new WriteResult.Written(t.mapping().nativeId(rowId), RowReading.version(t, mine),
                Optional.of(Payload.of(t.mapping().type(), stored)));
    }

    private RowValues convert(TableInfo t, Write w, com.fasterxml.jackson.databind.node.ObjectNode json,
            org.concord.connector.jdbc.mapping.Row current) throws Refused {
        try {
            return t.converter().write(json, current);
        } catch (ColumnException e) {
            throw new Refused(new WriteResult.Rejected(settings.label() + ": " + what(w) + " refused: table " + t.mapping().table()
                    + ", column " + e.column() + ": " + e.reason()));
        }
    }

    /** The user column's value for the write's scope, or empty for a table without a user column. */
    private Optional<Object> userValue(Connection c, TableInfo t, Write w) throws SQLException, Refused {
        TableMapping m = t.mapping();
        if (m.user().column().isEmpty()) {
            return Optional.empty();
        }
        Optional<Object> id = users.id(c, w.scope().user());
        if (id.isEmpty()) {
            throw new Refused(new WriteResult.Rejected(settings.label() + ": " + what(w) + " refused: no user '" + w.scope().user()
                    + "' in " + users.describe()));
        }
        return id;
    }

    private int bindAll(PreparedStatement ps, TableInfo t, Map<String, Object> cols, Write w) throws SQLException, Refused {
        int i = 1;
        for (Map.Entry<String, Object> e : cols.entrySet()) {
            try {
                SqlValues.bind(ps, i++, e.getValue(), t.type(e.getKey()), settings.mapping().dbZone());
            } catch (IllegalArgumentException ex) {
                throw new Refused(new WriteResult.Rejected(settings.label() + ": " + what(w) + " refused: table " + t.mapping().table()
                        + ", column " + e.getKey() + ": " + ex.getMessage()));
            }
        }
        return i;
    }

    /** Makes the related rows match the payload: equal rows stay, new ones are inserted, the rest deleted. */
    private void writeRelated(Connection c, TableInfo t, String parentId, RowValues values) throws SQLException {
        var zone = settings.mapping().dbZone();
        for (RelatedMapping r : t.mapping().related()) {
            List<Map<String, Object>> existing = new ArrayList<>(rows.related(c, t, r, parentId));
            for (Map<String, Object> wanted : values.related().getOrDefault(r.name(), List.of())) {
                Map<String, Object> same = null;
                for (Map<String, Object> e : existing) {
                    if (equal(t, r, wanted, e)) {
                        same = e;
                        break;
                    }
                }
                if (same != null) {
                    existing.remove(same);
                    continue;
                }
                Map<String, Object> cols = new LinkedHashMap<>(r.insertValues());
                if (t.relatedIdGeneration().get(r.name()) == IdGeneration.UUID) {
                    cols.put(r.idColumn(), UUID.randomUUID().toString());
                }
                cols.put(r.parentColumn(), parentId);
                cols.putAll(wanted);
                r.softDelete().ifPresent(d -> cols.put(d.column(), d.activeValue()));
                String sql = "INSERT INTO " + r.table() + " (" + String.join(", ", cols.keySet()) + ") VALUES ("
                        + String.join(", ", java.util.Collections.nCopies(cols.size(), "?")) + ")";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    int i = 1;
                    for (Map.Entry<String, Object> e : cols.entrySet()) {
                        SqlValues.bind(ps, i++, e.getValue(), t.relatedType(r, e.getKey()), zone);
                    }
                    ps.executeUpdate();
                }
            }
            for (Map<String, Object> gone : existing) {
                deleteRelated(c, t, r, gone.get(r.idColumn().toLowerCase(Locale.ROOT)));
            }
        }
    }

    private boolean equal(TableInfo t, RelatedMapping r, Map<String, Object> wanted, Map<String, Object> existing) {
        for (Map.Entry<String, Object> e : wanted.entrySet()) {
            Object w = SqlValues.coerce(e.getValue(), t.relatedType(r, e.getKey()), settings.mapping().dbZone());
            Object x = existing.get(e.getKey().toLowerCase(Locale.ROOT));
            if (!String.valueOf(w).equals(String.valueOf(x))) {
                return false;
            }
        }
        return true;
    }

    private void deleteRelated(Connection c, TableInfo t, RelatedMapping r, Object id) throws SQLException {
        var zone = settings.mapping().dbZone();
        String sql = r.softDelete().isPresent()
                ? "UPDATE " + r.table() + " SET " + r.softDelete().get().column() + " = ? WHERE " + r.idColumn() + " = ?"
                : "DELETE FROM " + r.table() + " WHERE " + r.idColumn() + " = ?";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (r.softDelete().isPresent()) {
                SqlValues.bind(ps, i++, r.softDelete().get().deletedValue(), t.relatedType(r, r.softDelete().get().column()), zone);
            }
            SqlValues.bind(ps, i, id, t.relatedType(r, r.idColumn()), zone);
            ps.executeUpdate();
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(settings.mapping().dbZone()).truncatedTo(ChronoUnit.SECONDS);
    }

    private static String what(Write w) {
        return switch (w) {
            case Write.Create c -> "create of " + c.scope().type().code() + " " + c.globalId();
            case Write.Update u -> "update of " + u.nativeId() + " (item " + u.globalId() + ")";
            case Write.Delete d -> "delete of " + d.nativeId() + " (item " + d.globalId() + ")";
        };
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is failing anyway; the next use finds out
        }
    }

    @Override
    public void close() {
        slot.close();
    }
}
