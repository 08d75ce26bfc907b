package org.concord.spi;

import java.util.List;
import java.util.Objects;

/**
 * File one message to one or more records of a system, once per Message-ID and record.
 *
 * @param message the message; its source is filed whole where the target keeps sources
 * @param attachments the attachments the user chose, a subset of the message's
 * @param records the records to file it to, each in its owner's scope
 * @param filedBy who archives, for the target's record of it (the caller has checked that this
 *     person may archive the message: the mailbox owner or an admin)
 */
public record ArchiveRequest(MailMessage message, List<MailAttachment> attachments, List<RecordKey> records,
        String filedBy) {
    public ArchiveRequest {
        Objects.requireNonNull(message, "message");
        attachments = List.copyOf(attachments);
        records = List.copyOf(records);
        Objects.requireNonNull(filedBy, "filedBy");
        if (records.isEmpty()) {
            throw new IllegalArgumentException("archive of " + message.envelope().messageId() + " names no record");
        }
        for (MailAttachment a : attachments) {
            if (!message.attachments().contains(a)) {
                throw new IllegalArgumentException("attachment '" + a.name() + "' is not one of the message's");
            }
        }
    }
}
