package org.concord.spi;

import java.util.Objects;
import java.util.Optional;
import org.concord.model.Payload;

/**
 * One create, update or delete the engine asks a system to make. Every write carries the item's
 * global id: a create uses it as an idempotency key (a file or href named after it, an external
 * reference column), so a create repeated after a lost reply does not duplicate the object.
 */
public sealed interface Write permits Write.Create, Write.Update, Write.Delete {

    String globalId();

    Scope scope();

    /** Create a new object. */
    record Create(String globalId, Scope scope, Payload payload) implements Write {
        public Create {
            Objects.requireNonNull(globalId, "globalId");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(payload, "payload");
        }
    }

    /**
     * Replace an existing object, if it still has {@code expectedVersion} (when present); if it
     * does not, the answer is {@link WriteResult.PreconditionFailed}.
     */
    record Update(String globalId, Scope scope, String nativeId, Optional<String> expectedVersion, Payload payload)
            implements Write {
        public Update {
            Objects.requireNonNull(globalId, "globalId");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(nativeId, "nativeId");
            Objects.requireNonNull(expectedVersion, "expectedVersion");
            Objects.requireNonNull(payload, "payload");
        }
    }

    /** Delete an object, if it still has {@code expectedVersion} (when present). Deleting what is gone is fine. */
    record Delete(String globalId, Scope scope, String nativeId, Optional<String> expectedVersion) implements Write {
        public Delete {
            Objects.requireNonNull(globalId, "globalId");
            Objects.requireNonNull(scope, "scope");
            Objects.requireNonNull(nativeId, "nativeId");
            Objects.requireNonNull(expectedVersion, "expectedVersion");
        }
    }
}
