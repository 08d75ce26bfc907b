package org.concord.app.webmail;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's Roundcube ({@code roundcube-core}, {@code roundcube-sqlite3}, {@code php-cli}) served
 * by PHP's built-in web server on a free loopback port, from a throwaway install: a temp folder
 * whose program, skin and stock plugins are links to Debian's files, with its own config (SQLite
 * database in the folder, IMAP at the given server, the plugins named), and the repository's
 * {@code concord_archive} plugin linked in. Nothing of the system's Roundcube config is read.
 */
final class RoundcubeServer implements AutoCloseable {
    static final Path SHARE = Path.of("/usr/share/roundcube");
    static final Path PHP = Path.of("/usr/bin/php");
    static final Path DEFAULTS = Path.of("/etc/roundcube/defaults.inc.php");
    static final String PACKAGES = "roundcube-core roundcube-sqlite3 php-cli";

    private final Path dir;
    private final Process php;
    private final int port;

    private RoundcubeServer(Path dir, Process php, int port) {
        this.dir = dir;
        this.php = php;
        this.port = port;
    }

    /**
     * Starts Roundcube against {@code imapHost:imapPort} with the plugin from {@code plugin} and
     * these extra config lines (PHP, e.g. {@code $config['concord_archive_url'] = '…';}).
     */
    static RoundcubeServer startOrSkip(String imapHost, int imapPort, Path plugin, List<String> configLines) throws IOException {
        boolean installed = Files.isRegularFile(SHARE.resolve("index.php")) && Files.isExecutable(PHP)
                && Files.isRegularFile(DEFAULTS) && Files.isDirectory(SHARE.resolve("skins/elastic"))
                && Files.isRegularFile(SHARE.resolve("SQL/sqlite.initial.sql")) && pdoSqlite();
        if (!installed) {
            String message = "Roundcube is not installed: apt-get install -y " + PACKAGES;
            if ("1".equals(System.getenv("CONCORD_REQUIRE_SERVERS"))) {
                throw new IllegalStateException(message + " (CONCORD_REQUIRE_SERVERS=1)");
            }
            Assumptions.abort(message);
        }
        Path dir = Files.createTempDirectory("concord-roundcube-");
        Path web = Files.createDirectories(dir.resolve("public_html"));
        Files.createDirectories(dir.resolve("config"));
        Files.createDirectories(dir.resolve("plugins"));
        Files.createDirectories(dir.resolve("skins"));
        Files.createDirectories(dir.resolve("logs"));
        Files.createDirectories(dir.resolve("temp"));
        Files.createDirectories(web.resolve("program"));
        link(dir.resolve("index.php"), SHARE.resolve("index.php"));
        link(dir.resolve("program"), SHARE.resolve("program"));
        link(dir.resolve("SQL"), SHARE.resolve("SQL"));
        link(dir.resolve("skins/elastic"), SHARE.resolve("skins/elastic"));
        for (String stock : List.of("jqueryui", "filesystem_attachments")) {
            link(dir.resolve("plugins").resolve(stock), SHARE.resolve("plugins").resolve(stock));
        }
        link(dir.resolve("plugins/concord_archive"), plugin.toAbsolutePath().normalize());
        link(dir.resolve("config/defaults.inc.php"), DEFAULTS);
        link(web.resolve("program/js"), dir.resolve("program/js"));
        link(web.resolve("program/resources"), dir.resolve("program/resources"));
        link(web.resolve("skins"), dir.resolve("skins"));
        link(web.resolve("plugins"), dir.resolve("plugins"));
        // The public entry point, as Debian's: the install is the folder above the document root.
        Files.writeString(web.resolve("index.php"), """
                <?php
                define('INSTALL_PATH', realpath(__DIR__ . '/..') . '/');
                include INSTALL_PATH . 'index.php';
                """);
        List<String> config = new ArrayList<>(List.of("<?php", "$config = [];",
                "$config['db_dsnw'] = 'sqlite:///" + dir.resolve("roundcube.db") + "?mode=0600';",
                "$config['imap_host'] = '" + imapHost + ":" + imapPort + "';",
                "$config['smtp_host'] = '';",
                "$config['des_key'] = 'concord-test-des-key-24b';",
                "$config['plugins'] = ['concord_archive'];",
                "$config['skin'] = 'elastic';",
                "$config['log_dir'] = '" + dir.resolve("logs") + "/';",
                "$config['temp_dir'] = '" + dir.resolve("temp") + "/';",
                "$config['enable_installer'] = false;",
                "$config['language'] = 'en_US';"));
        config.addAll(configLines);
        Files.write(dir.resolve("config/config.inc.php"), config, StandardCharsets.UTF_8);
        run(dir, PHP.toString(), "-r", "$db = new PDO('sqlite:' . $argv[1]); $db->exec(file_get_contents($argv[2]));",
                dir.resolve("roundcube.db").toString(), SHARE.resolve("SQL/sqlite.initial.sql").toString());

        int port = freePort();
        ProcessBuilder pb = new ProcessBuilder(PHP.toString(), "-S", "127.0.0.1:" + port, "-t", web.toString())
                .directory(web.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("logs/php-server.log").toFile());
        pb.environment().put("ROUNDCUBE_CONFIG_DIR", dir.resolve("config").toString());
        Process php = pb.start();
        RoundcubeServer server = new RoundcubeServer(dir, php, port);
        server.awaitListening();
        return server;
    }

    /** Whether PHP has its SQLite driver (php-sqlite3, which roundcube-sqlite3 brings). */
    private static boolean pdoSqlite() throws IOException {
        Process p = new ProcessBuilder(PHP.toString(), "-r", "exit(extension_loaded('pdo_sqlite') ? 0 : 3);")
                .redirectErrorStream(true).start();
        try {
            p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted asking php for pdo_sqlite", e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** What Roundcube logged (its errors.log), for a failing test's message. */
    String log() {
        try {
            Path errors = dir.resolve("logs/errors.log");
            return Files.exists(errors) ? Files.readString(errors) : "";
        } catch (IOException e) {
            return "(cannot read the log: " + e + ")";
        }
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!php.isAlive()) {
                throw new IOException("php -S stopped at once: " + Files.readString(dir.resolve("logs/php-server.log")));
            }
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted waiting for php -S", e);
                }
            }
        }
        throw new IOException("php -S does not listen on port " + port + " after 15 s");
    }

    private static void run(Path dir, String... command) throws IOException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted running " + command[0], e);
        }
    }

    private static void link(Path link, Path target) throws IOException {
        Files.createSymbolicLink(link, target);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        php.destroy();
        try {
            if (!php.waitFor(5, TimeUnit.SECONDS)) {
                php.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless
        }
    }
}
