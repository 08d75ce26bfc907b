package org.concord.connector.imap;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * A message's source as the server sends it, block by block (partial FETCH), holding the
 * connection it came on until closed. Read failures name the system, user, folder and UID.
 */
final class MessageStream extends FilterInputStream {
    private final IMAPStore store;
    private final IMAPFolder folder;
    private final String where;
    private boolean closed;

    MessageStream(InputStream in, IMAPStore store, IMAPFolder folder, String where) {
        super(in);
        this.store = store;
        this.folder = folder;
        this.where = where;
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw Failures.reading(where, e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw Failures.reading(where, e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw Failures.reading(where, e);
        }
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            super.close();
        } finally {
            try {
                if (folder.isOpen()) {
                    folder.close(false);
                }
            } catch (jakarta.mail.MessagingException | RuntimeException e) {
                // the connection goes with the store below
            } finally {
                Connections.closeQuietly(store);
            }
        }
    }
}
