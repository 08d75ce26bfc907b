package org.concord.connector.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concord.spi.Cursor;
import org.concord.spi.PermanentConnectorException;

/**
 * The jdbc connector's positions in its feed, written as small JSON so an administrator can read
 * them: a change-log position, a snapshot in progress, or per-table polling positions.
 */
sealed interface FeedCursor {
    ObjectMapper JSON = new ObjectMapper();

    /**
     * Read up to {@code high}, except the ids in {@code gaps}: ids handed out to transactions not
     * yet committed when we read past them (or rolled back), awaited until their deadline.
     */
    record Log(long high, List<Gap> gaps) implements FeedCursor {
        public Log {
            gaps = List.copyOf(gaps);
        }

        /** Everything at or below this was read: entries there may be pruned. */
        long safe() {
            long safe = high;
            for (Gap g : gaps) {
                safe = Math.min(safe, g.from() - 1);
            }
            return safe;
        }
    }

    /** Ids {@code from..to} of the change log first missed at {@code sinceMillis}. */
    record Gap(long from, long to, long sinceMillis) {}

    /** Reading every live row of table {@code table} after id {@code after}, then the log from {@code resume}. */
    record Snapshot(Log resume, int table, String after) implements FeedCursor {}

    /**
     * Per mapping: the (modified, id) read up to, and whether its first pass over the table is
     * still running; {@code pass}: a first or full read is under way (a table without a position
     * yet is read from its start, live rows only).
     */
    record Poll(Map<String, Position> positions, boolean pass) implements FeedCursor {
        public Poll {
            positions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(positions));
        }
    }

    record Position(String modified, String id, boolean initial) {}

    static FeedCursor parse(Cursor cursor, String label) throws PermanentConnectorException {
        try {
            JsonNode n = JSON.readTree(cursor.value());
            if (n.has("log")) {
                return log(n);
            }
            if (n.has("snapshot")) {
                JsonNode s = n.get("snapshot");
                return new Snapshot(log(s.get("resume")), s.get("table").asInt(), s.path("after").isTextual() ? s.get("after").asText() : null);
            }
            if (n.has("poll")) {
                Map<String, Position> positions = new LinkedHashMap<>();
                n.get("poll").properties().forEach(e -> positions.put(e.getKey(), new Position(
                        e.getValue().get("modified").asText(), e.getValue().get("id").asText(), e.getValue().path("initial").asBoolean(false))));
                return new Poll(positions, n.path("pass").asBoolean(false));
            }
        } catch (IOException | RuntimeException e) {
            // reported below
        }
        throw new PermanentConnectorException(label + ": cursor '" + cursor.value() + "' was not made by this connector; resync the system");
    }

    private static Log log(JsonNode n) {
        List<Gap> gaps = new ArrayList<>();
        for (JsonNode g : n.path("gaps")) {
            gaps.add(new Gap(g.get(0).asLong(), g.get(1).asLong(), g.get(2).asLong()));
        }
        return new Log(n.get("log").asLong(), gaps);
    }

    static Cursor format(FeedCursor c) {
        ObjectNode root = JSON.createObjectNode();
        switch (c) {
            case Log l -> writeLog(root, l);
            case Snapshot s -> {
                ObjectNode snap = root.putObject("snapshot");
                writeLog(snap.putObject("resume"), s.resume());
                snap.put("table", s.table());
                if (s.after() != null) {
                    snap.put("after", s.after());
                }
            }
            case Poll p -> {
                ObjectNode poll = root.putObject("poll");
                p.positions().forEach((k, v) -> {
                    ObjectNode pos = poll.putObject(k);
                    pos.put("modified", v.modified());
                    pos.put("id", v.id());
                    if (v.initial()) {
                        pos.put("initial", true);
                    }
                });
                if (p.pass()) {
                    root.put("pass", true);
                }
            }
        }
        return new Cursor(root.toString());
    }

    private static void writeLog(ObjectNode n, Log l) {
        n.put("log", l.high());
        if (!l.gaps().isEmpty()) {
            ArrayNode gaps = n.putArray("gaps");
            for (Gap g : l.gaps()) {
                gaps.addArray().add(g.from()).add(g.to()).add(g.sinceMillis());
            }
        }
    }
}
