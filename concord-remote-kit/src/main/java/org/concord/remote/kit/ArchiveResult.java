package org.concord.remote.kit;

import java.util.Objects;

/** Where the application filed a message: the id of the note, activity or document it made (or had made before). */
public record ArchiveResult(String id) {
    public ArchiveResult {
        Objects.requireNonNull(id, "id");
    }
}
