package org.concord.spi;

import java.util.Objects;
import org.concord.model.Payload;

/** One entry of a system's change feed. */
public sealed interface Change permits Change.Upsert, Change.Delete, Change.Unreadable {

    Scope scope();

    /** The object's id in its system (a file name, an href, a row id). */
    String nativeId();

    /** The object was created or changed; {@code version} is its native version (etag, mtime, modid). */
    record Upsert(Scope scope, String nativeId, String version, Payload payload) implements Change {
        public Upsert {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(nativeId, "nativeId");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(payload, "payload");
            if (payload.type() != scope.type()) {
                throw new IllegalArgumentException("payload of type " + payload.type().code() + " in scope " + scope);
            }
        }
    }

    /** The object is gone from its system. */
    record Delete(Scope scope, String nativeId) implements Change {
        public Delete {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(nativeId, "nativeId");
        }
    }

    /**
     * The object changed but cannot be read or converted: it becomes a sync error naming the
     * object and the reason, and the rest of the feed goes on.
     */
    record Unreadable(Scope scope, String nativeId, String reason) implements Change {
        public Unreadable {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(nativeId, "nativeId");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
