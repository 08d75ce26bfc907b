package org.concord.connector.remote;

/** One object's data could not be converted between the wire and the canonical model. */
final class ConversionException extends Exception {
    ConversionException(String message) {
        super(message);
    }

    ConversionException(String message, Throwable cause) {
        super(message, cause);
    }
}
