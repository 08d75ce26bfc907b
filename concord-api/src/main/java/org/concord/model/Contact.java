package org.concord.model;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A contact: a JSContact Card (RFC 9553). */
public final class Contact extends Payload {

    public Contact(ObjectNode json) {
        super(json);
    }

    /**
     * A contact over {@code json} itself, not a copy: the caller hands the tree over and must
     * neither change it nor keep any part of it afterwards (see {@link Payload#adopt}).
     */
    public static Contact adopt(ObjectNode json) {
        return new Contact(json, Ownership.TAKE);
    }

    Contact(ObjectNode json, Ownership ownership) {
        super(json, ownership);
    }

    @Override
    public ItemType type() {
        return ItemType.CONTACT;
    }
}
