package org.concord.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.concord.bench.data.ContactGenerator;
import org.concord.spi.Connector;
import org.concord.spi.ConfigException;
import org.concord.spi.SystemConfig;

/** vdir folders for the scenarios: filled with generated contacts, counted, and opened as systems. */
public final class Folders {
    private Folders() {}

    /** The address book folder of user {@code alice} under a vdir root. */
    public static Path addressBook(Path root) {
        return root.resolve("alice").resolve("contacts");
    }

    /** Writes contacts {@code 0 … n-1} as {@code .vcf} files; returns their total size in bytes. */
    public static long fill(Path folder, int n) throws IOException {
        Files.createDirectories(folder);
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            byte[] card = ContactGenerator.vcard(i, 0).getBytes(StandardCharsets.UTF_8);
            Files.write(folder.resolve(ContactGenerator.fileStem(i) + ".vcf"), card);
            bytes += card.length;
        }
        return bytes;
    }

    /** How many {@code .vcf} files a folder holds, counted without listing it into memory. */
    public static long countCards(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        long n = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.vcf")) {
            for (Path ignored : files) {
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    /** A {@code vdir} connector on {@code root}, as the config would declare it. */
    public static Connector vdir(String name, Path root) throws ConfigException {
        return new org.concord.connector.vdir.VdirConnectorFactory()
                .create(new SystemConfig(name, Map.of("connector", "vdir", "path", root.toString()), root.getParent()));
    }

    /**
     * Removes a folder tree (which may hold a million files) without listing it into memory. The
     * files of a folder are removed by several threads at once: one thread took 49 s for the
     * 200,000 files of the initial-sync scenario, a fair share of the bench's own run time.
     */
    public static void delete(Path root) {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(REMOVERS);
        try {
            clear(root, pool);
            Files.deleteIfExists(root);
        } catch (IOException | RuntimeException | ExecutionException e) {
            System.err.println("bench: could not remove " + root + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pool.shutdownNow();
        }
    }

    private static final int REMOVERS = 4;

    /** Empties {@code dir}: its files by every remover, then each sub-folder the same way. */
    private static void clear(Path dir, ExecutorService pool) throws IOException, InterruptedException, ExecutionException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(dir);
            return;
        }
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            Iterator<Path> next = entries.iterator();
            List<Future<Void>> removers = new ArrayList<>();
            for (int i = 0; i < REMOVERS; i++) {
                removers.add(pool.submit(() -> {
                    while (true) {
                        Path entry;
                        synchronized (next) {
                            if (!next.hasNext()) {
                                return null;
                            }
                            entry = next.next();
                        }
                        if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                            synchronized (folders) {
                                folders.add(entry);
                            }
                        } else {
                            Files.deleteIfExists(entry);
                        }
                    }
                }));
            }
            for (Future<Void> remover : removers) {
                remover.get();
            }
        }
        for (Path folder : folders) {
            clear(folder, pool);
            Files.deleteIfExists(folder);
        }
    }
}
