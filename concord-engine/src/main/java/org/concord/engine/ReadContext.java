package org.concord.engine;

import java.util.List;
import java.util.Optional;
import org.concord.spi.Change;
import org.concord.store.Link;
import org.concord.store.Pending;

/**
 * Everything {@link ReadPlanner} needs to know about one change: the change, the system's link
 * for its native id (if any), the known item it belongs to by UID when it has no link yet, what
 * is pending for the system for that item, the item's links in the other systems, and for a
 * delete whether the link is of another version than the one the connector saw deleted (the hub
 * wrote the object again meanwhile).
 */
record ReadContext(
        Change change,
        Optional<Link> link,
        Optional<String> adoptableItem,
        Optional<Pending> pending,
        List<Link> otherLinks,
        boolean linkWrittenSinceDelete) {

    ReadContext(Change change, Optional<Link> link, Optional<String> adoptableItem, Optional<Pending> pending,
            List<Link> otherLinks) {
        this(change, link, adoptableItem, pending, otherLinks, false);
    }

    Optional<String> globalId() {
        return link.map(Link::globalId).or(() -> adoptableItem);
    }
}
