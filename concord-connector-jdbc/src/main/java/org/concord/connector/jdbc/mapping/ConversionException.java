package org.concord.connector.jdbc.mapping;

/** One value could not be converted; the caller adds the table, row and column. */
public final class ConversionException extends Exception {
    public ConversionException(String reason) {
        super(reason, null, false, false);
    }
}
