package org.concord.connector.vdir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.concord.codec.CodecException;
import org.concord.model.Payload;
import org.concord.spi.Change;
import org.concord.spi.KnownObject;
import org.concord.spi.Scope;

/**
 * Compares one file with what the hub knows of it and says what changed, if anything: a stat
 * first, and a read only when the version differs (or the file is "racy", or the read is a full
 * re-read). A file the writer just wrote is recognized as the hub's own write without a look at
 * the hub's links ({@link OwnWrites}). Parsed payloads are handed on, never kept.
 */
final class FileExaminer {

    /** A contact or calendar object is kilobytes; anything this big is not one, and must not fill the heap. */
    static final long MAX_FILE_BYTES = 16L << 20;

    /** What the hub knows of one file: looked up in advance for a page of files, or when first needed. */
    @FunctionalInterface
    interface Known {
        Optional<KnownObject> get();

        static Known of(Optional<KnownObject> known) {
            return () -> known;
        }
    }

    private final String system;
    private final OwnWrites ownWrites;

    FileExaminer(String system, OwnWrites ownWrites) {
        this.system = system;
        this.ownWrites = ownWrites;
    }

    /** Whether the hub's link of {@code file} is worth looking up before {@link #examine}: false for the writer's own files. */
    boolean needsKnown(ObjectFile file) {
        return !ownWrites.has(file.path());
    }

    /** What changed in {@code file} since the hub last synced it, as far as {@code mode} reports. */
    Optional<Change> examine(ObjectFile file, Known known, ReadMode mode) throws IOException {
        String id = file.nativeId();
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file.path(), BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            ownWrites.forget(file.path());
            return gone(file, known.get(), mode);
        }
        if (!attributes.isRegularFile()) {
            return Optional.empty();
        }
        String version = FileVersion.of(attributes);
        boolean racy = FileVersion.isRacy(attributes, System.currentTimeMillis());
        Optional<OwnWrites.Written> own = mode.unchangedToo() ? Optional.empty() : ownWrites.find(file.path(), version);
        if (own.isPresent() && !racy) {
            // the hub's link says (or is about to say) this version: nothing new, and nothing more to check later
            ownWrites.forget(file.path());
            return Optional.empty();
        }
        Optional<KnownObject> last = own.isPresent() ? Optional.empty() : known.get();
        boolean sameVersion = last.isPresent() && last.get().version() != null && last.get().version().equals(version);
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
            ownWrites.forget(file.path());
            return gone(file, own.isPresent() ? known.get() : last, mode);
        }
        if (own.isPresent()) {
            if (own.get().sameBytes(bytes)) {
                // racy, but still the bytes the writer wrote: an echo; kept, as a rewrite may yet land in its tick
                return Optional.empty();
            }
            // changed in place within the tick of our write: compare with what the hub knows, as for any file
            ownWrites.forget(file.path());
            last = known.get();
            sameVersion = last.isPresent() && last.get().version() != null && last.get().version().equals(version);
            fallback = last.map(KnownObject::scope).orElseGet(file::fallbackScope);
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
        return Optional.of(new Change.Delete(last.get().scope(), file.nativeId(), Optional.ofNullable(last.get().version())));
    }

    private Change unreadable(ObjectFile file, Scope scope, String reason) {
        return new Change.Unreadable(scope, file.nativeId(), "vdir '" + system + "': " + file.path() + " " + reason);
    }

    /** Strict UTF-8 (a Latin-1 file would otherwise sync with its accents silently replaced), byte order mark dropped. */
    private static String utf8(byte[] bytes) throws CharacterCodingException {
        // the JDK's own decoding is several times faster than a strict decoder, and marks what it
        // could not decode with U+FFFD: a text without one decoded cleanly; one with it (a rare
        // file that holds that character itself) is decoded again, strictly, to tell
        String fast = new String(bytes, StandardCharsets.UTF_8);
        if (fast.indexOf('\uFFFD') < 0) {
            return fast.startsWith("\uFEFF") ? fast.substring(1) : fast;
        }
        String text = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
