package org.concord.engine;

import java.util.Map;
import org.concord.model.Payload;
import org.concord.store.ConflictRecord;

/** A conflict and, while it is held for an admin, each system's version of the item. */
public record ConflictDetail(ConflictRecord record, Map<String, Payload> versions) {
    public ConflictDetail {
        versions = Map.copyOf(versions);
    }
}
