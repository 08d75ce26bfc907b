package org.concord.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A contact: a JSContact Card (RFC 9553). */
public final class Contact extends Payload {

    public Contact(ObjectNode json) {
        super(json);
    }

    Contact(ObjectNode json, Ownership ownership) {
        super(json, ownership);
    }

    @Override
    public ItemType type() {
        return ItemType.CONTACT;
    }
}
