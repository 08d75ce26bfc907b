package org.concord.spi;

import java.util.List;
import java.util.Objects;

/**
 * What one {@code getChanges} call returns: the changes in feed order, the cursor to continue
 * from, and whether more changes are ready right now (so the reader asks again without waiting).
 */
public record ChangeBatch(List<Change> changes, Cursor next, boolean more) {
    public ChangeBatch {
        changes = List.copyOf(changes);
        Objects.requireNonNull(next, "next");
    }

    public static ChangeBatch empty(Cursor at) {
        return new ChangeBatch(List.of(), at, false);
    }
}
