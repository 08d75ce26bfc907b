package org.concord.connector.dav;

import java.net.URI;
import java.util.Set;
import org.concord.model.ItemType;

/**
 * An address book or calendar found on the server, as its properties describe it.
 *
 * @param components the calendar components it accepts; empty means all (RFC 4791 §5.2.3)
 * @param syncCollection whether it offers the RFC 6578 sync-collection report
 */
record RemoteCollection(URI uri, Kind kind, String displayName, Set<String> components, boolean syncCollection) {

    enum Kind {
        ADDRESSBOOK,
        CALENDAR
    }

    RemoteCollection {
        components = Set.copyOf(components);
    }

    String path() {
        return uri.getPath();
    }

    /** The last path segment, e.g. {@code calendar} for {@code /alice/calendar/}. */
    String segment() {
        String p = path().endsWith("/") ? path().substring(0, path().length() - 1) : path();
        return p.substring(p.lastIndexOf('/') + 1);
    }

    boolean accepts(ItemType type) {
        return switch (type) {
            case CONTACT -> kind == Kind.ADDRESSBOOK;
            case EVENT, TASK, NOTE -> kind == Kind.CALENDAR && (components.isEmpty() || components.contains(component(type)));
        };
    }

    /** True when it accepts the type and no events: a dedicated task list or journal. */
    boolean dedicatedTo(ItemType type) {
        return accepts(type) && !components.isEmpty() && !components.contains("VEVENT");
    }

    static String component(ItemType type) {
        return switch (type) {
            case CONTACT -> "VCARD";
            case EVENT -> "VEVENT";
            case TASK -> "VTODO";
            case NOTE -> "VJOURNAL";
        };
    }
}
