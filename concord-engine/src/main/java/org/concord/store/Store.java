package org.concord.store;

/**
 * Durable engine state. Implementations: SQLite (the default, one file, WAL with
 * synchronous=FULL) and PostgreSQL.
 *
 * <p><b>Threading:</b> thread-safe. Transactions are serialized: while one runs, another waits.
 * Reads through {@link #read} may run beside a transaction and see the last committed state.
 *
 * <p><b>Lifecycle:</b> opened (and migrated to the current schema) by its factory; {@link #close}
 * releases connections.
 */
public interface Store extends AutoCloseable {

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws (the
     * work's exception is rethrown as it is). Not re-entrant: calling it from inside a transaction
     * of the same thread throws {@link IllegalStateException}.
     */
    <T> T transact(Work<T> work) throws StoreException;

    /**
     * Runs {@code work} against the last committed state, one consistent snapshot throughout; it
     * must not change anything (a change throws {@link IllegalStateException}). Does not wait for
     * a running transaction.
     */
    <T> T read(Work<T> work) throws StoreException;

    /** A short description for logs and status: "sqlite state/concord.db", "postgresql //host/db". */
    String describe();

    @Override
    void close();

    /** A unit of work inside a transaction or a read. */
    @FunctionalInterface
    interface Work<T> {
        T run(StoreTx tx) throws StoreException;
    }
}
