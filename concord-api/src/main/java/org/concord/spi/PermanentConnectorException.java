package org.concord.spi;

/**
 * Retrying will not help until an administrator acts: bad credentials, a missing collection, a
 * misconfiguration. The system is marked down with this message.
 */
public non-sealed class PermanentConnectorException extends ConnectorException {
    public PermanentConnectorException(String message) {
        super(message, null);
    }

    public PermanentConnectorException(String message, Throwable cause) {
        super(message, cause);
    }
}
