package org.concord.engine;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.concord.model.ItemType;

/**
 * How conflicts are resolved: a policy for all, overridable per system (the system whose change
 * conflicts) and per type; a system override beats a type override.
 *
 * @param fallback decides what {@code merge} cannot (a field changed on both sides) and what
 *     {@code prefer:SYSTEM} does not cover (neither version comes from SYSTEM)
 * @param duplicatesTo for {@code duplicate}: the system where the conflicting version is created
 *     first, from where it is synced to all as new; empty = created in every system at once
 */
public record ConflictSettings(
        ConflictPolicy policy,
        ConflictPolicy fallback,
        Optional<String> duplicatesTo,
        Map<String, ConflictPolicy> perSystem,
        Map<ItemType, ConflictPolicy> perType) {

    public ConflictSettings {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(fallback, "fallback");
        Objects.requireNonNull(duplicatesTo, "duplicatesTo");
        perSystem = Map.copyOf(perSystem);
        perType = Map.copyOf(perType);
        if (fallback instanceof ConflictPolicy.Merge) {
            throw new IllegalArgumentException("the fallback policy cannot be merge");
        }
    }

    public ConflictSettings(ConflictPolicy policy, Optional<String> duplicatesTo) {
        this(policy, ConflictPolicy.DUPLICATE, duplicatesTo, Map.of(), Map.of());
    }

    public static ConflictSettings defaults() {
        return new ConflictSettings(ConflictPolicy.DUPLICATE, Optional.empty());
    }

    public static ConflictSettings of(ConflictPolicy policy) {
        return new ConflictSettings(policy, Optional.empty());
    }

    /** The policy for a conflict detected in {@code system} on an item of {@code type}. */
    public ConflictPolicy policyFor(String system, ItemType type) {
        ConflictPolicy p = perSystem.get(system);
        if (p != null) {
            return p;
        }
        return perType.getOrDefault(type, policy);
    }
}
