package org.concord.store.jdbc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concord.model.Payload;

/**
 * The payloads of the pending entries this store most recently committed, by seq. A writer
 * usually delivers an entry moments after a reader put it; it then takes the payload as it was
 * put instead of parsing the stored JSON into a new tree, which was most of what reading a due
 * entry cost. A seq names one entry's content for good (a newer change gets a new seq, a deferral
 * keeps the payload), and only committed entries are kept, so what this answers is what the row
 * holds. Bounded, oldest first out: a backlog larger than this is read from its rows, and memory
 * stays flat however much is queued.
 */
final class RecentPayloads {

    /** A few write batches' worth of entries in flight between a reader and the writers. */
    static final int CAPACITY = 2048;

    /** One entry put by a transaction. */
    record Put(long seq, Payload payload) {}

    private final Map<Long, Payload> bySeq = new LinkedHashMap<>(CAPACITY * 2) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Payload> eldest) {
            return size() > CAPACITY;
        }
    };

    /** After a commit: the entries it put. */
    synchronized void committed(List<Put> puts) {
        for (Put p : puts) {
            bySeq.put(p.seq(), p.payload());
        }
    }

    /** The payload entry {@code seq} was put with, if it is still kept and has this content hash. */
    synchronized Payload get(long seq, String contentHash) {
        Payload p = bySeq.get(seq);
        return p != null && p.contentHash().equals(contentHash) ? p : null;
    }
}
