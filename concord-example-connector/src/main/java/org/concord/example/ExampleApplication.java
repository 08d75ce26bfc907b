package org.concord.example;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.concord.remote.kit.AppDescription;
import org.concord.remote.kit.AppHealth;
import org.concord.remote.kit.ArchiveRequest;
import org.concord.remote.kit.ArchiveResult;
import org.concord.remote.kit.Capability;
import org.concord.remote.kit.ChangeResult;
import org.concord.remote.kit.FeedEntry;
import org.concord.remote.kit.FeedQuery;
import org.concord.remote.kit.IncomingChange;
import org.concord.remote.kit.ModidComparison;
import org.concord.remote.kit.ObjectType;
import org.concord.remote.kit.RemoteApplication;
import org.concord.remote.kit.SearchHit;
import org.concord.remote.kit.SearchQuery;
import org.concord.remote.kit.TypeFormat;
import org.concord.remote.kit.UnavailableException;

/** The contacts table as a {@link RemoteApplication}: the three calls, plus search and archive. */
final class ExampleApplication implements RemoteApplication {
    static final String NAME = "concord-example-connector 0.1";

    private static final String SEARCH_SQL = """
            SELECT id, owner, first_name, last_name, company, email FROM contacts
            WHERE (? IS NULL OR owner = ?)
              AND (first_name LIKE ? OR last_name LIKE ? OR company LIKE ? OR email LIKE ?
                   OR CONCAT_WS(' ', first_name, last_name) LIKE ?)
            ORDER BY last_name, first_name, id
            LIMIT ?""";

    private final DataSource db;
    private final ContactFeed feed;
    private final ContactWriter writer;
    private final ContactArchive archive;
    private final AppDescription description = new AppDescription(NAME, ModidComparison.INTEGER,
            Map.of(ObjectType.CONTACT, TypeFormat.record(ContactRecord.fieldKinds())),
            EnumSet.of(Capability.SEARCH, Capability.ARCHIVE));

    ExampleApplication(DataSource db) {
        this.db = db;
        this.feed = new ContactFeed(db);
        this.writer = new ContactWriter(db);
        this.archive = new ContactArchive(db);
    }

    @Override
    public AppDescription describe() {
        return description;
    }

    @Override
    public AppHealth health() {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet row = s.executeQuery("SELECT VERSION() AS version")) {
            row.next();
            return new AppHealth.Up(NAME + " on MariaDB " + row.getString("version"));
        } catch (SQLException e) {
            return new AppHealth.Down("the contacts database does not answer: " + e.getMessage());
        }
    }

    @Override
    public List<FeedEntry> changesSince(FeedQuery query) throws UnavailableException, SQLException {
        try {
            return feed.read(query);
        } catch (SQLTransientException e) {
            throw new UnavailableException("the contacts database does not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public List<ChangeResult> setChanges(List<IncomingChange> changes) throws UnavailableException {
        List<ChangeResult> results = new ArrayList<>();
        for (IncomingChange change : changes) {
            try {
                results.add(writer.apply(change));
            } catch (SQLTransientException e) {
                if (results.isEmpty()) {
                    throw new UnavailableException("the contacts database does not answer: " + e.getMessage(), e);
                }
                results.add(new ChangeResult.Failed(describe(change) + ": " + e.getMessage(), true));
            } catch (SQLException e) {
                results.add(new ChangeResult.Failed(describe(change) + ": " + e.getMessage(), false));
            }
        }
        return results;
    }

    @Override
    public List<SearchHit> search(SearchQuery query) throws SQLException {
        String like = "%" + query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        List<SearchHit> hits = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(SEARCH_SQL)) {
            String owner = query.user().orElse(null);
            s.setString(1, owner);
            s.setString(2, owner);
            for (int i = 3; i <= 7; i++) {
                s.setString(i, like);
            }
            s.setInt(8, query.limit());
            try (ResultSet row = s.executeQuery()) {
                while (row.next()) {
                    String name = String.join(" ", nonNull(row.getString("first_name")), nonNull(row.getString("last_name"))).trim();
                    String detail = String.join(", ", nonNull(row.getString("company")), nonNull(row.getString("email")))
                            .replaceAll("^, |, $", "");
                    hits.add(new SearchHit(row.getString("owner"), ObjectType.CONTACT, Long.toString(row.getLong("id")),
                            name.isEmpty() ? "(no name)" : name, detail));
                }
            }
        }
        return query.type().filter(t -> t != ObjectType.CONTACT).isPresent() ? List.of() : hits;
    }

    @Override
    public ArchiveResult archive(ArchiveRequest request) throws Exception {
        return archive.file(request);
    }

    private static String describe(IncomingChange change) {
        return change.operation().code() + " of contact " + change.id().orElse("(new, ref " + change.ref() + ")");
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
