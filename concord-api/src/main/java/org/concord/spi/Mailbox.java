package org.concord.spi;

import java.io.InputStream;
import java.util.List;

/**
 * A connector whose system holds users' e-mail (an IMAP server): the folders and messages of a
 * user's mailbox, and a message's RFC 822 source on demand, so a message can be archived. It
 * syncs nothing: such a connector describes no item types, and the engine only pings it.
 *
 * <p><b>Lifecycle:</b> calls are made on an open connector, between {@link Connector#open()} and
 * {@link Connector#close()}. A stream from {@link #fetch} holds its own connection until closed.
 *
 * <p><b>Threading:</b> every call may run beside any other, from any thread (the console serves
 * several users at once).
 *
 * <p><b>Access:</b> a mailbox serves any user it has credentials for (or every user, with a
 * master login): deciding who may read whose mailbox is the caller's job. Only the mailbox owner
 * or an admin may see or archive a user's messages.
 */
public interface Mailbox {

    /** The user's folders, in the server's order; names are full names with the server's separator. */
    List<MailFolder> folders(String user) throws ConnectorException, InterruptedException;

    /**
     * The folder's messages: all of them (newest first, at most {@code limit}) on a first
     * listing, or only what changed since the listing whose state the request carries, where the
     * server can tell (CONDSTORE/QRESYNC); an unchanged folder then costs no message fetch at all.
     */
    FolderListing list(ListRequest request) throws ConnectorException, InterruptedException;

    /**
     * The message's full RFC 822 source as a stream, read from the server as the caller reads it.
     * The caller closes it. A message that is not there is a {@link PermanentConnectorException}
     * naming the system, user, folder and UID.
     */
    InputStream fetch(MessageLocator message) throws ConnectorException, InterruptedException;
}
