package org.concord.connector.dav.http;

import org.concord.spi.PermanentConnectorException;

/** A response body exceeded the configured cap; retrying the same request will not help. */
public final class ResponseTooLargeException extends PermanentConnectorException {
    public ResponseTooLargeException(String message) {
        super(message);
    }
}
