package org.concord.spi;

import java.util.Objects;

/**
 * One record of a system that e-mail can be filed to, by its native user, type and id. The type
 * is the system's own word for the kind of record ({@code contact}, {@code account},
 * {@code project}, …); the user is the record's owner in that system's user names.
 */
public record RecordKey(String user, String type, String id) {
    public RecordKey {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (user.isBlank() || type.isBlank() || id.isBlank()) {
            throw new IllegalArgumentException("a record needs a user, a type and an id: " + user + "/" + type + "/" + id);
        }
    }

    @Override
    public String toString() {
        return user + "/" + type + "/" + id;
    }
}
