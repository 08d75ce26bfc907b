package org.concord.spi;

import java.util.Objects;
import org.concord.model.ItemType;

/** The unit of partitioning: one user's objects of one type, e.g. alice's contacts. User names are the system's own. */
public record Scope(String user, ItemType type) {
    public Scope {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(type, "type");
        if (user.isBlank()) {
            throw new IllegalArgumentException("scope user is blank");
        }
    }

    @Override
    public String toString() {
        return user + "/" + type.code();
    }
}
