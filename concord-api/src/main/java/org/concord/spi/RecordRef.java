package org.concord.spi;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A record a search found: its key and enough to show a user a list to pick from.
 *
 * @param label what to show first, e.g. the name
 * @param detail a second line, e.g. company and e-mail address; may be empty
 * @param emails the record's e-mail addresses as far as the system tells them, lower-cased
 */
public record RecordRef(RecordKey key, String label, String detail, List<String> emails) {
    public RecordRef {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(detail, "detail");
        emails = emails.stream().map(e -> e.trim().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty()).distinct().toList();
    }

    /** Whether one of the record's addresses is {@code address}, ignoring case. */
    public boolean hasEmail(String address) {
        return emails.contains(address.trim().toLowerCase(Locale.ROOT));
    }
}
