package org.concord.spi;

import java.util.Objects;

/**
 * A folder of a mailbox.
 *
 * @param name the full name, as {@link Mailbox#list} takes it ({@code INBOX}, {@code Archive/2025})
 * @param holdsMessages false for a folder that only holds other folders
 */
public record MailFolder(String name, boolean holdsMessages) {
    public MailFolder {
        Objects.requireNonNull(name, "name");
    }
}
