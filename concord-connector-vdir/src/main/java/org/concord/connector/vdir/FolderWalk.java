package org.concord.connector.vdir;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * A resumable walk over every object file of the folder: user folders in name order, their
 * collection folders, and the files of one collection folder at a time, streamed from the
 * directory. It holds one open directory, never the listing, so memory stays flat however many
 * files a folder holds; the caller pauses it between calls and resumes where it stopped.
 */
final class FolderWalk implements AutoCloseable {

    private final Layout layout;
    private final List<String> users;
    private int userIndex;
    private int collectionIndex = -1;
    private DirectoryStream<Path> stream;
    private Iterator<Path> files;
    private ObjectFile ahead;

    /** Lists the user folders now (a short list: one name per user) and walks their files lazily. */
    FolderWalk(Layout layout) throws IOException {
        this.layout = layout;
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(layout.root())) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Layout.userNameProblem(name).isEmpty() && layout.includesUser(name) && Files.isDirectory(entry)) {
                    names.add(name);
                }
            }
        } catch (DirectoryIteratorException e) {
            throw e.getCause();
        }
        names.sort(null);
        this.users = names;
    }

    /** The next object file, or empty when the walk is over. */
    Optional<ObjectFile> next() throws IOException {
        if (ahead != null) {
            ObjectFile file = ahead;
            ahead = null;
            return Optional.of(file);
        }
        while (true) {
            if (files != null) {
                Optional<ObjectFile> file = nextInFolder();
                if (file.isPresent()) {
                    return file;
                }
                closeFolder();
            }
            if (!openNextFolder()) {
                return Optional.empty();
            }
        }
    }

    /** Whether {@link #next()} has another file; reads ahead by one. */
    boolean hasNext() throws IOException {
        if (ahead == null) {
            ahead = next().orElse(null);
        }
        return ahead != null;
    }

    private Optional<ObjectFile> nextInFolder() {
        try {
            while (files.hasNext()) {
                Path path = files.next();
                String name = path.getFileName().toString();
                if (Layout.isTempFileName(name)) {
                    StagedFile.removeIfAbandoned(path);
                } else if (Layout.isObjectFileName(name)) {
                    // the folder's user and collection were checked when it was opened
                    return Optional.of(new ObjectFile(users.get(userIndex), Layout.COLLECTIONS.get(collectionIndex), name, path));
                }
            }
        } catch (DirectoryIteratorException e) {
            // the folder went away while we read it: the files left are found missing later
        }
        return Optional.empty();
    }

    private boolean openNextFolder() throws IOException {
        while (userIndex < users.size()) {
            collectionIndex++;
            if (collectionIndex >= Layout.COLLECTIONS.size()) {
                collectionIndex = -1;
                userIndex++;
                continue;
            }
            Path folder = layout.root().resolve(users.get(userIndex)).resolve(Layout.COLLECTIONS.get(collectionIndex));
            try {
                stream = Files.newDirectoryStream(folder);
                files = stream.iterator();
                return true;
            } catch (NoSuchFileException | NotDirectoryException e) {
                // this user has no such collection
            }
        }
        return false;
    }

    private void closeFolder() throws IOException {
        files = null;
        if (stream != null) {
            DirectoryStream<Path> open = stream;
            stream = null;
            open.close();
        }
    }

    @Override
    public void close() {
        try {
            closeFolder();
        } catch (IOException e) {
            // closing a directory handle we only read: nothing to lose
        }
    }
}
