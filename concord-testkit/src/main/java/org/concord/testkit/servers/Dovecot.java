package org.concord.testkit.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A Dovecot IMAP server (Debian {@code dovecot-imapd}) on a free loopback port, with a throwaway
 * config, passwd-file users, an optional master user and Maildir mailboxes, all in a temp folder
 * removed on close. Plain text login without TLS, as for a loopback test server. Messages are put
 * in and taken out with {@code doveadm}, as a mail delivery would. When Dovecot is not installed
 * the calling test is skipped, or fails when {@code CONCORD_REQUIRE_SERVERS=1}.
 */
public final class Dovecot implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/dovecot");
    private static final Path DOVEADM = Path.of("/usr/bin/doveadm");

    private final Path dir;
    private final int port;
    private final Process process;

    private Dovecot(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /**
     * Starts Dovecot with these users (name → password) and, if given, a master user (name →
     * password) who logs in as {@code USER*MASTER}.
     */
    public static Dovecot startOrSkip(Map<String, String> users, Optional<Map.Entry<String, String>> master) throws IOException {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DOVEADM)) {
            String message = "Dovecot is not installed: apt-get install -y dovecot-imapd";
            if ("1".equals(System.getenv("CONCORD_REQUIRE_SERVERS"))) {
                throw new IllegalStateException(message + " (CONCORD_REQUIRE_SERVERS=1)");
            }
            Assumptions.abort(message);
        }
        Path dir = Files.createTempDirectory("concord-dovecot-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.createDirectories(dir.resolve("run"));
        Files.createDirectories(dir.resolve("state"));
        boolean root = "root".equals(System.getProperty("user.name"));
        String mailUser = root ? "nobody" : System.getProperty("user.name");
        String mailGroup = root ? "nogroup" : mailUser;
        if (root) {
            UserPrincipalLookupService lookup = home.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal owner = lookup.lookupPrincipalByName(mailUser);
            GroupPrincipal group = lookup.lookupPrincipalByGroupName(mailGroup);
            PosixFileAttributeView view = Files.getFileAttributeView(home, PosixFileAttributeView.class);
            view.setOwner(owner);
            view.setGroup(group);
        }
        StringBuilder passwd = new StringBuilder();
        users.forEach((u, p) -> passwd.append(u).append(":{PLAIN}").append(p).append('\n'));
        Files.writeString(dir.resolve("users"), passwd);
        StringBuilder masters = new StringBuilder();
        master.ifPresent(m -> masters.append(m.getKey()).append(":{PLAIN}").append(m.getValue()).append('\n'));
        Files.writeString(dir.resolve("masters"), masters);
        int port = freePort();
        Files.writeString(dir.resolve("dovecot.conf"), config(dir, port, root, mailUser, mailGroup));
        Process process = new ProcessBuilder(BINARY.toString(), "-F", "-c", dir.resolve("dovecot.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("dovecot.out").toFile())
                .start();
        Dovecot server = new Dovecot(dir, port, process);
        try {
            server.awaitListening();
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    private static String config(Path dir, int port, boolean root, String mailUser, String mailGroup) {
        String unprivileged = root ? "" : """
                default_internal_user = %1$s
                default_login_user = %1$s
                default_internal_group = %2$s
                """.formatted(mailUser, mailGroup);
        return """
                protocols = imap
                listen = 127.0.0.1
                base_dir = %1$s/run
                state_dir = %1$s/state
                log_path = %1$s/dovecot.log
                instance_name = concord-test-%2$d
                ssl = no
                disable_plaintext_auth = no
                auth_failure_delay = 0
                auth_mechanisms = plain login
                auth_master_user_separator = *
                first_valid_uid = 1
                first_valid_gid = 1
                mail_location = maildir:~/Maildir
                %3$s
                service imap-login {
                  inet_listener imap {
                    address = 127.0.0.1
                    port = %2$d
                  }
                  inet_listener imaps {
                    port = 0
                  }
                }
                service pop3-login {
                  inet_listener pop3 {
                    port = 0
                  }
                }
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%%u %1$s/masters
                  master = yes
                  result_success = continue
                }
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%%u %1$s/users
                }
                userdb {
                  driver = static
                  args = uid=%4$s gid=%5$s home=%1$s/home/%%u
                }
                """.formatted(dir, port, unprivileged, mailUser, mailGroup);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** Delivers a message to a user's folder (created if missing) and answers its UID. */
    public long save(String user, String folder, Path message) throws IOException {
        createFolder(user, folder);
        Path copy = Files.createTempFile(dir, "message-", ".eml");
        try {
            Files.copy(message, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
            doveadm(Optional.of(copy), "save", "-u", user, "-m", folder);
        } finally {
            Files.deleteIfExists(copy);
        }
        String out = doveadm(Optional.empty(), "fetch", "-u", user, "uid", "mailbox", folder, "all");
        return out.lines().filter(l -> l.startsWith("uid: ")).mapToLong(l -> Long.parseLong(l.substring(5).trim())).max()
                .orElseThrow(() -> new IOException("dovecot: no message in " + user + "/" + folder + " after saving one"));
    }

    /** Delivers a message given as text. */
    public long save(String user, String folder, String message) throws IOException {
        Path file = Files.createTempFile(dir, "text-", ".eml");
        try {
            Files.writeString(file, message, StandardCharsets.UTF_8);
            return save(user, folder, file);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public void createFolder(String user, String folder) throws IOException {
        if (!folder.equals("INBOX")) {
            String list = doveadm(Optional.empty(), "mailbox", "list", "-u", user);
            if (list.lines().noneMatch(folder::equals)) {
                doveadm(Optional.empty(), "mailbox", "create", "-u", user, folder);
            }
        }
    }

    /** Removes one message for good, as a user deleting it in their mail client. */
    public void expunge(String user, String folder, long uid) throws IOException {
        doveadm(Optional.empty(), "expunge", "-u", user, "mailbox", folder, "uid", Long.toString(uid));
    }

    /** Sets a flag, which raises the folder's HIGHESTMODSEQ without adding or removing a message. */
    public void flag(String user, String folder, long uid, String flag) throws IOException {
        doveadm(Optional.empty(), "flags", "add", "-u", user, flag, "mailbox", folder, "uid", Long.toString(uid));
    }

    private String doveadm(Optional<Path> input, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(DOVEADM.toString(), "-c", dir.resolve("dovecot.conf").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        input.ifPresent(f -> pb.redirectInput(f.toFile()));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("doveadm " + String.join(" ", args) + " did not finish in 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("interrupted while running doveadm", e);
        }
        if (p.exitValue() != 0) {
            throw new IOException("doveadm " + String.join(" ", args) + " failed (exit " + p.exitValue() + "): " + out.strip());
        }
        return out;
    }

    private void awaitListening() throws IOException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IOException("dovecot exited at start (" + process.exitValue() + "): " + log());
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for dovecot", ie);
                }
            }
        }
        throw new IOException("dovecot did not listen on 127.0.0.1:" + port + " within 15 s: " + log());
    }

    private String log() {
        StringBuilder b = new StringBuilder();
        for (String name : List.of("dovecot.out", "dovecot.log")) {
            try {
                b.append(Files.readString(dir.resolve(name))).append(' ');
            } catch (IOException e) {
                // not written (yet)
            }
        }
        return b.toString().strip();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp folder is harmless
        }
    }
}
