package org.concord.connector.dav;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concord.spi.Cursor;

/**
 * The dav connector's cursor: one string holding every collection's position (its sync token,
 * or its ctag when it has no sync-collection), where a page of a larger read stopped, and which
 * collections a full re-read has finished. Written as compact JSON.
 *
 * @param states collection path → {@code sync:TOKEN}, {@code ctag:CTAG} or {@code list:}
 * @param resume the page position inside one collection's read, if the last batch stopped there
 * @param fullDone collections a full re-read in progress has finished
 */
record FeedCursor(Map<String, String> states, Optional<Resume> resume, Set<String> fullDone) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a read of one collection stopped: the plan it was reading and how far. */
    record Resume(String path, String planId, int offset) {}

    static final FeedCursor START = new FeedCursor(Map.of(), Optional.empty(), Set.of());

    FeedCursor {
        states = Map.copyOf(states);
        fullDone = Set.copyOf(fullDone);
    }

    static FeedCursor parse(Cursor cursor) {
        if (cursor.isStart()) {
            return START;
        }
        try {
            JsonNode root = JSON.readTree(cursor.value());
            if (root == null || root.path("v").asInt() != 1) {
                throw new IllegalArgumentException("not a dav cursor: " + cursor);
            }
            Map<String, String> states = new LinkedHashMap<>();
            root.path("c").fields().forEachRemaining(e -> states.put(e.getKey(), e.getValue().asText()));
            Optional<Resume> resume = Optional.empty();
            JsonNode r = root.get("r");
            if (r != null && r.isObject()) {
                resume = Optional.of(new Resume(r.path("p").asText(), r.path("id").asText(), r.path("n").asInt()));
            }
            Set<String> done = new LinkedHashSet<>();
            root.path("f").forEach(n -> done.add(n.asText()));
            return new FeedCursor(states, resume, done);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a dav cursor: " + cursor, e);
        }
    }

    Cursor toCursor() {
        ObjectNode root = JSON.createObjectNode();
        root.put("v", 1);
        ObjectNode c = root.putObject("c");
        states.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> c.put(e.getKey(), e.getValue()));
        resume.ifPresent(r -> root.putObject("r").put("p", r.path()).put("id", r.planId()).put("n", r.offset()));
        if (!fullDone.isEmpty()) {
            fullDone.stream().sorted().forEach(root.putArray("f")::add);
        }
        try {
            return new Cursor(JSON.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cursor cannot be written", e);
        }
    }
}
