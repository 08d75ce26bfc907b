package org.concord.model;

import java.util.Optional;

/** The four kinds of object Concord keeps in sync. The wire code is stored and shown; never rename it. */
public enum ItemType {
    CONTACT("contact", "Card", "contacts"),
    EVENT("event", "Event", "calendar"),
    TASK("task", "Task", "tasks"),
    NOTE("note", "Note", "notes");

    private final String code;
    private final String jsonType;
    private final String collection;

    ItemType(String code, String jsonType, String collection) {
        this.code = code;
        this.jsonType = jsonType;
        this.collection = collection;
    }

    /** Stable wire code, as stored in the store and written in configs and APIs. */
    public String code() {
        return code;
    }

    /** The {@code @type} of the canonical JSON object. */
    public String jsonType() {
        return jsonType;
    }

    /** The default collection name for this type, e.g. in a vdir folder. */
    public String defaultCollection() {
        return collection;
    }

    /** Looked up for every stored row and every parsed payload: a loop over this, no stream. */
    private static final ItemType[] ALL = values();

    public static Optional<ItemType> byCode(String code) {
        for (ItemType t : ALL) {
            if (t.code.equalsIgnoreCase(code)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public static Optional<ItemType> byJsonType(String type) {
        for (ItemType t : ALL) {
            if (t.jsonType.equals(type)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
