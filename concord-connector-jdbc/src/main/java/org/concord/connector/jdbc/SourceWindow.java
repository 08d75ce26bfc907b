package org.concord.connector.jdbc;

import jakarta.mail.internet.SharedInputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.concord.spi.StreamSource;

/**
 * A window on a message source that MIME parsing can share: parts are new windows on the same
 * source, opened when first read, so a parsed message holds positions, never content. A 25 MB
 * attachment is streamed past, not kept.
 */
final class SourceWindow extends BufferedInputStream implements SharedInputStream {
    private final StreamSource source;
    private final long start;
    private final long end;

    /** The whole source. */
    static SourceWindow of(StreamSource source) {
        return new SourceWindow(source, 0, -1);
    }

    private SourceWindow(StreamSource source, long start, long end) {
        super(new Lazy(source, start, end), 16 * 1024);
        this.source = source;
        this.start = start;
        this.end = end;
    }

    @Override
    public long getPosition() {
        // bytes taken from the source, less those still waiting in the buffer
        return ((Lazy) in).consumed - (count - pos);
    }

    @Override
    public InputStream newStream(long from, long to) {
        if (from < 0) {
            throw new IllegalArgumentException("a window starts at 0 or later, not " + from);
        }
        return new SourceWindow(source, start + from, to < 0 ? end : start + to);
    }

    /** The source from {@code start} to {@code end} (or its end), opened on the first read. */
    private static final class Lazy extends InputStream {
        private final StreamSource source;
        private final long start;
        private final long end;
        private InputStream in;
        private long consumed;
        private boolean closed;

        Lazy(StreamSource source, long start, long end) {
            this.source = source;
            this.start = start;
            this.end = end;
        }

        private InputStream opened() throws IOException {
            if (closed) {
                throw new IOException("the message source window is closed");
            }
            if (in == null) {
                InputStream s = source.open();
                try {
                    s.skipNBytes(start);
                } catch (java.io.EOFException e) {
                    // a window past the end reads as empty
                }
                in = s;
            }
            return in;
        }

        private int room(int wanted) {
            if (end < 0) {
                return wanted;
            }
            return (int) Math.max(0, Math.min(wanted, end - start - consumed));
        }

        @Override
        public int read() throws IOException {
            if (room(1) == 0) {
                return -1;
            }
            int b = opened().read();
            if (b >= 0) {
                consumed++;
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int n = room(len);
            if (n == 0) {
                return -1;
            }
            int got = opened().read(buf, off, n);
            if (got > 0) {
                consumed += got;
            }
            return got;
        }

        @Override
        public void close() throws IOException {
            closed = true;
            if (in != null) {
                in.close();
            }
        }
    }
}
