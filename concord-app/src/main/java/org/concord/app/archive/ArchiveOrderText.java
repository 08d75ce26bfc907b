package org.concord.app.archive;

/** Reads the CLI's (and the REST API's) written forms of an archive order's parts. */
public final class ArchiveOrderText {
    private ArchiveOrderText() {}

    /** {@code imap:SYSTEM/USER/FOLDER/UID} or a file path. */
    public static MessageSource source(String text) throws OrderException {
        return MessageSource.parse(text);
    }

    /** {@code SYSTEM:TYPE/ID}. */
    public static TargetRef target(String text) throws OrderException {
        return TargetRef.parse(text);
    }

    /** {@code all}, {@code none} or {@code NAME,NAME,…}. */
    public static AttachmentChoice attachments(String text) {
        return AttachmentChoice.parse(text);
    }
}
