package org.concord.connector.vdir;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher hears every file of a burst, even one far larger than the JDK keeps per folder between looks. */
class FolderWatcherTest {

    private static final int FILES = 2_000;

    @TempDir
    Path root;

    private FolderWatcher watcher;

    @AfterEach
    void close() {
        if (watcher != null) {
            watcher.close();
        }
    }

    @Test
    void aBurstWrittenWhileNobodyLooksIsHeardFileByFileWithoutAFullListing() throws Exception {
        Path folder = Files.createDirectories(root.resolve("alice/contacts"));
        watcher = FolderWatcher.start("files", new Layout(root, Optional.empty()));

        // several events per file (made, written, closed), and nobody collects meanwhile
        for (int i = 0; i < FILES; i++) {
            Files.writeString(folder.resolve(i + ".vcf"), Samples.vcard("u-" + i, "Person " + i));
        }
        Set<Path> heard = new HashSet<>();
        boolean rescan = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (heard.size() < FILES && !rescan && System.nanoTime() < deadline) {
            Touched touched = new Touched();
            watcher.collect(Duration.ofMillis(200), touched);
            rescan = touched.takeRescan();
            for (Optional<Path> p = touched.poll(); p.isPresent(); p = touched.poll()) {
                heard.add(p.get());
            }
        }

        assertThat(rescan).as("a full listing was asked for").isFalse();
        assertThat(heard).hasSize(FILES);
    }
}
