package org.concord.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * The SQLite driver's native library, kept in the user's cache folder once it has been copied
 * out of the jar. Left alone, the driver copies it into the temp folder on every start, compares
 * the copy with the jar byte by byte, lists the temp folder for older copies and runs
 * {@code uname} to tell Android from Linux: a fifth of the CPU time of a cron sync that finds
 * nothing to do.
 *
 * <p>A cached copy is used only when its size and CRC equal those the jar records for the entry
 * it was copied from (read from the jar's directory, without inflating anything), so a new driver
 * version, another jar or a damaged copy is never loaded. The first start of a version copies the
 * library into the cache, beside the driver's own copy, by a temp file and a rename: another
 * process sees the whole file or none. Nothing here is needed for SQLite to work: any failure
 * leaves the driver to its usual way, and {@code -Dorg.sqlite.lib.path} set by hand wins.
 */
final class SqliteNativeLibrary {
    private static final Logger LOG = LoggerFactory.getLogger("concord.store");
    /** Beside the library: the jar entry it was copied from. */
    private static final String SOURCE = "source";

    private static boolean prepared;
    private static Optional<Path> toFill = Optional.empty();

    private SqliteNativeLibrary() {}

    /** Points the driver at a verified cached copy, if there is one; call before the first connection. */
    static synchronized void prepare() {
        if (prepared) {
            return;
        }
        prepared = true;
        if (System.getProperty("org.sqlite.lib.path") != null) {
            return;
        }
        try {
            Optional<Path> folder = folder();
            if (folder.isEmpty()) {
                return;
            }
            String name = LibraryLoaderUtil.getNativeLibName();
            Path library = folder.get().resolve(name);
            if (Files.isRegularFile(library) && matchesJar(library, folder.get().resolve(SOURCE))) {
                System.setProperty("org.sqlite.lib.path", folder.get().toString());
                System.setProperty("org.sqlite.lib.name", name);
                // the driver lists its temp folder for stale copies on every start: this one is short
                System.setProperty("org.sqlite.tmpdir", folder.get().toString());
            } else {
                toFill = folder;
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("the SQLite library cache is not used: {}", e.toString());
        }
    }

    /** After the driver loaded its library its own way: copies it into the cache for the next start. */
    static synchronized void loaded() {
        if (toFill.isEmpty()) {
            return;
        }
        Path folder = toFill.get();
        toFill = Optional.empty();
        try {
            String name = LibraryLoaderUtil.getNativeLibName();
            String entry = LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name;
            Files.createDirectories(folder);
            try (InputStream in = SQLiteJDBCLoader.class.getResourceAsStream(entry)) {
                if (in == null) {
                    return;
                }
                replace(folder.resolve(name), in.readAllBytes());
            }
            replace(folder.resolve(SOURCE), entry.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            LOG.debug("the SQLite library could not be cached in {}: {}", folder, e.toString());
        }
    }

    /** {@code ${XDG_CACHE_HOME:-~/.cache}/concord/sqlite-jdbc-VERSION-OS-ARCH}, if there is a home. */
    private static Optional<Path> folder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getProperty("user.home");
        Path cache;
        if (xdg != null && !xdg.isBlank()) {
            cache = Path.of(xdg);
        } else if (home != null && !home.isBlank() && !home.equals("?")) {
            cache = Path.of(home, ".cache");
        } else {
            return Optional.empty();
        }
        String key = ("sqlite-jdbc-" + SQLiteJDBCLoader.getVersion() + "-" + System.getProperty("os.name") + "-"
                + System.getProperty("os.arch")).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "_");
        return Optional.of(cache.resolve("concord").resolve(key));
    }

    /** Whether the library has the size and CRC the jar records for the entry it came from. */
    private static boolean matchesJar(Path library, Path source) throws IOException {
        if (!Files.isRegularFile(source)) {
            return false;
        }
        URL url = SQLiteJDBCLoader.class.getResource(Files.readString(source, StandardCharsets.UTF_8).strip());
        if (url == null) {
            return false;
        }
        URLConnection connection = url.openConnection();
        if (!(connection instanceof JarURLConnection jar)) {
            return false;
        }
        ZipEntry entry = jar.getJarEntry();
        if (entry == null || entry.getSize() < 0 || entry.getCrc() < 0 || entry.getSize() != Files.size(library)) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(Files.readAllBytes(library));
        return crc.getValue() == entry.getCrc();
    }

    private static void replace(Path target, byte[] content) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
