package org.concord.spi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One message of a folder listing, from its envelope and structure, without its body.
 *
 * @param from the sender as written ({@code Ada Lovelace <ada@example.org>})
 * @param to every recipient's address (To and Cc)
 * @param size the size of the RFC 822 source in bytes
 * @param attachments the attachments' file names
 */
public record MessageSummary(long uid, String messageId, String from, List<String> to, String subject,
        Optional<Instant> date, long size, List<String> attachments) {
    public MessageSummary {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(date, "date");
        attachments = List.copyOf(attachments);
    }
}
