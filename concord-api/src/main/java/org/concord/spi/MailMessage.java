package org.concord.spi;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One e-mail message, read: its envelope, its full RFC 822 source, its attachments, and what
 * could not be read. The source and the attachments are streams opened on demand (the message is
 * spooled to a file by whoever made this value), so a 25 MB attachment is never whole in memory.
 *
 * @param size the size of the RFC 822 source in bytes
 * @param source the RFC 822 source exactly as received
 * @param warnings what could not be read (broken MIME, an undecodable part), in words for a
 *     user; the message is still archived with what could be read
 */
public record MailMessage(MailEnvelope envelope, long size, StreamSource source, List<MailAttachment> attachments,
        List<String> warnings) {
    public MailMessage {
        Objects.requireNonNull(envelope, "envelope");
        Objects.requireNonNull(source, "source");
        attachments = List.copyOf(attachments);
        warnings = List.copyOf(warnings);
    }

    public Optional<MailAttachment> attachment(String name) {
        return attachments.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
