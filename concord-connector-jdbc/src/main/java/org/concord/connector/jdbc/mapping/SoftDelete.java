package org.concord.connector.jdbc.mapping;

/** The flag column that marks a row deleted without removing it, and the values it takes. */
public record SoftDelete(String column, Object deletedValue, Object activeValue) {

    /** Whether a value read from the column means "deleted". */
    public boolean isDeleted(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Number n && deletedValue instanceof Number d) {
            return n.doubleValue() == d.doubleValue();
        }
        String s = value.toString().trim();
        if (s.equalsIgnoreCase(String.valueOf(deletedValue))) {
            return true;
        }
        if (s.equalsIgnoreCase(String.valueOf(activeValue))) {
            return false;
        }
        return s.equals("1") || s.equalsIgnoreCase("true") || s.equalsIgnoreCase("t") || s.equalsIgnoreCase("y");
    }
}
