/**
 * The jdbc connector: a CRM or business database on MariaDB/MySQL or PostgreSQL as a system of
 * Concord. Changes are captured by triggers into a change log (or, where triggers are not allowed,
 * by polling a modified-at column), and written back in transactions with an optimistic check.
 * With an archive layout it is also an archive target: e-mail filed into the CRM's own tables, its
 * records found by name, company and e-mail address.
 */
package org.concord.connector.jdbc;
