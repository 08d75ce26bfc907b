package org.concord.connector.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The change capture of one table: which change-log entries a row change there writes. A mapped
 * table logs its own rows; a related table logs its parent's row (so a new e-mail address is a
 * change of the contact).
 *
 * @param table the table the trigger is on
 * @param captures the log entries one row change writes
 */
record TriggerPlan(String table, List<Capture> captures) {

    /**
     * @param table the table name written into the log (the parent's, for a related table)
     * @param idColumn the column of the trigger's table holding that row's id
     * @param userColumn the column holding the row's user, or null
     * @param parent whether this logs a parent row (every change is an update of the parent)
     */
    record Capture(String table, String idColumn, String userColumn, boolean parent) {}

    String triggerName(String event) {
        return limited("concord_" + table.toLowerCase(Locale.ROOT) + (event.isEmpty() ? "_capture" : "_a" + event));
    }

    String functionName() {
        return limited("concord_capture_" + table.toLowerCase(Locale.ROOT));
    }

    /** Identifiers stop at 63 characters in PostgreSQL: long names keep a hash to stay unique. */
    private static String limited(String name) {
        if (name.length() <= 63) {
            return name;
        }
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return name.substring(0, 54) + "_" + HexFormat.of().formatHex(d, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
