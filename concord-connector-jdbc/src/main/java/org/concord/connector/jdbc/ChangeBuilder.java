package org.concord.connector.jdbc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concord.connector.jdbc.mapping.ColumnException;
import org.concord.connector.jdbc.mapping.Row;
import org.concord.connector.jdbc.mapping.TableMapping;
import org.concord.model.Payload;
import org.concord.spi.Change;
import org.concord.spi.Scope;

/**
 * Turns rows that changed into changes: a live row is an upsert in its user's scope (or an
 * unreadable change naming table, id, column and reason), a row that is gone, soft-deleted or
 * filtered out is a delete, and a row that moved to another user is a delete for the old user
 * followed by an upsert for the new one.
 */
final class ChangeBuilder {

    /**
     * One row that changed, with the user value the change log recorded before the change (or
     * null), and whether only the connector's own writes touched it: those come back only as
     * deletes (so a hub that lost a delete's reply still learns of it), never as upserts.
     */
    record Touched(String rowId, String loggedUser, boolean own) {
        Touched(String rowId, String loggedUser) {
            this(rowId, loggedUser, false);
        }
    }

    private final UserDirectory users;
    private final Optional<CarryTable> carry;

    ChangeBuilder(UserDirectory users, Optional<CarryTable> carry) {
        this.users = users;
        this.carry = carry;
    }

    /**
     * @param initial a first or full read: rows that are not live are skipped instead of becoming
     *     deletes, and every live row is reported, the connector's own writes too
     * @param skip versions of the connector's own recent writes, which must not come back as changes
     *     of a read that follows the feed
     */
    List<Change> build(Connection c, TableInfo t, Collection<Touched> touched, Map<String, RowSource.Loaded> rows,
            boolean initial, RecentWrites skip) throws SQLException {
        TableMapping m = t.mapping();
        Set<String> userValues = new HashSet<>();
        for (Touched x : touched) {
            if (x.loggedUser() != null) {
                userValues.add(x.loggedUser());
            }
            RowSource.Loaded l = rows.get(x.rowId());
            if (l != null) {
                userValue(m, l.row()).ifPresent(userValues::add);
            }
        }
        Map<String, String> names = users.names(c, userValues);
        List<Change> out = new ArrayList<>();
        for (Touched x : touched) {
            String nativeId = m.nativeId(x.rowId());
            RowSource.Loaded l = rows.get(x.rowId());
            String before = x.loggedUser() == null ? null : userName(m, names.get(x.loggedUser()));
            boolean live = l != null && l.inFilter() && m.softDelete().map(d -> !d.isDeleted(l.row().get(d.column()))).orElse(true);
            if (!live) {
                if (initial) {
                    continue;
                }
                if (l == null && carry.isPresent()) {
                    carry.get().delete(c, m.name(), x.rowId()); // the row is gone for good: so is what it carried
                }
                String user = l == null ? before : current(m, l.row(), names).orElse(before);
                if (user == null && m.user().fixed().isPresent()) {
                    user = m.user().fixed().get();
                }
                if (user != null) {
                    out.add(new Change.Delete(new Scope(user, m.type()), nativeId));
                }
                continue;
            }
            if (x.own()) {
                continue;
            }
            Optional<String> raw = userValue(m, l.row());
            String user = current(m, l.row(), names).orElse(null);
            if (before != null && !before.equals(user)) {
                out.add(new Change.Delete(new Scope(before, m.type()), nativeId));
            }
            if (user == null) {
                if (raw.isPresent() && !names.containsKey(raw.get())) {
                    out.add(new Change.Unreadable(new Scope(raw.get(), m.type()), nativeId, where(m, x.rowId())
                            + ", column " + m.user().column().orElse("?") + ": no user with id '" + raw.get() + "' in " + users.describe()));
                }
                continue; // a row nobody is assigned to is not synced
            }
            Scope scope = new Scope(user, m.type());
            String version = RowReading.version(t, l);
            if (!initial && skip.isOwn(nativeId, version)) {
                continue;
            }
            try {
                ObjectNode json = RowReading.payload(t, l);
                out.add(new Change.Upsert(scope, nativeId, version, Payload.of(m.type(), json)));
            } catch (ColumnException e) {
                out.add(new Change.Unreadable(scope, nativeId, where(m, x.rowId()) + ", column " + e.column() + ": " + e.reason()));
            }
        }
        return out;
    }

    static String where(TableMapping m, String rowId) {
        return "table " + m.table() + ", id " + rowId;
    }

    private static Optional<String> userValue(TableMapping m, Row row) {
        if (m.user().column().isEmpty()) {
            return Optional.empty();
        }
        Object v = row.get(m.user().column().get());
        return v == null || v.toString().isBlank() ? Optional.empty() : Optional.of(v.toString());
    }

    /** The user a live row belongs to now, if any. */
    private static Optional<String> current(TableMapping m, Row row, Map<String, String> names) {
        if (m.user().fixed().isPresent()) {
            return m.user().fixed();
        }
        Optional<String> raw = userValue(m, row);
        if (raw.isEmpty()) {
            return m.user().unassigned();
        }
        return Optional.ofNullable(names.get(raw.get()));
    }

    private static String userName(TableMapping m, String name) {
        return m.user().fixed().orElse(name);
    }

    /** Rows in log order, each once, keeping the user value of its first entry. */
    static Collection<Touched> distinct(List<Touched> touched) {
        Map<String, Touched> out = new LinkedHashMap<>();
        for (Touched t : touched) {
            out.merge(t.rowId(), t, (a, b) -> new Touched(a.rowId(), a.loggedUser() != null ? a.loggedUser() : b.loggedUser(),
                    a.own() && b.own()));
        }
        return out.values();
    }
}
