package org.concord.connector.jdbc;

/** How the connector learns what changed. */
enum CaptureMode {
    /** Triggers write every change into a change log (installed by {@code concord check --install}). */
    TRIGGERS("triggers"),
    /** Where triggers are not allowed: rows whose modified-at column moved; deletes only as soft deletes. */
    POLLING("polling");

    private final String code;

    CaptureMode(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }
}
