package org.concord.spi;

/** The system is unreachable or overloaded for now: back off, mark it down if it persists, try again. */
public non-sealed class RetryableConnectorException extends ConnectorException {
    public RetryableConnectorException(String message) {
        super(message, null);
    }

    public RetryableConnectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
