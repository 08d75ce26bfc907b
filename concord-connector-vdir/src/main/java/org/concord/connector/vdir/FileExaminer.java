package org.concord.connector.vdir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concord.codec.CodecException;
import org.concord.model.Payload;
import org.concord.spi.Change;
import org.concord.spi.KnownObject;
import org.concord.spi.KnownObjects;
import org.concord.spi.Scope;

/**
 * Compares one file with what the hub knows of it and says what changed, if anything: a stat
 * first, and a read only when the version differs (or the file is "racy", or the read is a full
 * re-read). Parsed payloads are handed on, never kept.
 */
final class FileExaminer {

    /** A contact or calendar object is kilobytes; anything this big is not one, and must not fill the heap. */
    static final long MAX_FILE_BYTES = 16L << 20;

    private final String system;
    private final RecentWrites recent;

    FileExaminer(String system, RecentWrites recent) {
        this.system = system;
        this.recent = recent;
    }

    /**
     * Adds to {@code out} what changed in each of {@code files} since the hub last synced it, as
     * far as {@code mode} reports; what the hub knows of them is looked up at once.
     */
    void examineAll(List<ObjectFile> files, KnownObjects known, ReadMode mode, List<Change> out) throws IOException {
        if (files.isEmpty()) {
            return;
        }
        List<String> ids = new ArrayList<>(files.size());
        for (ObjectFile file : files) {
            ids.add(file.nativeId());
        }
        Map<String, KnownObject> last = known.findAll(ids);
        for (ObjectFile file : files) {
            examine(file, Optional.ofNullable(last.get(file.nativeId())), mode).ifPresent(out::add);
        }
    }

    /** What changed in {@code file} since the hub last synced it ({@code last}), as far as {@code mode} reports. */
    private Optional<Change> examine(ObjectFile file, Optional<KnownObject> last, ReadMode mode) throws IOException {
        String id = file.nativeId();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file.path(), BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return gone(file, last, mode);
        }
        if (!attributes.isRegularFile()) {
            return Optional.empty();
        }
        String version = FileVersion.of(attributes);
        boolean sameVersion = last.isPresent() && last.get().version() != null && last.get().version().equals(version);
        boolean racy = FileVersion.isRacy(attributes, System.currentTimeMillis());
        if (sameVersion && !mode.unchangedToo() && !racy) {
            return Optional.empty();
        }
        Scope fallback = last.map(KnownObject::scope).orElseGet(file::fallbackScope);
        if (attributes.size() > MAX_FILE_BYTES) {
            return Optional.of(unreadable(file, fallback, "is larger than " + (MAX_FILE_BYTES >> 20) + " MiB"));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.path());
        } catch (NoSuchFileException e) {
            return gone(file, last, mode);
        }
        if (sameVersion && !mode.unchangedToo() && recent.isOwn(id, version, bytes)) {
            // racy, but exactly what we wrote under this version a moment ago
            return Optional.empty();
        }
        Payload payload;
        try {
            payload = Formats.decode(file, utf8(bytes));
        } catch (CharacterCodingException e) {
            return Optional.of(unreadable(file, fallback, "is not UTF-8 text"));
        } catch (CodecException e) {
            return Optional.of(unreadable(file, fallback, "does not parse: " + e.getMessage()));
        } catch (RuntimeException e) {
            // a codec bug on one odd file must not stop the feed: it is that file's sync error
            return Optional.of(unreadable(file, fallback, "could not be converted: " + e));
        }
        if (sameVersion && !mode.unchangedToo() && payload.contentHash().equals(last.get().contentHash())) {
            return Optional.empty();
        }
        return Optional.of(new Change.Upsert(new Scope(file.user(), payload.type()), id, version, payload));
    }

    /** A file that is not there: a delete if the hub knows it and the mode reports deletes. */
    private static Optional<Change> gone(ObjectFile file, Optional<KnownObject> last, ReadMode mode) {
        if (!mode.deletes() || last.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Change.Delete(last.get().scope(), file.nativeId()));
    }

    private Change unreadable(ObjectFile file, Scope scope, String reason) {
        return new Change.Unreadable(scope, file.nativeId(), "vdir '" + system + "': " + file.path() + " " + reason);
    }

    /** Strict UTF-8 (a Latin-1 file would otherwise sync with its accents silently replaced), byte order mark dropped. */
    private static String utf8(byte[] bytes) throws CharacterCodingException {
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
