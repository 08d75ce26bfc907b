package org.concord.engine;

import java.util.Objects;
import org.concord.model.Payload;

/** An admin's decision on a held conflict. */
public sealed interface Resolution {

    /** The version of {@code system} becomes the item's content everywhere. */
    record Keep(String system) implements Resolution {
        public Keep {
            Objects.requireNonNull(system, "system");
        }
    }

    /** An edited version becomes the item's content everywhere. */
    record Edited(Payload payload) implements Resolution {
        public Edited {
            Objects.requireNonNull(payload, "payload");
        }
    }
}
