package org.concord.connector.imap;

import jakarta.mail.Address;
import jakarta.mail.FetchProfile;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.UIDFolder;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.concord.spi.MessageSummary;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;

/**
 * Message summaries from ENVELOPE, BODYSTRUCTURE and RFC822.SIZE, fetched for many messages in one
 * command. Attachment names come from the structure alone: no body is downloaded.
 */
final class Summaries {
    private Summaries() {}

    static final FetchProfile PROFILE = profile();

    private static FetchProfile profile() {
        FetchProfile p = new FetchProfile();
        p.add(UIDFolder.FetchProfileItem.UID);
        p.add(FetchProfile.Item.ENVELOPE);
        p.add(FetchProfile.Item.CONTENT_INFO);
        p.add(FetchProfile.Item.SIZE);
        return p;
    }

    /** Summaries of {@code messages}, fetched in one go, in the order given. */
    static List<MessageSummary> of(IMAPFolder folder, Message[] messages) throws MessagingException {
        if (messages.length == 0) {
            return List.of();
        }
        folder.fetch(messages, PROFILE);
        List<MessageSummary> out = new ArrayList<>(messages.length);
        for (Message m : messages) {
            if (!m.isExpunged()) {
                out.add(of(folder, (IMAPMessage) m));
            }
        }
        return out;
    }

    private static MessageSummary of(IMAPFolder folder, IMAPMessage m) throws MessagingException {
        Date date = m.getSentDate() != null ? m.getSentDate() : m.getReceivedDate();
        List<String> to = new ArrayList<>();
        addresses(m.getRecipients(Message.RecipientType.TO), to);
        addresses(m.getRecipients(Message.RecipientType.CC), to);
        List<String> attachments = new ArrayList<>();
        try {
            attachments(m, attachments, 0);
        } catch (IOException | MessagingException e) {
            attachments.add("(structure unreadable: " + e.getMessage() + ")");
        }
        String messageId = m.getMessageID();
        return new MessageSummary(folder.getUID(m), messageId == null ? "" : messageId, from(m), to,
                m.getSubject() == null ? "" : m.getSubject(), Optional.ofNullable(date).map(Date::toInstant),
                Math.max(0, m.getSize()), attachments);
    }

    private static String from(IMAPMessage m) throws MessagingException {
        Address[] from = m.getFrom();
        if (from == null || from.length == 0) {
            return "";
        }
        return from[0] instanceof InternetAddress ia ? ia.toUnicodeString() : from[0].toString();
    }

    private static void addresses(Address[] list, List<String> into) {
        if (list == null) {
            return;
        }
        for (Address a : list) {
            if (a instanceof InternetAddress ia && ia.getAddress() != null) {
                into.add(ia.getAddress().toLowerCase(Locale.ROOT));
            }
        }
    }

    /**
     * Walks the structure: a part with a file name or an attachment disposition is an attachment;
     * a multipart is entered; a nested message is one attachment, not entered. For an IMAP message
     * the multiparts come from BODYSTRUCTURE, so nothing here reads a body.
     */
    private static void attachments(Part part, List<String> into, int depth) throws MessagingException, IOException {
        if (depth > 20) {
            return;
        }
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (content instanceof Multipart mp) {
                for (int i = 0; i < mp.getCount(); i++) {
                    attachments(mp.getBodyPart(i), into, depth + 1);
                }
            }
            return;
        }
        String name = fileName(part);
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
        if (name != null) {
            into.add(name);
        } else if (part.isMimeType("message/rfc822")) {
            into.add("message.eml");
        } else if (attached) {
            into.add("attachment");
        }
    }

    static String fileName(Part part) throws MessagingException {
        String name = part.getFileName();
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return MimeUtility.decodeText(name).strip();
        } catch (UnsupportedEncodingException e) {
            return name.strip();
        }
    }
}
