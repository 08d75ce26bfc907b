package org.concord.connector.vdir;

/** What a look at a file may report. */
enum ReadMode {
    /** New and changed files as upserts, known files that are gone as deletes: the normal feed. */
    CHANGES(false, true),
    /** As {@link #CHANGES}, but no delete: while a full re-read runs, nothing may be inferred gone. */
    CHANGES_WITHOUT_DELETES(false, false),
    /** Every file as an upsert, known or not, and no delete: a full re-read. */
    EVERYTHING(true, false);

    private final boolean unchangedToo;
    private final boolean deletes;

    ReadMode(boolean unchangedToo, boolean deletes) {
        this.unchangedToo = unchangedToo;
        this.deletes = deletes;
    }

    boolean unchangedToo() {
        return unchangedToo;
    }

    boolean deletes() {
        return deletes;
    }
}
