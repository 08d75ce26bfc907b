package org.concord.connector.jdbc.mapping;

/** Who makes the id of a new row. */
public enum IdGeneration {
    /** Decided when the connector opens: the database if the column is auto-increment, else a UUID. */
    AUTO,
    /** An auto-increment or identity column: the database's id becomes the native id. */
    DATABASE,
    /** A text column without a default: the connector makes a random UUID, as many CRMs do. */
    UUID
}
