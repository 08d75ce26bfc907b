package org.concord.connector.vdir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.concord.model.ItemType;

/**
 * Where objects live in the folder: {@code <root>/<user>/<collection>/<name>.vcf|.ics}. It maps
 * paths to native ids and back, decides which files are objects, and turns global ids and user
 * names into names that cannot leave the folder.
 */
final class Layout {

    static final String VCARD_EXTENSION = ".vcf";
    static final String ICAL_EXTENSION = ".ics";

    /** The collections in listing order. */
    static final List<String> COLLECTIONS =
            Arrays.stream(ItemType.values()).map(ItemType::defaultCollection).toList();

    /** Our temporary files: hidden, so every reader of the folder skips them. */
    static final String TEMP_PREFIX = ".concord-";
    static final String TEMP_SUFFIX = ".tmp";

    /** Room for the extension and a margin under the common 255-byte name limit. */
    private static final int MAX_STEM_BYTES = 200;

    private final Path root;
    private final Optional<Set<String>> users;

    Layout(Path root, Optional<Set<String>> users) {
        this.root = root.toAbsolutePath().normalize();
        this.users = users.map(Set::copyOf);
    }

    Path root() {
        return root;
    }

    /** Whether this user's folder syncs: every user unless the {@code users} setting lists some. */
    boolean includesUser(String user) {
        return users.map(set -> set.contains(user)).orElse(true);
    }

    Optional<Set<String>> users() {
        return users;
    }

    /** The object file at {@code path}, or empty if it is not one (wrong depth, hidden, temp, other extension, unsynced user). */
    Optional<ObjectFile> objectFile(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        if (!absolute.startsWith(root)) {
            return Optional.empty();
        }
        Path relative = root.relativize(absolute);
        if (relative.getNameCount() != 3) {
            return Optional.empty();
        }
        return objectFile(relative.getName(0).toString(), relative.getName(1).toString(), relative.getName(2).toString())
                .filter(file -> includesUser(file.user()));
    }

    /** The object file a native id names, or empty if the id is not one of this folder's synced files. */
    Optional<ObjectFile> parse(String nativeId) {
        return parseAnyUser(nativeId).filter(file -> includesUser(file.user()));
    }

    /** As {@link #parse}, but for every user folder, synced or not. */
    Optional<ObjectFile> parseAnyUser(String nativeId) {
        String[] parts = nativeId.split("/", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        return objectFile(parts[0], parts[1], parts[2]);
    }

    private Optional<ObjectFile> objectFile(String user, String collection, String fileName) {
        if (userNameProblem(user).isPresent() || !COLLECTIONS.contains(collection)
                || !isObjectFileName(fileName)) {
            return Optional.empty();
        }
        return Optional.of(new ObjectFile(user, collection, fileName, root.resolve(user).resolve(collection).resolve(fileName)));
    }

    /** The file a create of {@code globalId} writes: named after the global id, so a repeated create rewrites it. */
    ObjectFile forCreate(String user, ItemType type, String globalId) {
        String extension = type == ItemType.CONTACT ? VCARD_EXTENSION : ICAL_EXTENSION;
        String fileName = fileStem(globalId) + extension;
        String collection = type.defaultCollection();
        Path path = root.resolve(user).resolve(collection).resolve(fileName).normalize();
        if (userNameProblem(user).isPresent() || !path.getParent().getParent().getParent().equals(root)) {
            throw new IllegalArgumentException("user '" + user + "' cannot be a folder name");
        }
        return new ObjectFile(user, collection, fileName, path);
    }

    /** Hidden files, our temp files and files with other extensions are not objects. */
    static boolean isObjectFileName(String name) {
        if (name.startsWith(".") || name.indexOf('/') >= 0 || name.indexOf('\0') >= 0) {
            return false;
        }
        return (hasExtension(name, VCARD_EXTENSION) || hasExtension(name, ICAL_EXTENSION))
                && name.length() > VCARD_EXTENSION.length();
    }

    static boolean hasExtension(String name, String extension) {
        return name.toLowerCase(Locale.ROOT).endsWith(extension);
    }

    static boolean isTempFileName(String name) {
        return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);
    }

    static Optional<ItemType> typeOfCollection(String collection) {
        return Arrays.stream(ItemType.values()).filter(t -> t.defaultCollection().equals(collection)).findFirst();
    }

    /**
     * Why a user name cannot be a folder name, if it cannot. User names are not rewritten: the
     * folder name is the scope's user when reading, so a rewritten name would come back as another user.
     */
    static Optional<String> userNameProblem(String user) {
        if (user.isEmpty()) {
            return Optional.of("it is empty");
        }
        if (user.equals(".") || user.equals("..") || user.startsWith(".")) {
            return Optional.of("it starts with a dot");
        }
        for (int i = 0; i < user.length(); i++) {
            char c = user.charAt(i);
            if (c == '/' || c == '\\' || c < 0x20 || c == 0x7f) {
                return Optional.of("it contains a slash, a backslash or a control character");
            }
        }
        if (user.getBytes(StandardCharsets.UTF_8).length > 255) {
            return Optional.of("it is longer than 255 bytes");
        }
        return Optional.empty();
    }

    /**
     * A file name stem for a global id: letters, digits and {@code -_.@+=} stay, every other byte
     * is percent-encoded (the '%' too, so distinct ids give distinct names), a leading dot is
     * encoded so the file is not hidden, and an over-long stem is cut and made unique by a hash.
     */
    static String fileStem(String globalId) {
        StringBuilder b = new StringBuilder();
        byte[] bytes = globalId.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int c = bytes[i] & 0xff;
            boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '@' || c == '+' || c == '=' || (c == '.' && i > 0);
            if (safe) {
                b.append((char) c);
            } else {
                b.append('%').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        if (b.isEmpty()) {
            b.append('%');
        }
        if (b.length() <= MAX_STEM_BYTES) {
            return b.toString();
        }
        return b.substring(0, MAX_STEM_BYTES - 33) + "-" + sha256Hex(globalId).substring(0, 32);
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
