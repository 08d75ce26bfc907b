package org.concord.spi;

import java.util.Objects;

/** How one write ended. The engine's {@code switch} over it is checked by the compiler. */
public sealed interface WriteResult
        permits WriteResult.Written, WriteResult.Deleted, WriteResult.PreconditionFailed, WriteResult.Gone,
                WriteResult.Rejected, WriteResult.Unavailable {

    /** The object now holds what was written, under this native id and version. */
    record Written(String nativeId, String version) implements WriteResult {
        public Written {
            Objects.requireNonNull(nativeId, "nativeId");
            Objects.requireNonNull(version, "version");
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
