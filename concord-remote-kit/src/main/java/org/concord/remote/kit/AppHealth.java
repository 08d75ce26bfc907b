package org.concord.remote.kit;

import java.util.Objects;

/** What the application says about itself when pinged. */
public sealed interface AppHealth permits AppHealth.Up, AppHealth.Down {

    /** It works; {@code detail} says what runs (version, database), for administrators. */
    record Up(String detail) implements AppHealth {
        public Up {
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** It does not work now, and why, in words an administrator can act on. */
    record Down(String reason) implements AppHealth {
        public Down {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
