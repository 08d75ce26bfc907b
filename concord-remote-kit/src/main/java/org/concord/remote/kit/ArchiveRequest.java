package org.concord.remote.kit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One e-mail message to file to a record, once: {@code messageId} is the idempotency key, so a
 * message archived twice is filed once.
 */
public record ArchiveRequest(String messageId, String user, ObjectType targetType, String targetId, String subject,
        String from, List<String> to, Optional<OffsetDateTime> date, String text, List<Attachment> attachments) {
    public ArchiveRequest {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(targetId, "targetId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(text, "text");
        attachments = List.copyOf(attachments);
    }

    /** One attachment, decoded. */
    public record Attachment(String name, String mediaType, byte[] content) {
        public Attachment {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(mediaType, "mediaType");
            content = content.clone();
        }

        @Override
        public byte[] content() {
            return content.clone();
        }
    }
}
