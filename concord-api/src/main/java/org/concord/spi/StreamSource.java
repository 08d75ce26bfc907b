package org.concord.spi;

import java.io.IOException;
import java.io.InputStream;

/**
 * Content that can be read as a stream, as often as needed: each {@link #open()} starts again
 * from the first byte. The caller closes each stream it opens. Big content (a message source, an
 * attachment) crosses the SPI this way so that no one holds it whole in memory.
 */
@FunctionalInterface
public interface StreamSource {
    InputStream open() throws IOException;
}
