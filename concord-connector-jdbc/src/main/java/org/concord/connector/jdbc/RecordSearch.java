package org.concord.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.concord.connector.jdbc.mapping.ArchiveLayout;
import org.concord.spi.ConnectorException;
import org.concord.spi.RecordKey;
import org.concord.spi.RecordQuery;
import org.concord.spi.RecordRef;

/**
 * Finds the records e-mail can be filed to, in the database itself: by the words of a name (every
 * word must match a label column, the company's name or an e-mail address of the record's address
 * table), and by e-mail addresses for suggestions. Best first: an exact e-mail address, then a
 * name that starts with the text, then any other match; record types in the layout's order.
 */
final class RecordSearch {
    /** The user part of the key of a record no user is assigned to. */
    static final String UNASSIGNED = "unassigned";
    private static final int MAX_WORDS = 8;
    private static final int IN_CHUNK = 500;
    private static final int MAX_SUGGESTED_PER_TYPE = 500;

    private final JdbcSettings settings;
    private final ArchiveSchema schema;
    private final IdleConnections connections;

    RecordSearch(JdbcSettings settings, ArchiveSchema schema, IdleConnections connections) {
        this.settings = settings;
        this.schema = schema;
        this.connections = connections;
    }

    /** One record found, before its addresses and owner's name are looked up. */
    private record Hit(int rank, int typeIndex, ArchiveLayout.RecordType type, String id, String label, List<String> detail,
            Object owner) {}

    private interface Call<T> {
        T run(Connection c) throws SQLException, ConnectorException;
    }

    private <T> T withConnection(String what, Call<T> call) throws ConnectorException, InterruptedException {
        Connection c;
        try {
            c = connections.take();
        } catch (SQLException e) {
            throw SqlFailures.classify(settings.label() + ": " + what + ": cannot connect", e);
        }
        boolean healthy = false;
        try {
            T result = call.run(c);
            healthy = true;
            if (Thread.interrupted()) {
                throw new InterruptedException(what + " stopped");
            }
            return result;
        } catch (SQLException e) {
            throw SqlFailures.classify(settings.label() + ": " + what + " failed", e);
        } finally {
            connections.give(c, healthy);
        }
    }

    List<RecordRef> search(RecordQuery query) throws ConnectorException, InterruptedException {
        String text = query.text().strip().toLowerCase(Locale.ROOT);
        List<String> words = Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).distinct().limit(MAX_WORDS).toList();
        return withConnection("search for '" + query.text() + "'", c -> {
            ArchiveColumns cols = schema.columns(c);
            Optional<Object> owner = owner(c, query.user());
            if (query.user().isPresent() && owner.isEmpty()) {
                return List.of();
            }
            List<Hit> hits = new ArrayList<>();
            List<ArchiveLayout.RecordType> types = schema.layout().records();
            for (int i = 0; i < types.size(); i++) {
                if (query.type().isEmpty() || query.type().get().equals(types.get(i).type())) {
                    hits.addAll(searchType(c, cols, i, types.get(i), text, words, owner, query.limit()));
                }
            }
            hits.sort(Comparator.comparingInt(Hit::rank).thenComparingInt(Hit::typeIndex)
                    .thenComparing(h -> h.label().toLowerCase(Locale.ROOT)).thenComparing(Hit::id));
            List<Hit> best = hits.subList(0, Math.min(hits.size(), query.limit()));
            return refs(c, best, emails(c, cols, best));
        });
    }

    /**
     * Records with one of these addresses, those of the first address (the sender) first, each once.
     * The address tables are asked once per record type, not once per address.
     */
    List<RecordRef> suggest(Collection<String> addresses, Optional<String> user, int limit)
            throws ConnectorException, InterruptedException {
        List<String> wanted = addresses.stream().map(a -> a.strip().toLowerCase(Locale.ROOT)).filter(a -> !a.isEmpty())
                .distinct().toList();
        if (wanted.isEmpty() || limit < 1) {
            return List.of();
        }
        return withConnection("suggestions for " + wanted.size() + " addresses", c -> {
            ArchiveColumns cols = schema.columns(c);
            Optional<Object> owner = owner(c, user);
            if (user.isPresent() && owner.isEmpty()) {
                return List.of();
            }
            List<Hit> hits = new ArrayList<>();
            List<ArchiveLayout.RecordType> types = schema.layout().records();
            for (int i = 0; i < types.size(); i++) {
                if (types.get(i).emails().isPresent()) {
                    for (int from = 0; from < wanted.size(); from += IN_CHUNK) {
                        hits.addAll(byAddress(c, cols, i, types.get(i), wanted.subList(from, Math.min(wanted.size(), from + IN_CHUNK)),
                                owner));
                    }
                }
            }
            Map<String, Hit> distinct = new LinkedHashMap<>();
            hits.forEach(h -> distinct.putIfAbsent(h.typeIndex() + "/" + h.id(), h));
            Map<String, List<String>> emails = emails(c, cols, distinct.values());
            List<Hit> ranked = new ArrayList<>();
            for (Hit h : distinct.values()) {
                int best = emails.getOrDefault(h.typeIndex() + "/" + h.id(), List.of()).stream().mapToInt(wanted::indexOf)
                        .filter(i -> i >= 0).min().orElse(Integer.MAX_VALUE);
                ranked.add(new Hit(best, h.typeIndex(), h.type(), h.id(), h.label(), h.detail(), h.owner()));
            }
            ranked.sort(Comparator.comparingInt(Hit::rank).thenComparingInt(Hit::typeIndex)
                    .thenComparing(h -> h.label().toLowerCase(Locale.ROOT)).thenComparing(Hit::id));
            return refs(c, ranked.subList(0, Math.min(ranked.size(), limit)), emails);
        });
    }

    private Optional<Object> owner(Connection c, Optional<String> user) throws SQLException {
        return user.isEmpty() ? Optional.empty() : schema.users().id(c, user.get());
    }

    /** {@code SELECT} of what a hit shows, from the record table {@code r} and its company {@code co}. */
    private String select(ArchiveLayout.RecordType t, String rank) {
        StringBuilder sql = new StringBuilder("SELECT r.").append(t.id()).append(" AS concord_id");
        for (int i = 0; i < t.label().size(); i++) {
            sql.append(", r.").append(t.label().get(i)).append(" AS concord_l").append(i);
        }
        for (int i = 0; i < t.detail().size(); i++) {
            sql.append(", r.").append(t.detail().get(i)).append(" AS concord_d").append(i);
        }
        t.company().ifPresent(co -> sql.append(", co.").append(co.name()).append(" AS concord_company"));
        t.user().ifPresent(u -> sql.append(", r.").append(u).append(" AS concord_owner"));
        sql.append(", ").append(rank).append(" AS concord_rank FROM ").append(t.table()).append(" r");
        t.company().ifPresent(co -> sql.append(" LEFT JOIN ").append(co.table()).append(" co ON co.").append(co.id())
                .append(" = r.").append(co.key()).append(schema.live("co", co.table(), co.deleted())));
        sql.append(" WHERE 1 = 1").append(schema.live("r", t.table(), t.deleted()));
        return sql.toString();
    }

    /** {@code EXISTS} an address of the record whose lower-case form matches {@code op ?}. */
    private String addressMatches(ArchiveLayout.RecordType t, String op) {
        ArchiveLayout.Addresses a = t.emails().orElseThrow();
        return "EXISTS (SELECT 1 FROM " + a.table() + " e WHERE e." + a.parent() + " = r." + t.id()
                + a.filter().map(f -> " AND (" + f + ")").orElse("") + schema.live("e", a.table(), a.deleted())
                + " AND LOWER(e." + a.address() + ") " + op + ")";
    }

    private List<Hit> searchType(Connection c, ArchiveColumns cols, int index, ArchiveLayout.RecordType t, String text,
            List<String> words, Optional<Object> owner, int limit) throws SQLException {
        List<Object> params = new ArrayList<>();
        StringBuilder rank = new StringBuilder("CASE");
        if (t.emails().isPresent()) {
            rank.append(" WHEN ").append(addressMatches(t, "= ?")).append(" THEN 0");
            params.add(text);
        }
        List<String> prefixes = new ArrayList<>();
        for (String col : t.label()) {
            prefixes.add("LOWER(r." + col + ") LIKE ? ESCAPE '!'");
            params.add(ArchiveSchema.like("", text, "%"));
        }
        if (t.label().size() > 1) {
            prefixes.add("LOWER(CONCAT_WS(' ', r." + String.join(", r.", t.label()) + ")) LIKE ? ESCAPE '!'");
            params.add(ArchiveSchema.like("", text, "%"));
        }
        rank.append(" WHEN ").append(String.join(" OR ", prefixes)).append(" THEN 1 ELSE 2 END");
        StringBuilder sql = new StringBuilder(select(t, rank.toString()));
        if (owner.isPresent() && t.user().isPresent()) {
            sql.append(" AND r.").append(t.user().get()).append(" = ?");
            params.add(new Typed(owner.get(), cols.type(t.table(), t.user().get())));
        }
        for (String word : words) {
            List<String> any = new ArrayList<>();
            String pattern = ArchiveSchema.like("%", word, "%");
            for (String col : t.label()) {
                any.add("LOWER(r." + col + ") LIKE ? ESCAPE '!'");
                params.add(pattern);
            }
            if (t.company().isPresent()) {
                any.add("LOWER(co." + t.company().get().name() + ") LIKE ? ESCAPE '!'");
                params.add(pattern);
            }
            if (t.emails().isPresent()) {
                any.add(addressMatches(t, "LIKE ? ESCAPE '!'"));
                params.add(pattern);
            }
            sql.append(" AND (").append(String.join(" OR ", any)).append(")");
        }
        sql.append(" ORDER BY concord_rank");
        t.label().forEach(col -> sql.append(", r.").append(col));
        sql.append(", r.").append(t.id()).append(" LIMIT ").append(limit);
        return hits(c, sql.toString(), params, index, t);
    }

    private List<Hit> byAddress(Connection c, ArchiveColumns cols, int index, ArchiveLayout.RecordType t,
            List<String> addresses, Optional<Object> owner) throws SQLException {
        ArchiveLayout.Addresses a = t.emails().orElseThrow();
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(select(t, "0"));
        if (owner.isPresent() && t.user().isPresent()) {
            sql.append(" AND r.").append(t.user().get()).append(" = ?");
            params.add(new Typed(owner.get(), cols.type(t.table(), t.user().get())));
        }
        sql.append(" AND r.").append(t.id()).append(" IN (SELECT e.").append(a.parent()).append(" FROM ").append(a.table())
                .append(" e WHERE LOWER(e.").append(a.address()).append(") IN (")
                .append(String.join(", ", Collections.nCopies(addresses.size(), "?"))).append(")")
                .append(a.filter().map(f -> " AND (" + f + ")").orElse("")).append(schema.live("e", a.table(), a.deleted()))
                .append(") ORDER BY r.").append(t.id()).append(" LIMIT ").append(MAX_SUGGESTED_PER_TYPE);
        params.addAll(addresses);
        return hits(c, sql.toString(), params, index, t);
    }

    /** A parameter bound as its column's type (an owner's id); text parameters are bound as they are. */
    private record Typed(Object value, int sqlType) {}

    private List<Hit> hits(Connection c, String sql, List<Object> params, int index, ArchiveLayout.RecordType t)
            throws SQLException {
        List<Hit> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof Typed typed) {
                    SqlValues.bind(ps, i + 1, typed.value(), typed.sqlType(), settings.mapping().dbZone());
                } else {
                    ps.setString(i + 1, (String) p);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> label = new ArrayList<>();
                    for (int i = 0; i < t.label().size(); i++) {
                        addText(label, rs.getObject("concord_l" + i));
                    }
                    List<String> detail = new ArrayList<>();
                    for (int i = 0; i < t.detail().size(); i++) {
                        addText(detail, rs.getObject("concord_d" + i));
                    }
                    if (t.company().isPresent()) {
                        addText(detail, rs.getObject("concord_company"));
                    }
                    String id = String.valueOf(rs.getObject("concord_id"));
                    Object owner = t.user().isPresent() ? rs.getObject("concord_owner") : null;
                    out.add(new Hit(rs.getInt("concord_rank"), index, t, id,
                            label.isEmpty() ? t.type() + " " + id : String.join(" ", label), detail, owner));
                }
            }
        }
        return out;
    }

    private static void addText(List<String> to, Object value) {
        if (value != null && !value.toString().isBlank()) {
            to.add(value.toString().strip());
        }
    }

    /** The hits as refs: each with its addresses (the primary first) and its owner's user name. */
    private List<RecordRef> refs(Connection c, List<Hit> hits, Map<String, List<String>> emails) throws SQLException {
        List<String> ownerValues = hits.stream().map(Hit::owner).filter(java.util.Objects::nonNull).map(String::valueOf)
                .distinct().toList();
        Map<String, String> names = ownerValues.isEmpty() ? Map.of() : schema.users().names(c, ownerValues);
        List<RecordRef> out = new ArrayList<>();
        for (Hit h : hits) {
            List<String> addresses = emails.getOrDefault(h.typeIndex() + "/" + h.id(), List.of());
            List<String> detail = new ArrayList<>(h.detail());
            if (!addresses.isEmpty()) {
                detail.add(addresses.getFirst());
            }
            String user = h.owner() == null ? UNASSIGNED : names.getOrDefault(String.valueOf(h.owner()), UNASSIGNED);
            out.add(new RecordRef(new RecordKey(user, h.type().type(), h.id()), h.label(), String.join(", ", detail), addresses));
        }
        return out;
    }

    /** The addresses of each hit, keyed {@code typeIndex/id}, lower-cased, the primary first. */
    private Map<String, List<String>> emails(Connection c, ArchiveColumns cols, Collection<Hit> hits) throws SQLException {
        Map<String, List<String>> out = new HashMap<>();
        Map<Integer, List<Hit>> byType = new LinkedHashMap<>();
        hits.forEach(h -> byType.computeIfAbsent(h.typeIndex(), k -> new ArrayList<>()).add(h));
        for (Map.Entry<Integer, List<Hit>> e : byType.entrySet()) {
            ArchiveLayout.RecordType t = e.getValue().getFirst().type();
            if (t.emails().isEmpty()) {
                continue;
            }
            ArchiveLayout.Addresses a = t.emails().get();
            List<String> ids = e.getValue().stream().map(Hit::id).distinct().toList();
            int parentType = cols.type(a.table(), a.parent());
            for (int from = 0; from < ids.size(); from += IN_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
                String sql = "SELECT e." + a.parent() + ", e." + a.address() + " FROM " + a.table() + " e WHERE e." + a.parent()
                        + " IN (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")"
                        + a.filter().map(f -> " AND (" + f + ")").orElse("") + schema.live("e", a.table(), a.deleted())
                        + " ORDER BY e." + a.parent() + a.primary().map(p -> ", e." + p + " DESC").orElse("") + ", e." + a.address();
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (int i = 0; i < chunk.size(); i++) {
                        SqlValues.bind(ps, i + 1, chunk.get(i), parentType, settings.mapping().dbZone());
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String address = rs.getString(2);
                            if (address != null && !address.isBlank()) {
                                List<String> list = out.computeIfAbsent(e.getKey() + "/" + rs.getObject(1), k -> new ArrayList<>());
                                String lower = address.strip().toLowerCase(Locale.ROOT);
                                if (!list.contains(lower)) {
                                    list.add(lower);
                                }
                            }
                        }
                    }
                }
            }
        }
        return out;
    }
}
