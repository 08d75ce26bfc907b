package org.concord.connector.imap;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.concord.spi.ChangeBatch;
import org.concord.spi.Connector;
import org.concord.spi.ConnectorException;
import org.concord.spi.Description;
import org.concord.spi.FeedRequest;
import org.concord.spi.FolderListing;
import org.concord.spi.Health;
import org.concord.spi.ListRequest;
import org.concord.spi.MailFolder;
import org.concord.spi.Mailbox;
import org.concord.spi.MessageLocator;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Users' mailboxes on one IMAP server. It describes no item types, so the engine reads and writes
 * nothing through it and only its watchdog pings it (which tells an admin when the mail server
 * is down); archiving uses it as a {@link Mailbox}. Every mailbox call logs in as the user on a
 * connection of its own and logs out at its end, so calls never share state and may overlap.
 */
final class ImapConnector implements Connector, Mailbox {
    private final ImapSettings settings;
    private final Connections connections;

    ImapConnector(ImapSettings settings, Optional<PrintStream> protocolTrace) {
        this.settings = settings;
        this.connections = new Connections(settings, protocolTrace);
    }

    @Override
    public Description describe() {
        return new Description(ImapConnectorFactory.KIND, Set.of(), Set.of());
    }

    @Override
    public void open() {
        // nothing to prepare: each mailbox call connects on its own
    }

    @Override
    public ChangeBatch getChanges(FeedRequest request) {
        return ChangeBatch.empty(request.since());
    }

    @Override
    public List<WriteResult> setChanges(List<Write> writes) {
        List<WriteResult> out = new ArrayList<>();
        for (Write w : writes) {
            out.add(new WriteResult.Rejected("imap '" + settings.system() + "' holds e-mail only, not "
                    + w.scope().type().code() + "s"));
        }
        return out;
    }

    @Override
    public Health ping() {
        return Greeting.check(settings);
    }

    @Override
    public void close() {
        // no connection outlives its call, except fetch streams, which their readers close
    }

    @Override
    public List<MailFolder> folders(String user) throws ConnectorException {
        IMAPStore store = connections.open(user);
        try {
            List<MailFolder> out = new ArrayList<>();
            for (Folder f : store.getDefaultFolder().list("*")) {
                out.add(new MailFolder(f.getFullName(), (f.getType() & Folder.HOLDS_MESSAGES) != 0));
            }
            return out;
        } catch (MessagingException e) {
            throw Failures.of(Failures.where(settings.system(), user, null, 0), "listing folders", e, settings);
        } finally {
            Connections.closeQuietly(store);
        }
    }

    @Override
    public FolderListing list(ListRequest request) throws ConnectorException {
        String where = Failures.where(settings.system(), request.user(), request.folder(), 0);
        IMAPStore store = connections.open(request.user());
        try {
            IMAPFolder folder = (IMAPFolder) store.getFolder(request.folder());
            if (!folder.exists()) {
                throw new PermanentConnectorException(where + ": no such folder");
            }
            try {
                return FolderLister.list(store, folder, request);
            } finally {
                if (folder.isOpen()) {
                    folder.close(false);
                }
            }
        } catch (MessagingException e) {
            throw Failures.of(where, "listing messages", e, settings);
        } finally {
            Connections.closeQuietly(store);
        }
    }

    @Override
    public InputStream fetch(MessageLocator message) throws ConnectorException {
        String where = Failures.where(settings.system(), message.user(), message.folder(), message.uid());
        IMAPStore store = connections.open(message.user());
        IMAPFolder folder = null;
        try {
            folder = (IMAPFolder) store.getFolder(message.folder());
            if (!folder.exists()) {
                throw new PermanentConnectorException(where + ": no such folder");
            }
            folder.open(Folder.READ_ONLY);
            Message m = folder.getMessageByUID(message.uid());
            if (m == null || m.isExpunged()) {
                throw new PermanentConnectorException(where + ": no such message (UIDVALIDITY " + folder.getUIDValidity() + ")");
            }
            IMAPMessage im = (IMAPMessage) m;
            im.setPeek(true);
            return new MessageStream(im.getMimeStream(), store, folder, where);
        } catch (MessagingException | ConnectorException | RuntimeException e) {
            if (folder != null && folder.isOpen()) {
                try {
                    folder.close(false);
                } catch (MessagingException ignored) {
                    // closing the store below ends it anyway
                }
            }
            Connections.closeQuietly(store);
            if (e instanceof MessagingException me) {
                throw Failures.of(where, "fetching the message", me, settings);
            }
            if (e instanceof ConnectorException ce) {
                throw ce;
            }
            throw (RuntimeException) e;
        }
    }

    ImapSettings settings() {
        return settings;
    }
}
