package org.concord.spi;

import java.util.Objects;

/**
 * One attachment of a message, decoded.
 *
 * @param name its file name, unique within the message (a second {@code plan.pdf} is {@code plan (2).pdf})
 * @param mediaType its media type, e.g. {@code application/pdf}
 * @param size its decoded size in bytes
 * @param content its decoded bytes, opened on demand
 */
public record MailAttachment(String name, String mediaType, long size, StreamSource content) {
    public MailAttachment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(content, "content");
        if (size < 0) {
            throw new IllegalArgumentException("negative size of attachment " + name);
        }
    }
}
