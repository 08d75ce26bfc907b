/**
 * The store on JDBC: SQLite (one file, the default) and PostgreSQL, with versioned migrations,
 * behind {@link org.concord.store.jdbc.Stores#open}.
 */
package org.concord.store.jdbc;
