package org.concord.store.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Hands out pending seqs. The highest seq ever handed out is kept in the {@code counters} table,
 * so it survives the removal of its entry and a restart. A transaction reads (and locks) the
 * stored value at its first seq, counts on in memory, and stores the new highest value just before
 * it commits: two statements per transaction, none per entry. Locking the row keeps seqs unique
 * even when another process writes to the same store.
 *
 * <p>Used under the store's write lock only.
 */
final class SeqCounter {

    private static final String RESERVE =
            "UPDATE counters SET value = value WHERE name = 'pending_seq' RETURNING value";
    private static final String STORE = "UPDATE counters SET value = :value WHERE name = 'pending_seq'";

    /** The highest seq handed out by this process, rolled back transactions included. */
    private long highest;
    private boolean reserved;

    long next(Session session) throws SQLException {
        if (!reserved) {
            try (ResultSet rows = session.query(RESERVE).rows()) {
                if (!rows.next()) {
                    throw new SQLException("the pending seq counter is missing from table counters");
                }
                highest = Math.max(highest, rows.getLong("value"));
            }
            reserved = true;
        }
        return ++highest;
    }

    /** Stores the highest seq handed out in this transaction, if it handed out any. */
    void beforeCommit(Session session) throws SQLException {
        if (reserved) {
            session.query(STORE).number("value", highest).update();
        }
    }

    void transactionEnded() {
        reserved = false;
    }
}
