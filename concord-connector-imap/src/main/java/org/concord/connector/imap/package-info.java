/**
 * The {@code imap} connector: users' mailboxes on an IMAP server (folders, cheap listings with
 * CONDSTORE/QRESYNC, message sources streamed on demand) for archiving; it syncs no item types.
 */
package org.concord.connector.imap;
