package org.concord.app.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.concord.spi.MailAttachment;
import org.concord.spi.MailMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MimeReaderTest {
    @TempDir
    Path dir;

    private SpooledMessage read(String text) throws Exception {
        Path f = dir.resolve("m" + System.nanoTime() + ".eml");
        Files.writeString(f, Eml.crlf(text), StandardCharsets.UTF_8);
        return SpooledMessage.open(f);
    }

    private static String content(MailAttachment a) throws Exception {
        try (InputStream in = a.content().open()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheEnvelopeTextAndDecodedAttachments() throws Exception {
        try (SpooledMessage s = read(Eml.withAttachment("<plans@example.org>", "plan.pdf", "%PDF plan"))) {
            MailMessage m = s.message();
            assertThat(m.envelope().messageId()).isEqualTo("<plans@example.org>");
            assertThat(m.envelope().subject()).isEqualTo("Engine plans");
            assertThat(m.envelope().from()).isEqualTo("ada@example.org");
            assertThat(m.envelope().fromDisplay()).isEqualTo("Ada Lovelace <ada@example.org>");
            assertThat(m.envelope().addresses()).containsExactly("ada@example.org", "alice@example.org", "charles@example.org");
            assertThat(m.envelope().date()).contains(Instant.parse("2026-01-05T10:00:00Z"));
            assertThat(m.envelope().text()).isEqualTo("The plans are attached.");
            assertThat(m.attachments()).singleElement().satisfies(a -> {
                assertThat(a.name()).isEqualTo("plan.pdf");
                assertThat(a.mediaType()).isEqualTo("application/pdf");
                assertThat(a.size()).isEqualTo(9);
                assertThat(content(a)).isEqualTo("%PDF plan");
                assertThat(content(a)).as("read a second time").isEqualTo("%PDF plan");
            });
            assertThat(m.warnings()).isEmpty();
            try (InputStream in = m.source().open()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("Message-ID: <plans@example.org>\r\n");
            }
        }
    }

    @Test
    void encodedNamesAreDecodedAndRepeatedNamesMadeDistinct() throws Exception {
        try (SpooledMessage s = read("""
                Message-ID: <names@example.org>
                Subject: =?utf-8?q?R=C3=A9sum=C3=A9?=
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain; name="=?utf-8?b?UsOpc3Vtw6kucGRm?="
                Content-Disposition: attachment; filename*=utf-8''R%C3%A9sum%C3%A9.pdf

                one
                --b
                Content-Type: text/plain
                Content-Disposition: attachment; filename="Résumé.pdf"

                two
                --b--
                """)) {
            assertThat(s.message().envelope().subject()).isEqualTo("Résumé");
            assertThat(s.message().attachments()).extracting(MailAttachment::name).containsExactly("Résumé.pdf", "Résumé (2).pdf");
        }
    }

    @Test
    void aMessageWithoutClosingBoundaryIsReadWithAWarning() throws Exception {
        try (SpooledMessage s = read("""
                Message-ID: <cut@example.org>
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain

                body
                --b
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename=data.bin

                partial data
                """)) {
            assertThat(s.message().attachments()).extracting(MailAttachment::name).containsExactly("data.bin");
            assertThat(s.message().warnings()).singleElement().asString().contains("no closing boundary");
        }
    }

    @Test
    void anAttachmentWithBrokenBase64IsLeftOutWithAWarningAndTheRestIsKept() throws Exception {
        try (SpooledMessage s = read("""
                Message-ID: <broken@example.org>
                From: <<<nobody
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain

                still readable
                --b
                Content-Type: application/pdf
                Content-Disposition: attachment; filename=bad.pdf
                Content-Transfer-Encoding: base64

                ****not base64 at all****=
                --b
                Content-Type: application/pdf
                Content-Disposition: attachment; filename=good.pdf
                Content-Transfer-Encoding: base64

                Z29vZA==
                --b--
                """)) {
            MailMessage m = s.message();
            assertThat(m.envelope().text()).isEqualTo("still readable");
            assertThat(m.attachments()).extracting(MailAttachment::name).containsExactly("good.pdf");
            assertThat(m.warnings()).anySatisfy(w -> assertThat(w).contains("attachment 'bad.pdf'").contains("cannot be decoded"));
            assertThat(m.warnings()).anySatisfy(w -> assertThat(w).contains("From header"));
        }
    }

    @Test
    void aMultipartWithoutBoundaryAndAMissingMessageIdStillGiveAMessage() throws Exception {
        try (SpooledMessage s = read("""
                Subject: no id
                Content-Type: multipart/mixed

                just text
                """)) {
            MailMessage m = s.message();
            assertThat(m.envelope().messageId()).matches("<[0-9a-f]{64}@concord.invalid>");
            assertThat(m.warnings()).anySatisfy(w -> assertThat(w).contains("no Message-ID"));
            assertThat(m.warnings()).anySatisfy(w -> assertThat(w).contains("the message").contains("left out"));
        }
    }

    @Test
    void anHtmlOnlyMessageGivesItsTextWithoutTags() throws Exception {
        try (SpooledMessage s = read("""
                Message-ID: <html@example.org>
                Content-Type: text/html; charset=utf-8

                <html><head><style>p{}</style></head><body><p>Hello &amp; welcome</p><p>Line two</p></body></html>
                """)) {
            assertThat(s.message().envelope().text()).isEqualTo("Hello & welcome\nLine two");
            assertThat(s.message().attachments()).isEmpty();
        }
    }

    @Test
    void aSpooledCopyIsPrivateAndGoneOnClose() throws Exception {
        Path spool;
        try (SpooledMessage s = SpooledMessage.spool(new java.io.ByteArrayInputStream(
                Eml.withAttachment("<s@example.org>", "a.pdf", "x").getBytes(StandardCharsets.UTF_8)))) {
            spool = s.file();
            assertThat(Files.getPosixFilePermissions(spool)).extracting(Object::toString).containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
            assertThat(s.message().attachments()).hasSize(1);
        }
        assertThat(spool).doesNotExist();
    }
}
