package org.concord.remote.kit;

import java.util.Objects;

/** One record a search found: enough to show a user a list to pick from. */
public record SearchHit(String user, ObjectType type, String id, String label, String detail) {
    public SearchHit {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(detail, "detail");
    }
}
