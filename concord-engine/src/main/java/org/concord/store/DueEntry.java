package org.concord.store;

import java.util.Objects;
import java.util.Optional;

/**
 * A due pending entry with what delivering it needs to know: its item, the target's link of that
 * item (the object to update or delete there, with its expected version), and whether an open
 * conflict holds the item.
 *
 * @param item empty if the item is gone (the entry is then dropped)
 * @param link the target's link of the item, if the target holds it
 * @param held whether an open conflict holds the item
 */
public record DueEntry(Pending entry, Optional<Item> item, Optional<Link> link, boolean held) {
    public DueEntry {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(link, "link");
    }
}
