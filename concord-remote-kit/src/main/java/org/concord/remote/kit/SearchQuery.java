package org.concord.remote.kit;

import java.util.Objects;
import java.util.Optional;

/** A search for records: {@code text} is matched against names, e-mail addresses and companies. */
public record SearchQuery(String text, Optional<ObjectType> type, Optional<String> user, int limit) {
    public SearchQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(user, "user");
    }
}
