package org.concord.app.archive;

import java.util.Objects;

/** A record to file to, as the user names it: {@code SYSTEM:TYPE/ID}, the user coming from the order. */
public record TargetRef(String system, String type, String id) {
    public TargetRef {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
    }

    static TargetRef parse(String text) throws OrderException {
        int colon = text.indexOf(':');
        int slash = colon < 0 ? -1 : text.indexOf('/', colon);
        if (colon <= 0 || slash <= colon + 1 || slash == text.length() - 1) {
            throw new OrderException("--to " + text + ": expected SYSTEM:TYPE/ID, e.g. crm:contact/17");
        }
        return new TargetRef(text.substring(0, colon), text.substring(colon + 1, slash), text.substring(slash + 1));
    }

    @Override
    public String toString() {
        return system + ":" + type + "/" + id;
    }
}
