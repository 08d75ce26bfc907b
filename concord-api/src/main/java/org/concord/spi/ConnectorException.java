package org.concord.spi;

/**
 * A failure of a whole call, classified where it happens: the engine reads the type, never the
 * message. A failure of one object within a batch is a {@link WriteResult} or a
 * {@link Change.Unreadable} instead.
 */
public abstract sealed class ConnectorException extends Exception
        permits RetryableConnectorException, PermanentConnectorException {

    protected ConnectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
