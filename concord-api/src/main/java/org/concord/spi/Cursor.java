package org.concord.spi;

import java.util.Objects;

/**
 * A position in a system's change feed, opaque to everyone but the connector that made it, and
 * comparable only within that connector. The engine stores it in the same transaction as the
 * changes read up to it, so a crash re-reads from the last stored cursor.
 */
public record Cursor(String value) {
    /** The beginning of the feed: everything. */
    public static final Cursor START = new Cursor("");

    public Cursor {
        Objects.requireNonNull(value, "value");
    }

    public boolean isStart() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return isStart() ? "(start)" : value;
    }
}
