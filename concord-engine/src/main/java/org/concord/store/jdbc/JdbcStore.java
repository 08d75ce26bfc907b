package org.concord.store.jdbc;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.concord.store.Store;
import org.concord.store.StoreException;

/**
 * A {@link Store} on one JDBC database. Transactions run one at a time on a single writer
 * connection behind a fair lock (SQLite allows one writer anyway, and one connection keeps its
 * prepared statements warm). Reads run on a small pool of separate connections, so a status query
 * never waits for a long transaction. A connection found broken is replaced at the next use.
 */
final class JdbcStore implements Store {

    /** Reads running at once; more wait. */
    private static final int MAX_READERS = 4;
    /**
     * A connection idle longer than this is checked before use (one round trip), and replaced if it
     * no longer answers; a busy connection is not, and one that breaks fails its work once.
     */
    private static final long IDLE_CHECK_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Backend backend;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    private final SeqCounter seqs = new SeqCounter();
    private final Semaphore readPermits = new Semaphore(MAX_READERS, true);
    private final Deque<Session> idleReaders = new ArrayDeque<>();
    private Session writer;
    private volatile boolean closed;

    private JdbcStore(Backend backend, Session writer) {
        this.backend = backend;
        this.writer = writer;
    }

    /** Connects, migrates the schema to the newest version and returns the open store. */
    static JdbcStore open(Backend backend, Migrations migrations) {
        Session writer = connectWriter(backend, "opening the store");
        try {
            migrations.migrate(writer);
        } catch (RuntimeException e) {
            writer.close();
            throw e;
        }
        return new JdbcStore(backend, writer);
    }

    private static Session connectWriter(Backend backend, String operation) {
        try {
            return new Session(backend, backend.openWriter());
        } catch (SQLException e) {
            throw new StoreException(backend.describe() + ": " + operation + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T transact(Work<T> work) {
        if (writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException(describe() + ": transact called inside a transaction of the same thread");
        }
        try {
            writeLock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(describe() + ": interrupted while waiting for the running transaction", e);
        }
        try {
            Session session = usableWriter();
            try {
                backend.beginWrite(session);
            } catch (SQLException e) {
                throw session.failure("beginning a transaction", e);
            }
            JdbcTx tx = new JdbcTx(session, seqs, true);
            boolean committed = false;
            try {
                T result = work.run(tx);
                commit(session);
                committed = true;
                return result;
            } finally {
                tx.end();
                seqs.transactionEnded();
                if (!committed) {
                    rollbackQuietly(session);
                }
                session.touch();
            }
        } finally {
            writeLock.unlock();
        }
    }

    private void commit(Session session) {
        try {
            session.flush();
            seqs.beforeCommit(session);
            backend.commit(session);
        } catch (SQLException e) {
            String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            throw session.failure(message.contains("foreign key")
                    ? "commit (a link or pending entry refers to an item that was never saved)"
                    : "commit", e);
        }
    }

    private static void rollbackQuietly(Session session) {
        session.discardQueued();
        try {
            session.backend().rollback(session);
        } catch (SQLException e) {
            // a connection that cannot even roll back is not trusted with the next transaction
            session.markLost();
        }
    }

    /** The writer, replaced first if it broke or stopped answering while idle. Under the write lock. */
    private Session usableWriter() {
        if (closed) {
            throw new StoreException(describe() + ": the store is closed");
        }
        if (writer.lost() || (writer.idleNanos() > IDLE_CHECK_NANOS && !writer.answers())) {
            writer.close();
            writer = connectWriter(backend, "reconnecting");
        }
        return writer;
    }

    @Override
    public <T> T read(Work<T> work) {
        try {
            readPermits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(describe() + ": interrupted while waiting for a read connection", e);
        }
        try {
            Session session = takeReader();
            try {
                backend.beginRead(session);
            } catch (SQLException e) {
                giveBack(session, false);
                throw session.failure("beginning a read", e);
            }
            JdbcTx tx = new JdbcTx(session, seqs, false);
            try {
                return work.run(tx);
            } finally {
                tx.end();
                session.touch();
                giveBack(session, endRead(session));
            }
        } finally {
            readPermits.release();
        }
    }

    /** Ends a read's transaction; false if the connection should not be used again. */
    private static boolean endRead(Session session) {
        try {
            session.backend().rollback(session);
            return !session.lost();
        } catch (SQLException e) {
            return false;
        }
    }

    private Session takeReader() {
        if (closed) {
            throw new StoreException(describe() + ": the store is closed");
        }
        Session session;
        synchronized (idleReaders) {
            session = idleReaders.pollFirst();
        }
        if (session != null && session.idleNanos() > IDLE_CHECK_NANOS && !session.answers()) {
            session.close();
            session = null;
        }
        if (session == null) {
            try {
                session = new Session(backend, backend.openReader());
            } catch (SQLException e) {
                throw new StoreException(describe() + ": opening a read connection failed: " + e.getMessage(), e);
            }
        }
        return session;
    }

    /** A reader that broke, or that comes back after the store closed, is closed rather than kept. */
    private void giveBack(Session session, boolean healthy) {
        if (healthy && !closed) {
            synchronized (idleReaders) {
                idleReaders.addFirst(session);
                return;
            }
        }
        session.close();
    }

    @Override
    public String describe() {
        return backend.describe();
    }

    /** Waits for the running transaction, then closes every connection. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        writeLock.lock();
        try {
            writer.close();
        } finally {
            writeLock.unlock();
        }
        synchronized (idleReaders) {
            idleReaders.forEach(Session::close);
            idleReaders.clear();
        }
    }

    @Override
    public String toString() {
        return describe();
    }
}
