package org.concord.store;

/** The store failed (disk full, connection lost, constraint broken). The message names the store and the operation. */
public class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
