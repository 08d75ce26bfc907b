package org.concord.engine;

import java.util.Objects;
import java.util.Optional;

/**
 * How conflicts are resolved.
 *
 * @param policy the policy
 * @param duplicatesTo for {@code duplicate}: the system where the conflicting version is created
 *     first, from where it is synced to all as new; empty = created in every system at once
 */
public record ConflictSettings(ConflictPolicy policy, Optional<String> duplicatesTo) {
    public ConflictSettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(duplicatesTo, "duplicatesTo");
    }

    public static ConflictSettings defaults() {
        return new ConflictSettings(ConflictPolicy.DUPLICATE, Optional.empty());
    }
}
