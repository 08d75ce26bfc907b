package org.concord.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.concord.spi.Change;
import org.concord.spi.ChangeBatch;
import org.concord.spi.ConnectorException;
import org.concord.spi.FeedRequest;

/**
 * Reads the change log the triggers write. A first read (or a full re-read) is a snapshot of
 * every live row, table by table in id order, followed by the log from where it stood when the
 * snapshot began. A blocking read waits for PostgreSQL's NOTIFY, or polls the log's index on
 * MariaDB (one cheap query per interval when nothing changed). The connector's own writes carry
 * its origin marker and are skipped. Every read records how far this reader got, and entries every
 * reader has passed are pruned.
 */
final class LogFeed implements Feed {
    private static final long HEARTBEAT_NANOS = java.time.Duration.ofSeconds(60).toNanos();
    private static final long PRUNE_EVERY_NANOS = java.time.Duration.ofSeconds(60).toNanos();
    private static final int MAX_GAPS = 100;
    private static final int GAP_WINDOW = 1000;

    private final JdbcSettings settings;
    private final List<TableInfo> tables;
    private final RowSource rows;
    private final ChangeBuilder builder;
    private final RecentWrites recent;
    private final ConnectionSlot slot;
    private long recordedAt;
    private long recordedSafe = -1;
    private long prunedAt;

    LogFeed(JdbcSettings settings, List<TableInfo> tables, RowSource rows, ChangeBuilder builder, RecentWrites recent) {
        this.settings = settings;
        this.tables = tables;
        this.rows = rows;
        this.builder = builder;
        this.recent = recent;
        this.slot = new ConnectionSlot(settings, "change-log reading", c -> {
            c.setAutoCommit(true);
            if (settings.dialect() == Dialect.POSTGRESQL) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + settings.changeLog());
                }
            }
        });
    }

    @Override
    public ChangeBatch read(FeedRequest request) throws ConnectorException, InterruptedException {
        Connection c = slot.get();
        try {
            FeedCursor since = request.since().isStart() ? null : FeedCursor.parse(request.since(), settings.label());
            FeedCursor cursor;
            if (since == null || (request.full() && !(since instanceof FeedCursor.Snapshot))) {
                // a first read, or a full re-read starting: a snapshot, then the log from here
                FeedCursor.Log resume = since instanceof FeedCursor.Log l ? l : start(c);
                cursor = new FeedCursor.Snapshot(resume, 0, null);
                record(c, resume.safe(), true);
            } else {
                cursor = since;
            }
            return switch (cursor) {
                case FeedCursor.Snapshot s -> snapshot(c, s, request.limit());
                case FeedCursor.Log l -> log(c, l, request);
                case FeedCursor.Poll p -> throw new org.concord.spi.PermanentConnectorException(settings.label()
                        + ": the stored cursor is a polling position but capture is triggers; resync the system");
            };
        } catch (SQLException e) {
            slot.failed(e);
            if (Thread.interrupted()) { // an interrupt closes a virtual thread's socket: the engine is stopping
                throw new InterruptedException(settings.label() + ": read stopped");
            }
            throw SqlFailures.classify(settings.label() + ": reading the change log failed", e);
        }
    }

    /** Where a first read continues after its snapshot: the log's end, with recent holes awaited. */
    private FeedCursor.Log start(Connection c) throws SQLException {
        long max;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(modid), 0) FROM " + settings.changeLog())) {
            rs.next();
            max = rs.getLong(1);
        }
        List<FeedCursor.Gap> gaps = new ArrayList<>();
        long expected = Math.max(1, max - GAP_WINDOW + 1);
        long now = System.currentTimeMillis();
        try (PreparedStatement ps = c.prepareStatement("SELECT modid FROM " + settings.changeLog() + " WHERE modid >= ? ORDER BY modid")) {
            ps.setLong(1, expected);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long m = rs.getLong(1);
                    if (m > expected && max > 0) {
                        gaps.add(new FeedCursor.Gap(expected, m - 1, now));
                    }
                    expected = m + 1;
                }
            }
        }
        return new FeedCursor.Log(max, gaps.size() > MAX_GAPS ? gaps.subList(gaps.size() - MAX_GAPS, gaps.size()) : gaps);
    }

    private ChangeBatch snapshot(Connection c, FeedCursor.Snapshot s, int limit) throws SQLException {
        if (s.table() >= tables.size()) {
            return new ChangeBatch(List.of(), FeedCursor.format(s.resume()), false);
        }
        TableInfo t = tables.get(s.table());
        List<RowSource.Loaded> page = rows.snapshot(c, t, s.after(), limit);
        Map<String, RowSource.Loaded> byId = new LinkedHashMap<>();
        List<ChangeBuilder.Touched> touched = new ArrayList<>();
        for (RowSource.Loaded l : page) {
            byId.put(l.row().id(), l);
            touched.add(new ChangeBuilder.Touched(l.row().id(), null));
        }
        List<Change> changes = builder.build(c, t, touched, byId, true, recent);
        FeedCursor next;
        if (page.size() == limit) {
            next = new FeedCursor.Snapshot(s.resume(), s.table(), page.getLast().row().id());
        } else if (s.table() + 1 < tables.size()) {
            next = new FeedCursor.Snapshot(s.resume(), s.table() + 1, null);
        } else {
            next = s.resume();
        }
        // The snapshot's end ends a full read; what changed meanwhile follows from the log.
        return new ChangeBatch(changes, FeedCursor.format(next), next instanceof FeedCursor.Snapshot);
    }

    private record Entry(long modid, String table, String rowId, String user, String origin) {}

    private ChangeBatch log(Connection c, FeedCursor.Log since, FeedRequest request) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + request.maxWait().toNanos();
        FeedCursor.Log cursor = expire(since);
        record(c, since.safe(), false);
        while (true) {
            List<Entry> entries = entries(c, cursor, request.limit());
            if (!entries.isEmpty()) {
                FeedCursor.Log next = advance(cursor, entries);
                List<Change> changes = changes(c, entries);
                boolean more = entries.size() == request.limit();
                if (!changes.isEmpty() || more || System.nanoTime() >= deadline) {
                    return new ChangeBatch(changes, FeedCursor.format(next), more);
                }
                cursor = next; // only our own writes: consumed, keep waiting
                continue;
            }
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return ChangeBatch.empty(FeedCursor.format(cursor));
            }
            await(c, remaining);
        }
    }

    private void await(Connection c, long remainingNanos) throws SQLException, InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
        if (settings.dialect() == Dialect.POSTGRESQL) {
            long ms = Math.max(1, Math.min(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(remainingNanos), 1000));
            c.unwrap(org.postgresql.PGConnection.class).getNotifications((int) ms);
        } else {
            Thread.sleep(Math.max(1, Math.min(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(remainingNanos),
                    settings.pollInterval().toMillis())));
        }
    }

    private List<Entry> entries(Connection c, FeedCursor.Log cursor, int limit) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT modid, table_name, row_id, user_id, origin FROM ")
                .append(settings.changeLog()).append(" WHERE modid > ?");
        for (int i = 0; i < cursor.gaps().size(); i++) {
            sql.append(" OR modid BETWEEN ? AND ?");
        }
        sql.append(" ORDER BY modid LIMIT ").append(limit);
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setLong(i++, cursor.high());
            for (FeedCursor.Gap g : cursor.gaps()) {
                ps.setLong(i++, g.from());
                ps.setLong(i++, g.to());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                }
            }
        }
        return out;
    }

    /** The cursor after these entries: filled holes leave the gaps, skipped ids become gaps. */
    FeedCursor.Log advance(FeedCursor.Log cursor, List<Entry> entries) {
        List<FeedCursor.Gap> gaps = new ArrayList<>(cursor.gaps());
        long high = cursor.high();
        long now = System.currentTimeMillis();
        for (Entry e : entries) {
            long m = e.modid();
            if (m <= high) {
                gaps = fill(gaps, m);
            } else {
                if (m > high + 1) {
                    gaps.add(new FeedCursor.Gap(high + 1, m - 1, now));
                }
                high = m;
            }
        }
        if (gaps.size() > MAX_GAPS) {
            gaps = new ArrayList<>(gaps.subList(gaps.size() - MAX_GAPS, gaps.size()));
        }
        return new FeedCursor.Log(high, gaps);
    }

    private static List<FeedCursor.Gap> fill(List<FeedCursor.Gap> gaps, long id) {
        List<FeedCursor.Gap> out = new ArrayList<>();
        for (FeedCursor.Gap g : gaps) {
            if (id < g.from() || id > g.to()) {
                out.add(g);
                continue;
            }
            if (g.from() < id) {
                out.add(new FeedCursor.Gap(g.from(), id - 1, g.sinceMillis()));
            }
            if (id < g.to()) {
                out.add(new FeedCursor.Gap(id + 1, g.to(), g.sinceMillis()));
            }
        }
        return out;
    }

    /** Holes older than the gap timeout were rolled back (or their transaction is hopelessly long). */
    private FeedCursor.Log expire(FeedCursor.Log cursor) {
        long limit = System.currentTimeMillis() - settings.gapTimeout().toMillis();
        List<FeedCursor.Gap> kept = cursor.gaps().stream().filter(g -> g.sinceMillis() >= limit).toList();
        return kept.size() == cursor.gaps().size() ? cursor : new FeedCursor.Log(cursor.high(), kept);
    }

    private List<Change> changes(Connection c, List<Entry> entries) throws SQLException {
        Map<String, List<ChangeBuilder.Touched>> byTable = new LinkedHashMap<>();
        for (Entry e : entries) {
            byTable.computeIfAbsent(e.table().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(new ChangeBuilder.Touched(e.rowId(), e.user(), settings.origin().equals(e.origin())));
        }
        List<Change> out = new ArrayList<>();
        for (Map.Entry<String, List<ChangeBuilder.Touched>> e : byTable.entrySet()) {
            var touched = ChangeBuilder.distinct(e.getValue());
            for (TableInfo t : tables) {
                if (!t.mapping().table().equalsIgnoreCase(e.getKey())) {
                    continue;
                }
                Map<String, RowSource.Loaded> loaded = rows.byIds(c, t, touched.stream().map(ChangeBuilder.Touched::rowId).toList());
                out.addAll(builder.build(c, t, touched, loaded, false, recent));
            }
        }
        return out;
    }

    /** Records how far this reader got (what the engine has stored), and now and then prunes the log. */
    private void record(Connection c, long safe, boolean force) throws SQLException {
        long now = System.nanoTime();
        if (!force && safe == recordedSafe && now - recordedAt < HEARTBEAT_NANOS) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(settings.dialect().upsertReaderSql(settings.readersTable()))) {
            ps.setString(1, settings.origin());
            ps.setLong(2, safe);
            ps.executeUpdate();
        }
        recordedAt = now;
        recordedSafe = safe;
        if (now - prunedAt >= PRUNE_EVERY_NANOS) {
            prune(c);
            prunedAt = now;
        }
    }

    /** Deletes the log entries every reader has read past; readers silent for too long do not count. */
    int prune(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(settings.dialect().expireReadersSql(settings.readersTable()))) {
            ps.setLong(1, settings.readerExpiry().toSeconds());
            ps.executeUpdate();
        }
        int total = 0;
        try (Statement s = c.createStatement()) {
            int n;
            do {
                n = s.executeUpdate(settings.dialect().pruneSql(settings.changeLog(), settings.readersTable()));
                total += n;
            } while (n >= 5000);
        }
        return total;
    }

    /** Prunes now; for tests and for an administrator's command. */
    int pruneNow() throws ConnectorException {
        Connection c = slot.get();
        try {
            return prune(c);
        } catch (SQLException e) {
            slot.failed(e);
            throw SqlFailures.classify(settings.label() + ": pruning the change log failed", e);
        }
    }

    @Override
    public void close() {
        slot.close();
    }
}
