package org.concord.server;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.concord.spi.ArchiveOutcome;
import org.concord.spi.ConnectorException;
import org.concord.spi.FolderListing;
import org.concord.spi.ListRequest;
import org.concord.spi.MailEnvelope;
import org.concord.spi.MailFolder;
import org.concord.spi.MessageLocator;
import org.concord.spi.RecordQuery;
import org.concord.spi.RecordRef;

/**
 * What the archive flow of the console and the REST API needs from the hub: the mailboxes to
 * browse, the systems that file e-mail and their records, and filing one message. The app
 * implements it over the configured connectors; the server gives it to {@link AdminServer#start}.
 *
 * <p><b>Access:</b> the server decides who may ask before it calls: only the mailbox owner or an
 * admin sees or archives a user's messages. The {@link Asker} passed to {@link #read} and
 * {@link #archive} lets the implementation check again.
 *
 * <p><b>Threading:</b> every call may run beside any other (the console serves several users at
 * once). Calls block; an interrupt asks them to stop soon.
 *
 * <p><b>Memory:</b> a message is never held whole in memory: {@link #read} and {@link #archive}
 * spool it and let it go before they answer.
 */
public interface ArchiveDesk {

    /** The names of the systems whose mailboxes can be browsed (imap systems), in config order. */
    List<String> mailboxes();

    /** The systems that can file e-mail, in config order. */
    List<Target> targets();

    /** A user's folders in a mailbox system; {@code user} is that system's user name. */
    List<MailFolder> folders(String system, String user) throws Refusal, ConnectorException, InterruptedException;

    /** A folder's newest messages (a full listing). */
    FolderListing list(String system, ListRequest request) throws Refusal, ConnectorException, InterruptedException;

    /** Reads one message: its envelope, its attachments (names, types, sizes) and what could not be read. */
    MessageView read(String system, MessageLocator message, Asker asker)
            throws Refusal, ConnectorException, InterruptedException;

    /** Records of a target system matching the query's text. */
    List<RecordRef> search(String system, RecordQuery query) throws Refusal, ConnectorException, InterruptedException;

    /** Records of a target system with one of these e-mail addresses, best first. */
    List<RecordRef> suggest(String system, List<String> addresses, Optional<String> user, int limit)
            throws Refusal, ConnectorException, InterruptedException;

    /**
     * Files the message to the order's records (the records of the mailbox owner) with the chosen
     * attachments; every filing is in the audit log.
     */
    Filing archive(Order order, Asker asker) throws Refusal, ConnectorException, InterruptedException;

    /**
     * A system that files e-mail.
     *
     * @param searches whether its records can be searched (otherwise the user types a record's id)
     * @param sizeCap the largest message it files, in bytes
     */
    record Target(String name, String kind, boolean searches, long sizeCap) {
        public Target {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * Who asks: a hub user (canonical name) who may act on their own mailbox only, or an admin.
     */
    record Asker(String name, boolean admin) {
        public Asker {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A message as read, without its bodies. */
    record MessageView(MailEnvelope envelope, long size, List<AttachmentView> attachments, List<String> warnings) {
        public MessageView {
            Objects.requireNonNull(envelope, "envelope");
            attachments = List.copyOf(attachments);
            warnings = List.copyOf(warnings);
        }
    }

    /** One attachment: its name (unique in the message), media type and decoded size in bytes. */
    record AttachmentView(String name, String mediaType, long size) {}

    /**
     * File the message at {@code message} of mailbox system {@code system} to {@code records},
     * with the attachments named (a subset of the message's, by name).
     */
    record Order(String system, MessageLocator message, List<String> attachments, List<RecordChoice> records) {
        public Order {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(message, "message");
            attachments = List.copyOf(attachments);
            records = List.copyOf(records);
        }
    }

    /** A record the user chose: its system, type and id (the owner is the mailbox's). */
    record RecordChoice(String system, String type, String id) {
        public RecordChoice {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(id, "id");
        }
    }

    /** What an archive did: one outcome per record, the attachments filed, and every warning. */
    record Filing(MailEnvelope envelope, long size, List<String> attachments, List<Outcome> outcomes,
            List<String> warnings) {
        public Filing {
            Objects.requireNonNull(envelope, "envelope");
            attachments = List.copyOf(attachments);
            outcomes = List.copyOf(outcomes);
            warnings = List.copyOf(warnings);
        }
    }

    /** How filing to one record of one system ended. */
    record Outcome(String system, ArchiveOutcome outcome) {}

    /** An order the desk will not carry out; {@link Kind} says why, the message names the object. */
    final class Refusal extends Exception {
        /** Why: no such system or message, a malformed order, or an asker without the right. */
        public enum Kind { NOT_FOUND, BAD_ORDER, FORBIDDEN }

        private final Kind kind;

        public Refusal(Kind kind, String message) {
            super(message, null, false, false);
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        public Kind kind() {
            return kind;
        }
    }
}
