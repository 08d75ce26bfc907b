package org.concord.app.archive;

/** An archive order that cannot be carried out as given (unknown system, attachment or record form): exit 2 in the CLI. */
public final class OrderException extends Exception {
    public OrderException(String message) {
        super(message);
    }
}
