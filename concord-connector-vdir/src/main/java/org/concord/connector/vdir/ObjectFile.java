package org.concord.connector.vdir;

import java.nio.file.Path;
import org.concord.model.ItemType;
import org.concord.spi.Scope;

/**
 * One object file of the folder, located by its parts.
 *
 * @param user the user folder's name, which is the scope's user
 * @param collection one of the four collection folders
 * @param fileName the file's name, extension included
 * @param path the file's absolute path
 */
record ObjectFile(String user, String collection, String fileName, Path path) {

    /** The native id: the path relative to the folder, with '/' separators. */
    String nativeId() {
        return user + "/" + collection + "/" + fileName;
    }

    boolean isVCard() {
        return Layout.hasExtension(fileName, Layout.VCARD_EXTENSION);
    }

    /** The type this file's collection holds; an object's own content may say otherwise. */
    ItemType collectionType() {
        return Layout.typeOfCollection(collection).orElseThrow();
    }

    /** The scope to report for this file when its content is not known (unreadable, gone and never synced). */
    Scope fallbackScope() {
        return new Scope(user, isVCard() ? ItemType.CONTACT : collectionType());
    }

    Path folder() {
        return path.getParent();
    }
}
