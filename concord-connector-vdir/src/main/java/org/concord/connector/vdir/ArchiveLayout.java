package org.concord.connector.vdir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.concord.model.ItemType;
import org.concord.spi.RecordKey;

/**
 * Where archived e-mail lives in the folder:
 * {@code <root>/<user>/archive/<type>/<record-id>/<message-name>/} holding {@code message.eml},
 * {@code archive.json} and {@code attachments/}. The record is the object file
 * {@code <root>/<user>/<collection>/<record-id>.vcf|.ics}; the message name is made from the
 * Message-ID, so the same message filed again finds its folder there. Sync never looks into
 * {@code archive/}: it is not a collection.
 */
final class ArchiveLayout {
    static final String ARCHIVE = "archive";
    static final String MESSAGE_FILE = "message.eml";
    static final String METADATA_FILE = "archive.json";
    static final String ATTACHMENTS = "attachments";

    private static final int MAX_NAME_BYTES = 200;

    private final Path root;

    ArchiveLayout(Path root) {
        this.root = root;
    }

    /** The record's object file, or why the key cannot name one. */
    Optional<Path> recordFile(RecordKey key, StringBuilder problem) {
        Optional<String> userProblem = Layout.userNameProblem(key.user());
        if (userProblem.isPresent()) {
            problem.append("user '").append(key.user()).append("' cannot be a folder name: ").append(userProblem.get());
            return Optional.empty();
        }
        Optional<ItemType> type = ItemType.byCode(key.type()).filter(t -> t.code().equals(key.type()));
        if (type.isEmpty()) {
            problem.append("records here are contact, event, task or note, not '").append(key.type()).append("'");
            return Optional.empty();
        }
        if (!isPlainName(key.id())) {
            problem.append("'").append(key.id()).append("' is not a record id of this folder (a file name without its extension)");
            return Optional.empty();
        }
        String extension = type.get() == ItemType.CONTACT ? Layout.VCARD_EXTENSION : Layout.ICAL_EXTENSION;
        return Optional.of(root.resolve(key.user()).resolve(type.get().defaultCollection()).resolve(key.id() + extension));
    }

    /** The folder of everything filed to one record. */
    Path recordFolder(RecordKey key) {
        return root.resolve(key.user()).resolve(ARCHIVE).resolve(key.type()).resolve(key.id());
    }

    /** The folder name of one message: its Message-ID without angle brackets, made safe. */
    static String messageFolderName(String messageId) {
        String bare = messageId.strip();
        if (bare.startsWith("<") && bare.endsWith(">") && bare.length() > 2) {
            bare = bare.substring(1, bare.length() - 1);
        }
        return Layout.fileStem(bare);
    }

    /** Where a path is, relative to the root, as shown to users. */
    String relative(Path p) {
        return root.relativize(p).toString();
    }

    static boolean isPlainName(String name) {
        return !name.isEmpty() && !name.startsWith(".") && name.indexOf('/') < 0 && name.indexOf('\\') < 0
                && name.indexOf('\0') < 0 && name.getBytes(StandardCharsets.UTF_8).length <= 240;
    }

    /**
     * File names for attachments, in order: slashes and control characters replaced, no leading
     * dot, at most 200 bytes with the extension kept, and unique ignoring case ({@code a (2).pdf}).
     */
    static final class AttachmentNames {
        private final Set<String> taken = new HashSet<>();

        String next(String name) {
            String safe = safe(name);
            String candidate = safe;
            int dot = safe.lastIndexOf('.');
            String stem = dot > 0 ? safe.substring(0, dot) : safe;
            String ext = dot > 0 ? safe.substring(dot) : "";
            for (int n = 2; !taken.add(candidate.toLowerCase(Locale.ROOT)); n++) {
                candidate = stem + " (" + n + ")" + ext;
            }
            return candidate;
        }

        private static String safe(String name) {
            StringBuilder b = new StringBuilder();
            name.strip().codePoints().forEach(c -> {
                boolean bad = c == '/' || c == '\\' || c < 0x20 || c == 0x7f || c == ':' || c == '*' || c == '?'
                        || c == '"' || c == '<' || c == '>' || c == '|';
                b.appendCodePoint(bad ? '_' : c);
            });
            String s = b.toString();
            while (s.startsWith(".")) {
                s = "_" + s.substring(1);
            }
            if (s.isBlank()) {
                s = "attachment";
            }
            if (s.getBytes(StandardCharsets.UTF_8).length <= MAX_NAME_BYTES) {
                return s;
            }
            int dot = s.lastIndexOf('.');
            String ext = dot > 0 && s.length() - dot <= 16 ? s.substring(dot) : "";
            String stem = s.substring(0, s.length() - ext.length());
            while ((stem + ext).getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
                stem = stem.substring(0, stem.offsetByCodePoints(stem.length(), -1));
            }
            return stem + ext;
        }
    }
}
