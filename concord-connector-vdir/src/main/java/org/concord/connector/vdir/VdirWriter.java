package org.concord.connector.vdir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.concord.codec.CodecException;
import org.concord.codec.VCardVersion;
import org.concord.model.Payload;
import org.concord.spi.ConnectorException;
import org.concord.spi.RetryableConnectorException;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;

/**
 * Applies the engine's writes to files. Creates are named after the global id, so a create
 * repeated after a lost reply rewrites the same file; updates and deletes check the expected
 * version against a fresh stat (again just before the rename, to keep the race with a user's
 * edit as short as a file system allows). Used by the writer thread only.
 *
 * <p>The writes of one batch touch distinct files (one pending entry per item, creates named
 * after distinct global ids), so they are applied side by side: each file's content must reach
 * the disk (fsync) before its rename, and syncs issued together share the file system's journal
 * commits instead of waiting for one each, in turn.
 */
final class VdirWriter {

    /** Files of a batch written at once; more add little but open files. */
    static final int PARALLEL_WRITES = 16;

    private final String system;
    private final Layout layout;
    private final VCardVersion vcardVersion;
    private final FolderWatcher watcher;
    private final RecentWrites recent;

    VdirWriter(String system, Layout layout, VCardVersion vcardVersion, FolderWatcher watcher, RecentWrites recent) {
        this.system = system;
        this.layout = layout;
        this.vcardVersion = vcardVersion;
        this.watcher = watcher;
        this.recent = recent;
    }

    /**
     * Applies the writes, then syncs each folder they changed once (renames and removals are
     * durable only then) before answering: a batch of a thousand creates costs a thousand file
     * syncs and a few folder syncs, not two thousand syncs.
     */
    List<WriteResult> apply(List<Write> writes) throws ConnectorException, InterruptedException {
        if (!Files.isDirectory(layout.root())) {
            // an unmounted disk looks like this: never recreate the root under the mount point
            throw new RetryableConnectorException("vdir '" + system + "': folder " + layout.root() + " is missing");
        }
        List<WriteResult> results = applyAll(writes);
        Map<Path, List<Integer>> changedFolders = new LinkedHashMap<>();
        for (int i = 0; i < writes.size(); i++) {
            int index = i;
            changedFolder(writes.get(i), results.get(i)).ifPresent(folder ->
                    changedFolders.computeIfAbsent(folder, f -> new ArrayList<>()).add(index));
        }
        changedFolders.forEach((folder, indexes) -> {
            try {
                StagedFile.syncFolder(folder);
            } catch (IOException e) {
                for (int i : indexes) {
                    results.set(i, new WriteResult.Unavailable(describe(writes.get(i))
                            + " is not durable: syncing folder " + folder + " failed: " + e));
                }
            }
        });
        return results;
    }

    /** Applies every write, up to {@value #PARALLEL_WRITES} at once; the results in the order of the writes. */
    private List<WriteResult> applyAll(List<Write> writes) throws InterruptedException {
        if (writes.size() == 1) {
            if (Thread.interrupted()) {
                throw new InterruptedException("vdir '" + system + "': stopped before its write");
            }
            return new ArrayList<>(List.of(applyOne(writes.get(0))));
        }
        Semaphore slots = new Semaphore(PARALLEL_WRITES);
        List<WriteResult> results = new ArrayList<>(writes.size());
        ExecutorService pool = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("vdir-write-" + system + "-", 0).factory());
        try {
            List<Future<WriteResult>> pending = new ArrayList<>(writes.size());
            for (Write write : writes) {
                slots.acquire();
                pending.add(pool.submit(() -> {
                    try {
                        return applyOne(write);
                    } finally {
                        slots.release();
                    }
                }));
            }
            for (Future<WriteResult> f : pending) {
                results.add(f.get());
            }
            return results;
        } catch (InterruptedException e) {
            pool.shutdownNow();
            throw new InterruptedException("vdir '" + system + "': stopped after " + results.size() + " of "
                    + writes.size() + " writes");
        } catch (ExecutionException e) {
            // applyOne turns every failure of one file into its result: what escapes is a bug, thrown as it was
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("vdir '" + system + "': a write failed unexpectedly", e.getCause());
        } finally {
            pool.close();
        }
    }

    /** The folder a write changed, if it changed one. */
    private Optional<Path> changedFolder(Write write, WriteResult result) {
        return switch (result) {
            case WriteResult.Written w -> layout.parseAnyUser(w.nativeId()).map(ObjectFile::folder);
            case WriteResult.Deleted d when write instanceof Write.Delete delete ->
                    layout.parseAnyUser(delete.nativeId()).map(ObjectFile::folder).filter(Files::isDirectory);
            default -> Optional.empty();
        };
    }

    private WriteResult applyOne(Write write) {
        String what = describe(write);
        try {
            return switch (write) {
                case Write.Create create -> create(create, what);
                case Write.Update update -> update(update, what);
                case Write.Delete delete -> delete(delete, what);
            };
        } catch (Unencodable e) {
            return new WriteResult.Rejected(what + " refused: " + e.getMessage());
        } catch (AccessDeniedException e) {
            return new WriteResult.Rejected(what + " refused: permission denied on " + e.getFile());
        } catch (IOException e) {
            return new WriteResult.Unavailable(what + " failed: " + e);
        }
    }

    private WriteResult create(Write.Create create, String what) throws IOException, Unencodable {
        String user = create.scope().user();
        Optional<String> problem = userProblem(user);
        if (problem.isPresent()) {
            return new WriteResult.Rejected(what + " refused: " + problem.get());
        }
        if (create.payload().type() != create.scope().type()) {
            return new WriteResult.Rejected(what + " refused: a " + create.payload().type().code() + " payload in scope "
                    + create.scope());
        }
        ObjectFile file = layout.forCreate(user, create.scope().type(), create.globalId());
        Encoded content = encode(file, create.payload(), vcardVersion);
        makeFolders(file);
        try (StagedFile staged = StagedFile.stage(file.path(), content.bytes())) {
            staged.commit();
            recent.wrote(file.nativeId(), staged.version(), content.bytes());
            return new WriteResult.Written(file.nativeId(), staged.version(), content.stored());
        }
    }

    private WriteResult update(Write.Update update, String what) throws IOException, Unencodable {
        Optional<ObjectFile> found = layout.parseAnyUser(update.nativeId());
        if (found.isEmpty()) {
            return new WriteResult.Rejected(what + " refused: '" + update.nativeId() + "' is not a file of this folder");
        }
        ObjectFile file = found.get();
        Optional<String> problem = userProblem(file.user());
        if (problem.isPresent()) {
            return new WriteResult.Rejected(what + " refused: " + problem.get());
        }
        if (!Formats.fits(file, update.payload().type())) {
            return new WriteResult.Rejected(what + " refused: a " + update.payload().type().code() + " cannot be written to "
                    + file.fileName());
        }
        Optional<WriteResult> stale = precondition(file, update.expectedVersion(), what, false);
        if (stale.isPresent()) {
            return stale.get();
        }
        Encoded content = encode(file, update.payload(), versionToRewrite(file));
        try (StagedFile staged = StagedFile.stage(file.path(), content.bytes())) {
            stale = precondition(file, update.expectedVersion(), what, false);
            if (stale.isPresent()) {
                return stale.get();
            }
            staged.commit();
            recent.wrote(file.nativeId(), staged.version(), content.bytes());
            return new WriteResult.Written(file.nativeId(), staged.version(), content.stored());
        }
    }

    private WriteResult delete(Write.Delete delete, String what) throws IOException {
        Optional<ObjectFile> found = layout.parseAnyUser(delete.nativeId());
        if (found.isEmpty()) {
            // no file of this folder has such a name: there is nothing to delete, and nothing is touched
            return new WriteResult.Deleted();
        }
        ObjectFile file = found.get();
        Optional<String> problem = userProblem(file.user());
        if (problem.isPresent()) {
            return new WriteResult.Rejected(what + " refused: " + problem.get());
        }
        Optional<WriteResult> stale = precondition(file, delete.expectedVersion(), what, true);
        if (stale.isPresent()) {
            return stale.get();
        }
        try {
            Files.delete(file.path());
        } catch (NoSuchFileException e) {
            // gone meanwhile: deleted all the same
        }
        return new WriteResult.Deleted();
    }

    /** Empty if the file may be replaced; otherwise why not (changed meanwhile, or gone). */
    private Optional<WriteResult> precondition(ObjectFile file, Optional<String> expected, String what, boolean deleting)
            throws IOException {
        String current;
        try {
            current = FileVersion.of(Files.readAttributes(file.path(), BasicFileAttributes.class));
        } catch (NoSuchFileException e) {
            return Optional.of(deleting
                    ? new WriteResult.Deleted()
                    : new WriteResult.Gone(what + " found no file: " + file.path() + " was deleted meanwhile"));
        }
        if (expected.isPresent() && !expected.get().equals(current)) {
            return Optional.of(new WriteResult.PreconditionFailed(what + " refused: " + file.path()
                    + " changed meanwhile (version " + current + ", expected " + expected.get() + ")"));
        }
        return Optional.empty();
    }

    private Optional<String> userProblem(String user) {
        Optional<String> problem = Layout.userNameProblem(user);
        if (problem.isPresent()) {
            return Optional.of("user name '" + user + "' cannot be a folder name: " + problem.get());
        }
        if (!layout.includesUser(user)) {
            return Optional.of("user '" + user + "' is not among the users this system syncs");
        }
        return Optional.empty();
    }

    /** Makes the user and collection folders as needed, watching each before anything is written into it. */
    private void makeFolders(ObjectFile file) throws IOException {
        Path userFolder = layout.root().resolve(file.user());
        for (Path folder : List.of(userFolder, file.folder())) {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder);
                StagedFile.syncFolder(folder.getParent());
                watcher.folderCreated(folder);
            }
        }
    }

    /**
     * Encodes a payload and decodes the result again, as the next read will: when the format
     * cannot hold all of it, the hub learns what the file will read back as, so it recognizes
     * the file as its own write. A payload whose file would not read back is refused.
     */
    private Encoded encode(ObjectFile file, Payload payload, VCardVersion version) throws Unencodable {
        String text;
        try {
            text = Formats.encode(payload, version);
        } catch (RuntimeException e) {
            // a codec bug on one odd object is that object's sync error, not the batch's
            throw new Unencodable("it cannot be encoded: " + message(e));
        }
        Payload readBack;
        try {
            readBack = Formats.decode(file, text);
        } catch (CodecException | RuntimeException e) {
            throw new Unencodable("its encoding would not read back: " + message(e));
        }
        // the same tree has the same hash, and is the common case: hashing both costs more than the encoding
        Optional<Payload> stored = readBack.equals(payload) || readBack.contentHash().equals(payload.contentHash())
                ? Optional.empty()
                : Optional.of(readBack);
        return new Encoded(text.getBytes(StandardCharsets.UTF_8), stored);
    }

    /** An updated vCard file keeps its version; a file that cannot be read gets the configured one. */
    private VCardVersion versionToRewrite(ObjectFile file) {
        if (!file.isVCard()) {
            return vcardVersion;
        }
        try {
            if (Files.size(file.path()) > FileExaminer.MAX_FILE_BYTES) {
                return vcardVersion;
            }
            return Formats.rewriteVersion(Files.readString(file.path()), vcardVersion);
        } catch (IOException e) {
            // gone (the precondition answers that) or not UTF-8: the configured version will do
            return vcardVersion;
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** A file's bytes, and what it reads back as when that differs from the payload written. */
    private record Encoded(byte[] bytes, Optional<Payload> stored) {}

    private String describe(Write write) {
        String object = write.scope().type().code() + " " + write.globalId();
        return "vdir '" + system + "': " + switch (write) {
            case Write.Create c -> "create of " + object;
            case Write.Update u -> "update of " + object + " (" + u.nativeId() + ")";
            case Write.Delete d -> "delete of " + object + " (" + d.nativeId() + ")";
        };
    }

    /** A payload the codec cannot write: the system refuses that object for good. */
    private static final class Unencodable extends Exception {
        Unencodable(String message) {
            super(message, null, false, false);
        }
    }
}
