package org.concord.connector.dav;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.spi.Change;
import org.concord.spi.Connector;
import org.concord.spi.Cursor;
import org.concord.testkit.HubView;

/**
 * What one system holds, as a full read by a connector of its own sees it: every object by UID
 * and type, the UIDs held by more than one object, and the objects that could not be read.
 */
record Snapshot(Map<ItemType, Map<String, Payload>> byUid, List<String> duplicated, List<String> unreadable) {

    /** Opens {@code connector}, reads everything, closes it. */
    static Snapshot read(Connector connector) throws Exception {
        try (connector) {
            connector.open();
            Map<ItemType, Map<String, Payload>> byUid = new EnumMap<>(ItemType.class);
            List<String> duplicated = new ArrayList<>();
            List<String> unreadable = new ArrayList<>();
            for (Change ch : Feeds.readAll(connector, Cursor.START, new HubView(), 500, true).changes()) {
                switch (ch) {
                    case Change.Upsert u -> {
                        String uid = u.payload().uid().orElse("(no uid at " + u.nativeId() + ")");
                        if (byUid.computeIfAbsent(u.scope().type(), t -> new HashMap<>()).put(uid, u.payload()) != null) {
                            duplicated.add(uid);
                        }
                    }
                    case Change.Unreadable x -> unreadable.add(x.nativeId());
                    case Change.Delete d -> throw new AssertionError("a full read reported a delete: " + d);
                }
            }
            return new Snapshot(byUid, duplicated, unreadable);
        }
    }

    Map<String, Payload> of(ItemType type) {
        return byUid.getOrDefault(type, Map.of());
    }

    int count(ItemType type) {
        return of(type).size();
    }

    /**
     * How this system differs from {@code expected} (UID to payload) for one type, compared by
     * content hash, which ignores what servers rewrite on their own: "contact-7: missing",
     * "contact-9: content differs", "x: unexpected". At most {@code max} entries.
     */
    List<String> differences(ItemType type, Map<String, Payload> expected, int max) {
        Map<String, Payload> held = of(type);
        List<String> out = new ArrayList<>();
        TreeSet<String> uids = new TreeSet<>(expected.keySet());
        uids.addAll(held.keySet());
        for (String uid : uids) {
            Payload want = expected.get(uid);
            Payload got = held.get(uid);
            if (want == null) {
                out.add(uid + ": unexpected");
            } else if (got == null) {
                out.add(uid + ": missing");
            } else if (!want.contentHash().equals(got.contentHash())) {
                out.add(uid + ": content differs: expected " + want.json() + " but found " + got.json());
            }
            if (out.size() >= max) {
                break;
            }
        }
        return out;
    }
}
