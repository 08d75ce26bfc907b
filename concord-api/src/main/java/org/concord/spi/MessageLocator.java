package org.concord.spi;

import java.util.Objects;

/**
 * Where a message is: a user's folder and the message's IMAP UID in it. Written
 * {@code USER/FOLDER/UID} (the folder may hold slashes itself).
 */
public record MessageLocator(String user, String folder, long uid) {
    public MessageLocator {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(folder, "folder");
        if (user.isBlank() || folder.isBlank()) {
            throw new IllegalArgumentException("a message needs a user and a folder");
        }
        if (uid < 1) {
            throw new IllegalArgumentException("a UID is a positive number, not " + uid);
        }
    }

    /** Reads {@code USER/FOLDER/UID}. */
    public static MessageLocator parse(String text) {
        int first = text.indexOf('/');
        int last = text.lastIndexOf('/');
        if (first <= 0 || last <= first + 1 || last == text.length() - 1) {
            throw new IllegalArgumentException("expected USER/FOLDER/UID, found '" + text + "'");
        }
        long uid;
        try {
            uid = Long.parseLong(text.substring(last + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected USER/FOLDER/UID with a numeric UID, found '" + text + "'");
        }
        return new MessageLocator(text.substring(0, first), text.substring(first + 1, last), uid);
    }

    @Override
    public String toString() {
        return user + "/" + folder + "/" + uid;
    }
}
