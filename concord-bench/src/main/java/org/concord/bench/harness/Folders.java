package org.concord.bench.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.FileVisitResult;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
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

    /** Removes a folder tree (which may hold a million files) without listing it into memory. */
    public static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("bench: could not remove " + root + ": " + e);
        }
    }
}
