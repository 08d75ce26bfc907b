/**
 * The connector SPI: what a connector offers the engine (read a change feed, write changes,
 * ping) and the values that cross that boundary.
 *
 * <p>Glossary, as in DESIGN.md: a <em>system</em> is one connected server or store, named in
 * the config; a <em>connector</em> serves one kind of system; an <em>object</em> is one contact,
 * event, task or note as it lives in one system, with a native id and a native version; a
 * <em>scope</em> is (user, type); a <em>cursor</em> is an opaque position in a system's change
 * feed; a <em>change</em> is one upsert or delete read from a feed; a <em>write</em> is one
 * create, update or delete the engine asks a system to make.
 */
package org.concord.spi;
