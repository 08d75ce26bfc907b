package org.concord.spi;

import java.util.Objects;
import java.util.Optional;
import org.concord.model.Payload;

/** How one write ended. The engine's {@code switch} over it is checked by the compiler. */
public sealed interface WriteResult
        permits WriteResult.Written, WriteResult.Deleted, WriteResult.PreconditionFailed, WriteResult.Gone,
                WriteResult.Rejected, WriteResult.Unavailable {

    /**
     * The object now holds what was written, under this native id and version.
     *
     * @param stored what the system will report for this object when it is read back, when that
     *     differs from what was written: a system that keeps only some fields (a CRM table) says so
     *     here, so the hub recognizes the object as its own write when it comes back in the feed
     */
    record Written(String nativeId, String version, Optional<Payload> stored) implements WriteResult {
        public Written {
            Objects.requireNonNull(nativeId, "nativeId");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(stored, "stored");
        }

        /** The system stores exactly what was written. */
        public Written(String nativeId, String version) {
            this(nativeId, version, Optional.empty());
        }
    }

    /** The object is deleted (or was already gone). */
    record Deleted() implements WriteResult {}

    /** The object changed under us (its version is not the expected one): the target must be read again. */
    record PreconditionFailed(String message) implements WriteResult {}

    /** An update found no object: it was deleted on the target meanwhile. */
    record Gone(String message) implements WriteResult {}

    /** The system refused this object for good (invalid data, too large, forbidden): a sync error. */
    record Rejected(String message) implements WriteResult {}

    /** A transient failure of this one object: the engine backs off and retries. */
    record Unavailable(String message) implements WriteResult {}
}
