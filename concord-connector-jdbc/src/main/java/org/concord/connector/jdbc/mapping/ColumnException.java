package org.concord.connector.jdbc.mapping;

/** A row's column could not be converted, or a payload's field has no place in a row. */
public final class ColumnException extends Exception {
    private final String column;
    private final String reason;

    public ColumnException(String column, String reason) {
        super("column " + column + ": " + reason, null, false, false);
        this.column = column;
        this.reason = reason;
    }

    public String column() {
        return column;
    }

    public String reason() {
        return reason;
    }
}
