package org.concord.connector.jdbc;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.concord.connector.jdbc.mapping.ArchiveLayout;
import org.concord.connector.jdbc.mapping.IdGeneration;
import org.concord.connector.jdbc.mapping.SoftDelete;
import org.concord.spi.ArchiveOutcome;
import org.concord.spi.ArchiveRequest;
import org.concord.spi.MailAttachment;
import org.concord.spi.MailEnvelope;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.RecordKey;

/**
 * Files one message to the records of one request, inside the caller's transaction: locks the
 * records, finds the message by its Message-ID, and writes what is missing — the e-mail row, its
 * relation to each record, an attachment row per chosen attachment with its file staged in the
 * upload directory. With a links table a message is one e-mail row related to every record it is
 * filed to; without, each record gets its own row (its parent).
 */
final class EmailFiling {

    /** A record of the request as the database has it, or why it cannot be filed to. */
    private record Target(RecordKey key, int typeIndex, ArchiveLayout.RecordType type, Object id, Object owner,
            String refusal) {}

    private final JdbcSettings settings;
    private final ArchiveLayout layout;
    private final ArchiveColumns cols;
    private final UserDirectory users;
    private final Connection c;
    private final ArchiveRequest request;
    private final Optional<String> html;
    private final List<String> warnings;
    private final UploadFiles files;
    private final ZoneId zone;
    private final LocalDateTime now;
    private Object emailId;
    private Optional<Object> filer;

    EmailFiling(JdbcSettings settings, ArchiveColumns cols, UserDirectory users, Connection c, ArchiveRequest request,
            Optional<String> html, List<String> warnings, UploadFiles files) {
        this.settings = settings;
        this.layout = settings.archive().orElseThrow();
        this.cols = cols;
        this.users = users;
        this.c = c;
        this.request = request;
        this.html = html;
        this.warnings = warnings;
        this.files = files;
        this.zone = settings.mapping().dbZone();
        this.now = LocalDateTime.now(zone).truncatedTo(ChronoUnit.SECONDS);
    }

    List<ArchiveOutcome> run() throws SQLException, IOException, InterruptedException, PermanentConnectorException {
        Map<RecordKey, Target> targets = lockTargets();
        filer = users.id(c, request.filedBy());
        List<ArchiveOutcome> outcomes = new ArrayList<>();
        for (RecordKey key : request.records()) {
            if (Thread.interrupted()) {
                throw new InterruptedException("archive stopped before record " + key);
            }
            Target t = targets.get(key);
            outcomes.add(t.refusal() != null ? new ArchiveOutcome.Refused(key, t.refusal()) : fileTo(t));
        }
        return outcomes;
    }

    /** Resolves every record and locks the live ones, in one order for all callers so two archives never deadlock. */
    private Map<RecordKey, Target> lockTargets() throws SQLException {
        Map<RecordKey, Target> targets = new LinkedHashMap<>();
        for (RecordKey key : request.records()) {
            targets.computeIfAbsent(key, this::resolve);
        }
        List<Target> order = new ArrayList<>(targets.values().stream().filter(t -> t.refusal() == null).toList());
        order.sort(Comparator.comparingInt(Target::typeIndex).thenComparing(t -> String.valueOf(t.id())));
        for (Target t : order) {
            ArchiveLayout.RecordType type = t.type();
            String sql = "SELECT r." + type.id() + type.user().map(u -> ", r." + u).orElse("") + " FROM " + type.table()
                    + " r WHERE r." + type.id() + " = ?" + live("r", type.table(), type.deleted()) + " FOR UPDATE";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                SqlValues.bind(ps, 1, t.id(), cols.type(type.table(), type.id()), zone);
                try (ResultSet rs = ps.executeQuery()) {
                    Target locked = rs.next()
                            ? new Target(t.key(), t.typeIndex(), type, t.id(), type.user().isPresent() ? rs.getObject(2) : null, null)
                            : new Target(t.key(), t.typeIndex(), type, t.id(), null, "no " + type.type() + " " + t.key().id()
                                    + " in table " + type.table() + " (or it is deleted)");
                    targets.put(t.key(), locked);
                }
            }
        }
        return targets;
    }

    private Target resolve(RecordKey key) {
        List<ArchiveLayout.RecordType> types = layout.records();
        for (int i = 0; i < types.size(); i++) {
            ArchiveLayout.RecordType type = types.get(i);
            if (type.type().equals(key.type())) {
                try {
                    Object id = SqlValues.coerce(key.id(), cols.type(type.table(), type.id()), zone);
                    return new Target(key, i, type, id, null, null);
                } catch (IllegalArgumentException e) {
                    return new Target(key, i, type, null, null, "'" + key.id() + "' is not a " + type.type() + " id here ("
                            + e.getMessage() + ")");
                }
            }
        }
        return new Target(key, -1, null, null, null, "records here are "
                + String.join(", ", types.stream().map(ArchiveLayout.RecordType::type).toList()) + ", not '" + key.type() + "'");
    }

    private ArchiveOutcome fileTo(Target t) throws SQLException, IOException, InterruptedException, PermanentConnectorException {
        if (layout.links().isEmpty()) {
            Optional<Object> found = findEmail(Optional.of(t));
            if (found.isPresent()) {
                return new ArchiveOutcome.AlreadyFiled(t.key(), location(found.get()));
            }
            Object id = insertEmail(t);
            attach(id, t, Set.of());
            return filed(t, id);
        }
        if (emailId == null) {
            emailId = findEmail(Optional.empty()).orElse(null);
        }
        if (emailId != null && isRelated(emailId, t)) {
            return new ArchiveOutcome.AlreadyFiled(t.key(), location(emailId));
        }
        Set<String> present = Set.of();
        if (emailId == null) {
            emailId = insertEmail(t);
        } else {
            present = attachmentNames(emailId);
        }
        link(emailId, t);
        attach(emailId, t, present);
        return filed(t, emailId);
    }

    private ArchiveOutcome filed(Target t, Object id) {
        return new ArchiveOutcome.Filed(t.key(), location(id), request.attachments().stream().map(MailAttachment::name).toList());
    }

    private String location(Object id) {
        return layout.emails().table() + "/" + id;
    }

    private String messageId() {
        return cols.fit(layout.emails().table(), layout.emails().messageId(), request.message().envelope().messageId(),
                new ArrayList<>(), "the Message-ID");
    }

    /** The live e-mail row with this message's Message-ID (and, without links, this parent), the oldest first. */
    private Optional<Object> findEmail(Optional<Target> parent) throws SQLException {
        ArchiveLayout.Emails e = layout.emails();
        StringBuilder sql = new StringBuilder("SELECT m." + e.id() + " FROM " + e.table() + " m WHERE m." + e.messageId() + " = ?");
        if (parent.isPresent()) {
            sql.append(" AND m.").append(e.parentType().orElseThrow()).append(" = ? AND m.").append(e.parentId().orElseThrow())
                    .append(" = ?");
        }
        sql.append(live("m", e.table(), e.deleted())).append(" ORDER BY m.").append(e.id());
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setString(1, messageId());
            if (parent.isPresent()) {
                ps.setString(2, parent.get().type().module());
                SqlValues.bind(ps, 3, parent.get().id(), cols.type(e.table(), e.parentId().get()), zone);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getObject(1)) : Optional.empty();
            }
        }
    }

    /** Whether the e-mail is related to the record already: by a live link, or as its parent. */
    private boolean isRelated(Object id, Target t) throws SQLException {
        ArchiveLayout.Emails e = layout.emails();
        if (e.parentType().isPresent()) {
            String sql = "SELECT 1 FROM " + e.table() + " m WHERE m." + e.id() + " = ? AND m." + e.parentType().get() + " = ? AND m."
                    + e.parentId().get() + " = ?";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                SqlValues.bind(ps, 1, id, cols.type(e.table(), e.id()), zone);
                ps.setString(2, t.type().module());
                SqlValues.bind(ps, 3, t.id(), cols.type(e.table(), e.parentId().get()), zone);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
        }
        ArchiveLayout.Links l = layout.links().orElseThrow();
        String sql = "SELECT 1 FROM " + l.table() + " k WHERE k." + l.email() + " = ? AND k." + l.module() + " = ? AND k."
                + l.record() + " = ?" + live("k", l.table(), l.deleted());
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            SqlValues.bind(ps, 1, id, cols.type(l.table(), l.email()), zone);
            ps.setString(2, t.type().module());
            SqlValues.bind(ps, 3, t.id(), cols.type(l.table(), l.record()), zone);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * The user the new rows are assigned to: the one who archives if the CRM knows them, else the
     * user the record was picked for (the key's), else the record's owner.
     */
    private Object assignee(Target t) throws SQLException {
        if (filer.isPresent()) {
            return filer.get();
        }
        Optional<Object> forUser = users.id(c, t.key().user());
        return forUser.isPresent() ? forUser.get() : t.owner();
    }

    private Object insertEmail(Target t) throws SQLException, PermanentConnectorException {
        ArchiveLayout.Emails e = layout.emails();
        MailEnvelope env = request.message().envelope();
        Map<String, Object> row = new LinkedHashMap<>(e.insert());
        row.put(e.messageId(), messageId());
        row.put(e.subject(), cols.fit(e.table(), e.subject(), env.subject(), warnings, "the subject"));
        e.date().ifPresent(col -> row.put(col, env.date().map(d -> LocalDateTime.ofInstant(d, zone)).orElse(null)));
        e.from().ifPresent(col -> row.put(col, cols.fit(e.table(), col, env.fromDisplay().isBlank() ? env.from() : env.fromDisplay(),
                warnings, "the sender")));
        e.to().ifPresent(col -> row.put(col, cols.fit(e.table(), col, String.join(", ", env.to()), warnings, "the To addresses")));
        e.cc().ifPresent(col -> row.put(col, cols.fit(e.table(), col, String.join(", ", env.cc()), warnings, "the Cc addresses")));
        e.text().ifPresent(col -> row.put(col, cols.fit(e.table(), col, env.text(), warnings, "the text")));
        e.html().ifPresent(col -> row.put(col, html.map(h -> cols.fit(e.table(), col, h, warnings, "the HTML body")).orElse(null)));
        e.parentType().ifPresent(col -> row.put(col, t.type().module()));
        e.parentId().ifPresent(col -> row.put(col, t.id()));
        if (e.user().isPresent()) {
            row.put(e.user().get(), assignee(t));
        }
        e.created().ifPresent(col -> row.put(col, now));
        e.modified().ifPresent(col -> row.put(col, now));
        e.deleted().ifPresent(d -> row.put(d.column(), d.activeValue()));
        return insert(e.table(), e.id(), e.idGeneration(), row);
    }

    private void link(Object id, Target t) throws SQLException, PermanentConnectorException {
        ArchiveLayout.Links l = layout.links().orElseThrow();
        Map<String, Object> row = new LinkedHashMap<>(l.insert());
        row.put(l.email(), id);
        row.put(l.record(), t.id());
        row.put(l.module(), t.type().module());
        l.modified().ifPresent(col -> row.put(col, now));
        l.deleted().ifPresent(d -> row.put(d.column(), d.activeValue()));
        insert(l.table(), l.id(), l.idGeneration(), row);
    }

    /** The names of the e-mail's live attachment rows. */
    private Set<String> attachmentNames(Object id) throws SQLException {
        if (layout.attachments().isEmpty()) {
            return Set.of();
        }
        ArchiveLayout.Attachments a = layout.attachments().get();
        String sql = "SELECT n." + a.name() + " FROM " + a.table() + " n WHERE n." + a.parentType() + " = ? AND n." + a.parentId()
                + " = ?" + live("n", a.table(), a.deleted());
        Set<String> names = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, layout.emails().module());
            SqlValues.bind(ps, 2, id, cols.type(a.table(), a.parentId()), zone);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        }
        return names;
    }

    /** An attachment row and a staged file for each chosen attachment the e-mail does not have yet. */
    private void attach(Object id, Target t, Set<String> present) throws SQLException, IOException, InterruptedException,
            PermanentConnectorException {
        if (request.attachments().isEmpty()) {
            return;
        }
        ArchiveLayout.Attachments a = layout.attachments().orElseThrow();
        for (MailAttachment m : request.attachments()) {
            String name = cols.fit(a.table(), a.name(), m.name(), warnings, "the name of attachment '" + m.name() + "'");
            if (present.contains(name)) {
                continue;
            }
            Map<String, Object> row = new LinkedHashMap<>(a.insert());
            row.put(a.name(), name);
            a.fileName().ifPresent(col -> row.put(col, cols.fit(a.table(), col, m.name(), new ArrayList<>(), "")));
            a.mimeType().ifPresent(col -> row.put(col, cols.fit(a.table(), col, m.mediaType(), new ArrayList<>(), "")));
            row.put(a.parentType(), layout.emails().module());
            row.put(a.parentId(), id);
            if (a.user().isPresent()) {
                row.put(a.user().get(), assignee(t));
            }
            a.created().ifPresent(col -> row.put(col, now));
            a.modified().ifPresent(col -> row.put(col, now));
            a.deleted().ifPresent(d -> row.put(d.column(), d.activeValue()));
            Object noteId = insert(a.table(), a.id(), a.idGeneration(), row);
            files.stage(String.valueOf(noteId), m);
        }
    }

    /** Inserts a row and answers its id, made by the database or here. */
    private Object insert(String table, String idColumn, IdGeneration configured, Map<String, Object> row)
            throws SQLException, PermanentConnectorException {
        IdGeneration generation = cols.idGeneration(table, idColumn, configured, settings.label());
        Map<String, Object> values = new LinkedHashMap<>();
        Object id = null;
        if (generation == IdGeneration.UUID) {
            id = UUID.randomUUID().toString();
            values.put(idColumn, id);
        }
        values.putAll(row);
        String sql = "INSERT INTO " + table + " (" + String.join(", ", values.keySet()) + ") VALUES ("
                + String.join(", ", Collections.nCopies(values.size(), "?")) + ")";
        try (PreparedStatement ps = generation == IdGeneration.DATABASE ? c.prepareStatement(sql, new String[] {idColumn})
                : c.prepareStatement(sql)) {
            int i = 1;
            for (Map.Entry<String, Object> v : values.entrySet()) {
                SqlValues.bind(ps, i++, v.getValue(), cols.type(table, v.getKey()), zone);
            }
            ps.executeUpdate();
            if (generation == IdGeneration.DATABASE) {
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("the database returned no generated id for " + table, "HY000");
                    }
                    id = keys.getObject(1);
                }
            }
        }
        return id;
    }

    private String live(String alias, String table, Optional<SoftDelete> deleted) {
        return cols.live(alias, table, deleted, zone);
    }
}
