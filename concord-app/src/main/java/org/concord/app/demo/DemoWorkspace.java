package org.concord.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Creates the demo workspace: {@code systems/office}, {@code systems/laptop} and
 * {@code systems/archive} (three vdir systems), sample contacts, events (one recurring, with an
 * exception), tasks and notes for user alice in the office folder, and {@code concord.yaml}. An
 * existing workspace is kept as it is, so a second {@code demo} run continues where the first
 * stopped.
 */
public final class DemoWorkspace {
    public static final List<String> SYSTEMS = List.of("office", "laptop", "archive");
    public static final String USER = "alice";

    private final Path dir;

    public DemoWorkspace(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    public Path config() {
        return dir.resolve("concord.yaml");
    }

    public Path system(String name) {
        return dir.resolve("systems").resolve(name);
    }

    /** @return true if it was created now, false if it existed */
    public boolean createIfMissing() throws IOException {
        if (Files.exists(config())) {
            return false;
        }
        Files.createDirectories(dir);
        for (String s : SYSTEMS) {
            Files.createDirectories(system(s).resolve(USER));
        }
        Path office = system("office").resolve(USER);
        for (String entry : resourceLines("index.txt")) {
            Path target = office.resolve(entry);
            Files.createDirectories(target.getParent());
            try (InputStream in = resource(entry)) {
                Files.copy(in, target);
            }
        }
        Files.writeString(config(), """
                # Concord demo: three folders kept in sync. Edit any file under systems/ and watch
                # the change appear in the other two folders.
                store: state/concord.db          # SQLite, created on first run
                listen: 127.0.0.1:8750
                systems:
                  office:
                    connector: vdir
                    path: systems/office         # <path>/<user>/<collection>/<item>.vcf|.ics
                  laptop:
                    connector: vdir
                    path: systems/laptop
                  archive:
                    connector: vdir
                    path: systems/archive
                conflicts:
                  policy: duplicate              # a conflicting edit survives as a copy
                """, StandardCharsets.UTF_8);
        return true;
    }

    private static List<String> resourceLines(String name) throws IOException {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = DemoWorkspace.class.getResourceAsStream("data/" + name);
        if (in == null) {
            throw new IOException("demo data '" + name + "' is missing from the build");
        }
        return in;
    }
}
