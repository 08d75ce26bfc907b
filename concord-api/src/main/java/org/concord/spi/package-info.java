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
 *
 * <p>Archiving, beside sync: a <em>mailbox</em> ({@link org.concord.spi.Mailbox}) serves a user's
 * e-mail messages; an <em>archive target</em> ({@link org.concord.spi.ArchiveTarget}) files one
 * message with chosen attachments to <em>records</em> (a contact, an account, a project), once
 * per Message-ID and record, and finds records by name, e-mail address or company.
 */
package org.concord.spi;
