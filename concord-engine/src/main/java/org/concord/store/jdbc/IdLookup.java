package org.concord.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Looks many keys up with a few statements instead of one each: a reader's batch of 500 changes
 * asks for hundreds of links, items and pending entries at once. A statement carries
 * {@link #PER_STATEMENT} keys in {@code IN (:ids)}; a short chunk repeats its first key, so every
 * statement keeps one shape and stays prepared.
 */
final class IdLookup {

    /** Keys per statement: well under SQLite's and PostgreSQL's parameter limits. */
    static final int PER_STATEMENT = 128;

    private static final String[] PARAMETERS = IntStream.range(0, PER_STATEMENT)
            .mapToObj(i -> ("id" + i).intern()).toArray(String[]::new);
    private static final String LIST = IntStream.range(0, PER_STATEMENT)
            .mapToObj(i -> ":id" + i).collect(Collectors.joining(", "));

    private IdLookup() {}

    /** {@code sql} with its {@code :ids} placeholder spelled out as the parameters of one chunk. */
    static String expand(String sql) {
        if (!sql.contains(":ids")) {
            throw new IllegalArgumentException("no :ids in " + sql);
        }
        return sql.replace(":ids", LIST);
    }

    /** Binds the parameters a statement has besides the keys. */
    @FunctionalInterface
    interface Binder {
        Query bind(Query query) throws SQLException;
    }

    /** Takes one row of a result. */
    @FunctionalInterface
    interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    /**
     * Runs the {@link #expand expanded} statement for every chunk of the distinct {@code keys},
     * handing each row to {@code reader}; rows of one chunk come in the statement's order.
     */
    static void run(Session session, String expandedSql, Collection<String> keys, Binder binder, RowReader reader)
            throws SQLException {
        List<String> distinct = List.copyOf(new LinkedHashSet<>(keys));
        for (int from = 0; from < distinct.size(); from += PER_STATEMENT) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + PER_STATEMENT));
            Query query = binder.bind(session.query(expandedSql));
            for (int i = 0; i < PER_STATEMENT; i++) {
                query.text(PARAMETERS[i], chunk.get(i < chunk.size() ? i : 0));
            }
            try (ResultSet rows = query.rows()) {
                while (rows.next()) {
                    reader.read(rows);
                }
            }
        }
    }
}
