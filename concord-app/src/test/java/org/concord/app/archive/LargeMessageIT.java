package org.concord.app.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.concord.testkit.servers.Dovecot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 25 MB attachment archives with bounded memory: the CLI runs in a forked JVM whose heap
 * (-Xmx24m) is smaller than the message (34 MB of source, 25 MB decoded), so holding either
 * whole would fail with OutOfMemoryError. From a file, and from Dovecot over IMAP.
 */
class LargeMessageIT {
    private static final long ATTACHMENT = 25L * 1024 * 1024;
    private static final String HEAP = "-Xmx24m";

    @TempDir
    Path dir;

    private Path files;

    @BeforeEach
    void folder() throws IOException {
        files = dir.resolve("files");
        Files.createDirectories(files.resolve("alice/contacts"));
        Files.writeString(files.resolve("alice/contacts/ada.vcf"),
                "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:ada-1\r\nFN:Ada Lovelace\r\nEMAIL:ada@example.org\r\nEND:VCARD\r\n");
    }

    private record Run(int exit, String output, long millis) {}

    private Run cli(Path config, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), HEAP,
                "-cp", System.getProperty("java.class.path"), "org.concord.app.Main"));
        command.addAll(List.of(args));
        command.addAll(List.of("-c", config.toString()));
        Path log = dir.resolve("cli.log");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("the archive did not finish in 5 minutes");
        }
        return new Run(p.exitValue(), Files.readString(log), (System.nanoTime() - start) / 1_000_000);
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private void assertFiled(Run run, String messageFolder) throws Exception {
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).doesNotContain("OutOfMemoryError");
        Path filed = files.resolve("alice/archive/contact/ada").resolve(messageFolder);
        assertThat(Files.size(filed.resolve("attachments/model.bin"))).isEqualTo(ATTACHMENT);
        assertThat(sha256(filed.resolve("attachments/model.bin"))).isEqualTo(Eml.bigDigest(ATTACHMENT));
        System.out.printf("25 MB attachment archived with %s in %d ms (%s)%n", HEAP, run.millis(), messageFolder);
    }

    @Test
    void aTwentyFiveMegabyteAttachmentArchivesFromAFileWithASmallHeap() throws Exception {
        Path eml = dir.resolve("big.eml");
        Eml.writeBig(eml, "<big-file@example.org>", ATTACHMENT);
        Path config = dir.resolve("concord.yaml");
        Files.writeString(config, """
                store: state/concord.db
                systems:
                  files:
                    connector: vdir
                    path: files
                """);

        Run run = cli(config, "archive", "--message", eml.toString(), "--to", "files:contact/ada", "--user", "alice");

        assertFiled(run, "big-file@example.org");
        assertThat(Files.size(files.resolve("alice/archive/contact/ada/big-file@example.org/message.eml"))).isEqualTo(Files.size(eml));
    }

    @Test
    void aTwentyFiveMegabyteAttachmentArchivesFromDovecotWithASmallHeap() throws Exception {
        try (Dovecot dovecot = Dovecot.startOrSkip(Map.of("alice", "alice-secret"), Optional.of(Map.entry("concord", "master-secret")))) {
            Path eml = dir.resolve("big.eml");
            Eml.writeBig(eml, "<big-imap@example.org>", ATTACHMENT);
            long uid = dovecot.save("alice", "INBOX", eml);
            Path config = dir.resolve("concord.yaml");
            Files.writeString(config, """
                    store: state/concord.db
                    systems:
                      mail:
                        connector: imap
                        host: %s
                        port: %d
                        security: none
                        master-user: concord
                        master-password: master-secret
                      files:
                        connector: vdir
                        path: files
                    """.formatted(dovecot.host(), dovecot.port()));

            Run run = cli(config, "archive", "--message", "imap:mail/alice/INBOX/" + uid, "--to", "files:contact/ada");

            assertFiled(run, "big-imap@example.org");
            assertThat(Files.readString(files.resolve("alice/archive/contact/ada/big-imap@example.org/archive.json"), StandardCharsets.UTF_8))
                    .contains("\"messageId\" : \"<big-imap@example.org>\"");
        }
    }
}
