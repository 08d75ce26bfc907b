package org.concord.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A note: a JSCalendar-shaped object with {@code @type} Note, the canonical form of an iCalendar VJOURNAL. */
public final class Note extends Payload {

    public Note(ObjectNode json) {
        super(json);
    }

    Note(ObjectNode json, Ownership ownership) {
        super(json, ownership);
    }

    @Override
    public ItemType type() {
        return ItemType.NOTE;
    }
}
