package org.concord.spi;

import java.util.Objects;
import java.util.Optional;
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

    /**
     * The object is gone from its system. {@code lastVersion}, when the connector knows it (from
     * the hub's {@link KnownObjects}), is the version it last knew the object at: the delete is
     * of that version. If the hub has linked another version of the native id since — the hub
     * itself wrote the object again between the connector's look and the apply — the delete is
     * stale and ignored; a connector that gives a version must report the delete again should
     * the newer object go too (a folder's listing does). Empty: the delete applies to whatever the
     * hub links under the id.
     */
    record Delete(Scope scope, String nativeId, Optional<String> lastVersion) implements Change {
        public Delete {
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(nativeId, "nativeId");
            Objects.requireNonNull(lastVersion, "lastVersion");
        }

        /** A delete of whatever the hub links under {@code nativeId}. */
        public Delete(Scope scope, String nativeId) {
            this(scope, nativeId, Optional.empty());
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
