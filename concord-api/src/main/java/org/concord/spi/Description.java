package org.concord.spi;

import java.util.Set;
import org.concord.model.ItemType;

/** What a connector is and can do. */
public record Description(String kind, Set<ItemType> types, Set<Capability> capabilities) {
    public Description {
        types = Set.copyOf(types);
        capabilities = Set.copyOf(capabilities);
    }

    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }
}
