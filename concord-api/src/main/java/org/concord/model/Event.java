package org.concord.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An event: a JSCalendar Event (RFC 8984), recurrence overrides included. */
public final class Event extends Payload {

    public Event(ObjectNode json) {
        super(json);
    }

    Event(ObjectNode json, Ownership ownership) {
        super(json, ownership);
    }

    @Override
    public ItemType type() {
        return ItemType.EVENT;
    }
}
