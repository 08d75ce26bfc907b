/**
 * The jdbc connector: a CRM or business database on MariaDB/MySQL or PostgreSQL as a system of
 * Concord. Changes are captured by triggers into a change log (or, where triggers are not allowed,
 * by polling a modified-at column), and written back in transactions with an optimistic check.
 */
package org.concord.connector.jdbc;
