package org.concord.connector.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concord.spi.Change;
import org.concord.spi.ChangeBatch;
import org.concord.spi.ConnectorException;
import org.concord.spi.FeedRequest;
import org.concord.spi.PermanentConnectorException;

/**
 * Where triggers are not allowed: reads rows whose modified-at column moved, in (modified, id)
 * order. It only reads rows modified before the database clock minus {@code poll-lag}, so a row
 * committed a moment after another one of the same second (or same instant) is not skipped; deletes
 * are seen through the soft-delete flag only. The connector's own writes are recognized by the
 * versions it wrote.
 */
final class PollFeed implements Feed {
    private final JdbcSettings settings;
    private final List<TableInfo> tables;
    private final RowSource rows;
    private final ChangeBuilder builder;
    private final RecentWrites recent;
    private final ConnectionSlot slot;

    PollFeed(JdbcSettings settings, List<TableInfo> tables, RowSource rows, ChangeBuilder builder, RecentWrites recent) {
        this.settings = settings;
        this.tables = tables;
        this.rows = rows;
        this.builder = builder;
        this.recent = recent;
        this.slot = new ConnectionSlot(settings, "polling", c -> c.setAutoCommit(true));
    }

    @Override
    public ChangeBatch read(FeedRequest request) throws ConnectorException, InterruptedException {
        Connection c = slot.get();
        try {
            Map<String, FeedCursor.Position> positions = new LinkedHashMap<>();
            FeedCursor since = request.since().isStart() ? null : FeedCursor.parse(request.since(), settings.label());
            if (since != null && !(since instanceof FeedCursor.Poll) && !request.full()) {
                throw new PermanentConnectorException(settings.label()
                        + ": the stored cursor is a change-log position but capture is polling; resync the system");
            }
            // A first read or a new full read passes over every table from its start; a pass in
            // progress (its cursor says so) continues where it stopped.
            boolean pass = true;
            if (since instanceof FeedCursor.Poll p && (p.pass() || !request.full())) {
                positions.putAll(p.positions());
                pass = p.pass();
            }
            long deadline = System.nanoTime() + request.maxWait().toNanos();
            while (true) {
                LocalDateTime upTo = LocalDateTime.ofInstant(Instant.ofEpochMilli(clock(c) - settings.pollLag().toMillis()),
                        settings.mapping().dbZone());
                List<Change> changes = new ArrayList<>();
                boolean more = false;
                for (TableInfo t : tables) {
                    int room = request.limit() - changes.size();
                    if (room <= 0) {
                        more = true;
                        break;
                    }
                    FeedCursor.Position pos = positions.get(t.mapping().name());
                    boolean initial = pos == null ? pass : pos.initial();
                    LocalDateTime after = pos == null ? null : SqlValues.parseDateTime(pos.modified(), settings.mapping().dbZone());
                    List<RowSource.Loaded> page = rows.poll(c, t, after, pos == null ? null : pos.id(), upTo, initial, room);
                    if (page.size() == room) {
                        more = true;
                    }
                    if (!page.isEmpty()) {
                        RowSource.Loaded last = page.getLast();
                        LocalDateTime modified = SqlValues.parseDateTime(String.valueOf(last.row().get(t.mapping().modifiedColumn().get())),
                                settings.mapping().dbZone());
                        positions.put(t.mapping().name(), new FeedCursor.Position(modified.toString(), last.row().id(), initial && page.size() == room));
                    } else if (pos != null && pos.initial()) {
                        positions.put(t.mapping().name(), new FeedCursor.Position(pos.modified(), pos.id(), false));
                    }
                    Map<String, RowSource.Loaded> byId = new LinkedHashMap<>();
                    List<ChangeBuilder.Touched> touched = new ArrayList<>();
                    for (RowSource.Loaded l : page) {
                        byId.put(l.row().id(), l);
                        touched.add(new ChangeBuilder.Touched(l.row().id(), null));
                    }
                    changes.addAll(builder.build(c, t, touched, byId, initial, recent));
                }
                FeedCursor.Poll next = new FeedCursor.Poll(positions, pass && more);
                long remaining = deadline - System.nanoTime();
                if (!changes.isEmpty() || more || remaining <= 0) {
                    return new ChangeBatch(changes, FeedCursor.format(next), more);
                }
                Thread.sleep(Math.max(1, Math.min(remaining / 1_000_000, settings.pollInterval().toMillis())));
            }
        } catch (SQLException e) {
            slot.failed(e);
            if (Thread.interrupted()) { // an interrupt closes a virtual thread's socket: the engine is stopping
                throw new InterruptedException(settings.label() + ": read stopped");
            }
            throw SqlFailures.classify(settings.label() + ": polling the tables failed", e);
        }
    }

    private long clock(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(settings.dialect().clockSql())) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        slot.close();
    }
}
