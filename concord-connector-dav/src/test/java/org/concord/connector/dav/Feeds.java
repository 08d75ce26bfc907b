package org.concord.connector.dav;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.concord.spi.Change;
import org.concord.spi.ChangeBatch;
import org.concord.spi.Connector;
import org.concord.spi.Cursor;
import org.concord.spi.FeedRequest;
import org.concord.testkit.HubView;

/** Reads a connector's feed as the engine does, keeping the hub's view up to date. */
final class Feeds {
    record Read(List<Change> changes, Cursor next) {
        List<String> upserted() {
            return changes.stream().filter(c -> c instanceof Change.Upsert).map(Change::nativeId).toList();
        }

        List<String> deleted() {
            return changes.stream().filter(c -> c instanceof Change.Delete).map(Change::nativeId).toList();
        }

        List<Change.Unreadable> unreadable() {
            return changes.stream().filter(c -> c instanceof Change.Unreadable).map(c -> (Change.Unreadable) c).toList();
        }
    }

    private Feeds() {}

    static Read readAll(Connector connector, Cursor since, HubView hub) throws Exception {
        return readAll(connector, since, hub, 500, false);
    }

    static Read readAll(Connector connector, Cursor since, HubView hub, int limit, boolean full) throws Exception {
        List<Change> all = new ArrayList<>();
        Cursor cursor = since;
        for (int i = 0; i < 10_000; i++) {
            ChangeBatch b = connector.getChanges(new FeedRequest(cursor, limit, Duration.ZERO, full, hub));
            all.addAll(b.changes());
            b.changes().forEach(hub::read);
            cursor = b.next();
            if (!b.more()) {
                return new Read(all, cursor);
            }
        }
        throw new AssertionError("feed never ended");
    }
}
