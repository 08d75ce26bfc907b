package org.concord.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * One folder listing.
 *
 * @param since the state of the caller's last listing of this folder, to get only what changed
 * @param limit the most messages of a full listing (the newest ones)
 */
public record ListRequest(String user, String folder, Optional<FolderState> since, int limit) {
    public ListRequest {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(since, "since");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
    }
}
