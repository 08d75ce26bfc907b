/**
 * The store: links, cursors, pending entries, sync errors, conflicts, system states and item
 * history. It keeps references and state, never a copy of user data, pending payloads excepted
 * (they are in flight). SQLite embedded by default; PostgreSQL for servers.
 *
 * <p>Everything the engine changes for one batch of changes happens in one
 * {@link Store#transact transaction}, which is what makes reading at-least-once but its effect
 * exactly-once.
 */
package org.concord.store;
