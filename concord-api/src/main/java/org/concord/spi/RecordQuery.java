package org.concord.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * A search for records: {@code text} is matched against names, e-mail addresses and companies.
 *
 * @param user only records of this user (the system's user name), or all the system shows
 * @param type only records of this type, or all
 * @param limit the most records to answer
 */
public record RecordQuery(String text, Optional<String> user, Optional<String> type, int limit) {
    public RecordQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(type, "type");
        if (text.isBlank()) {
            throw new IllegalArgumentException("search text is blank");
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }
}
