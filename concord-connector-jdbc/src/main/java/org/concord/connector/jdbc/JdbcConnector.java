package org.concord.connector.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concord.connector.jdbc.mapping.RowConverter;
import org.concord.connector.jdbc.mapping.TableMapping;
import org.concord.model.ItemType;
import org.concord.spi.ArchiveRequest;
import org.concord.spi.ArchiveResult;
import org.concord.spi.ArchiveTarget;
import org.concord.spi.Capability;
import org.concord.spi.ChangeBatch;
import org.concord.spi.Connector;
import org.concord.spi.ConnectorException;
import org.concord.spi.Description;
import org.concord.spi.FeedRequest;
import org.concord.spi.Health;
import org.concord.spi.Installable;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.RecordQuery;
import org.concord.spi.RecordRef;
import org.concord.spi.RetryableConnectorException;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;

/**
 * A database as a system. Reading, writing and pinging each have their own connection, so a
 * blocking read, a write and a ping can run at once as the SPI allows. With an archive layout (the
 * {@code crm} preset has one) it is also an archive target: searches share a few idle connections,
 * each archive is a transaction on a connection of its own, so both may run from many threads
 * beside the reader and the writer.
 */
final class JdbcConnector implements Connector, Installable, ArchiveTarget {
    private final JdbcSettings settings;
    private final Installer installer;
    private final RecentWrites recent = new RecentWrites();
    private final ConnectionSlot pingSlot;
    private final IdleConnections searchConnections;
    private final Optional<RecordSearch> search;
    private final Optional<CrmArchive> archive;
    private volatile Feed feed;
    private volatile RowWriter writer;

    JdbcConnector(JdbcSettings settings) {
        this.settings = settings;
        this.installer = new Installer(settings);
        this.pingSlot = new ConnectionSlot(settings, "ping", c -> c.setAutoCommit(true));
        this.searchConnections = new IdleConnections(settings);
        Optional<ArchiveSchema> schema = settings.archive().map(layout -> new ArchiveSchema(settings, layout));
        this.search = schema.map(s -> new RecordSearch(settings, s, searchConnections));
        this.archive = schema.map(s -> new CrmArchive(settings, s));
    }

    @Override
    public Description describe() {
        EnumSet<ItemType> types = EnumSet.noneOf(ItemType.class);
        settings.mapping().tables().forEach(t -> types.add(t.type()));
        EnumSet<Capability> capabilities = EnumSet.of(Capability.PUSH);
        if (archive.isPresent()) {
            capabilities.add(Capability.ARCHIVE);
            capabilities.add(Capability.SEARCH);
        }
        return new Description("jdbc", types, capabilities);
    }

    @Override
    public long sizeCap() {
        return settings.archiveSizeCap();
    }

    @Override
    public List<RecordRef> search(RecordQuery query) throws ConnectorException, InterruptedException {
        return archivePart(search).search(query);
    }

    @Override
    public List<RecordRef> suggest(Collection<String> addresses, Optional<String> user, int limit)
            throws ConnectorException, InterruptedException {
        return archivePart(search).suggest(addresses, user, limit);
    }

    @Override
    public ArchiveResult archive(ArchiveRequest request) throws ConnectorException, InterruptedException {
        return archivePart(archive).archive(request);
    }

    private <T> T archivePart(Optional<T> part) throws PermanentConnectorException {
        return part.orElseThrow(() -> new PermanentConnectorException(settings.label()
                + ": this system is no archive target: its mapping has no archive layout (set preset: crm, or archive)"));
    }

    @Override
    public synchronized void open() throws ConnectorException {
        if (feed != null) {
            return;
        }
        Map<String, TableInfo> tables = new LinkedHashMap<>();
        UserDirectory users = new UserDirectory(settings.mapping().users());
        try (Connection c = ConnectionSlot.open(settings)) {
            c.setAutoCommit(true);
            for (TableMapping m : settings.mapping().tables()) {
                tables.put(m.name(), TableInfo.load(c, m, new RowConverter(m, settings.mapping().dbZone()), settings.label()));
            }
            try {
                users.check(c);
            } catch (SQLException e) {
                if (SqlFailures.connectionLost(e)) {
                    throw e;
                }
                throw new PermanentConnectorException(settings.label() + ": users table does not match the database: "
                        + SqlFailures.describe(e), e);
            }
            List<String> missing = installer.missing(c);
            if (!missing.isEmpty()) {
                throw new PermanentConnectorException(settings.label() + ": not installed in the database ("
                        + String.join(", ", missing) + "); run 'concord check --install'"
                        + (settings.capture() == CaptureMode.TRIGGERS ? ", or set capture: polling" : "")
                        + (settings.carry().isPresent() ? " (carry: false does without the carry table)" : ""));
            }
        } catch (SQLException e) {
            throw new RetryableConnectorException(settings.label() + ": cannot open: " + SqlFailures.describe(e), e);
        }
        java.util.Optional<CarryTable> carry = settings.carry().map(CarryTable::new);
        RowSource rows = new RowSource(settings.mapping().dbZone(), carry);
        ChangeBuilder builder = new ChangeBuilder(users, carry);
        List<TableInfo> ordered = new ArrayList<>(tables.values());
        this.writer = new RowWriter(settings, tables, rows, users, recent, carry);
        this.feed = settings.capture() == CaptureMode.TRIGGERS
                ? new LogFeed(settings, ordered, rows, builder, recent)
                : new PollFeed(settings, ordered, rows, builder, recent);
    }

    @Override
    public ChangeBatch getChanges(FeedRequest request) throws ConnectorException, InterruptedException {
        return opened(feed).read(request);
    }

    @Override
    public List<WriteResult> setChanges(List<Write> writes) throws ConnectorException {
        return opened(writer).write(writes);
    }

    private <T> T opened(T part) {
        if (part == null) {
            throw new IllegalStateException(settings.label() + ": connector used before open()");
        }
        return part;
    }

    @Override
    public Health ping() {
        synchronized (pingSlot) {
            try {
                Connection c = pingSlot.get();
                try {
                    if (!c.isValid(5)) {
                        pingSlot.failed(new SQLException("connection is not valid", "08006"));
                        return new Health.Down(settings.label() + ": the database does not answer");
                    }
                    var md = c.getMetaData();
                    return new Health.Up(md.getDatabaseProductName() + " " + md.getDatabaseProductVersion());
                } catch (SQLException e) {
                    pingSlot.failed(e);
                    return new Health.Down(settings.label() + ": " + SqlFailures.describe(e));
                }
            } catch (RetryableConnectorException e) {
                return new Health.Down(e.getMessage());
            }
        }
    }

    @Override
    public String describeInstall() {
        return installer.describe();
    }

    @Override
    public void install() throws ConnectorException {
        try (Connection c = ConnectionSlot.open(settings)) {
            installer.install(c);
        } catch (SQLException e) {
            throw SqlFailures.classify(settings.label() + ": installing change capture failed", e);
        }
    }

    /** Prunes the change log now, as far as every reader has read; answers how many entries went. */
    int pruneChangeLog() throws ConnectorException {
        if (opened(feed) instanceof LogFeed log) {
            return log.pruneNow();
        }
        return 0;
    }

    @Override
    public synchronized void close() {
        if (feed != null) {
            feed.close();
        }
        if (writer != null) {
            writer.close();
        }
        pingSlot.close();
        searchConnections.close();
        feed = null;
        writer = null;
    }

    @Override
    public String toString() {
        return "JdbcConnector[" + settings + "]";
    }
}
