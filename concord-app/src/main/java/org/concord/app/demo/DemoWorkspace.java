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

    /** Where the console login of the demo is written for the user (readable by the owner only). */
    public Path login() {
        return dir.resolve("console-login.txt");
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
        // The console and API need credentials even in the demo: make random ones and tell the user.
        java.security.SecureRandom random = new java.security.SecureRandom();
        byte[] tokenBytes = new byte[24];
        random.nextBytes(tokenBytes);
        String token = java.util.HexFormat.of().formatHex(tokenBytes);
        byte[] passwordBytes = new byte[12];
        random.nextBytes(passwordBytes);
        String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(passwordBytes);
        String hash = org.concord.server.PasswordHash.hash(password.toCharArray());
        Files.writeString(login(), "console user: admin\nconsole password: " + password + "\napi token: " + token + "\n",
                StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(login(), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // a file system without POSIX permissions (Windows): the file stays as created
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
                api:
                  token: %s   # demo only: use ${CONCORD_API_TOKEN} in real configs
                console:
                  users:
                    admin: "%s"
                """.formatted(token, hash), StandardCharsets.UTF_8);
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
