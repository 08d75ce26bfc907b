package org.concord.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A task: a JSCalendar Task (RFC 8984). */
public final class Task extends Payload {

    public Task(ObjectNode json) {
        super(json);
    }

    Task(ObjectNode json, Ownership ownership) {
        super(json, ownership);
    }

    @Override
    public ItemType type() {
        return ItemType.TASK;
    }
}
