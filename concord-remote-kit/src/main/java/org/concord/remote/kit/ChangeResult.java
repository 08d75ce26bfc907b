package org.concord.remote.kit;

import java.util.Objects;
import java.util.Optional;

/** How one {@link IncomingChange} ended; the kit writes it as the change's status. */
public sealed interface ChangeResult
        permits ChangeResult.Ok, ChangeResult.Failed, ChangeResult.PreconditionFailed, ChangeResult.NotFound {

    /** Done: the object (or the copy) now has this id and version; a delete has no version. */
    record Ok(String id, Optional<String> version) implements ChangeResult {
        public Ok {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * Refused, with a message naming the object and the reason. {@code temporary} says that the
     * same change may succeed later (a lock, an overload); otherwise Concord records a sync error.
     */
    record Failed(String message, boolean temporary) implements ChangeResult {
        public Failed {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The object no longer has the expected version; {@code currentVersion} is the one it has. */
    record PreconditionFailed(String message, Optional<String> currentVersion) implements ChangeResult {
        public PreconditionFailed {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(currentVersion, "currentVersion");
        }
    }

    /** An update or a conflict copy found no object with this id. */
    record NotFound(String message) implements ChangeResult {
        public NotFound {
            Objects.requireNonNull(message, "message");
        }
    }

    public static ChangeResult written(String id, String version) {
        return new Ok(id, Optional.of(version));
    }

    public static ChangeResult deleted(String id) {
        return new Ok(id, Optional.empty());
    }
}
