package org.concord.remote.kit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What an application tells Concord about itself in every ping.
 *
 * @param name a short name of the application and its version, for administrators
 * @param modidComparison how its modification ids compare
 * @param types the types of object it serves, each with its data format
 * @param capabilities the optional endpoints it offers
 */
public record AppDescription(String name, ModidComparison modidComparison, Map<ObjectType, TypeFormat> types,
        Set<Capability> capabilities) {
    public AppDescription {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(modidComparison, "modidComparison");
        types = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(types));
        capabilities = Set.copyOf(capabilities);
        if (types.isEmpty()) {
            throw new IllegalArgumentException("an application serves at least one type of object");
        }
    }
}
