package org.concord.remote.kit;

/**
 * The application cannot serve the request now (its database is down, it is overloaded): the kit
 * answers 503 and Concord retries later. Any other exception is answered 500.
 */
public final class UnavailableException extends Exception {
    public UnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
