package org.concord.app.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/** RFC 822 messages for tests, with CRLF line ends as on the wire. */
final class Eml {
    private Eml() {}

    static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }

    static String withAttachment(String messageId, String attachmentName, String content) {
        return crlf("""
                Message-ID: %s
                From: Ada Lovelace <ada@example.org>
                To: alice@example.org
                Cc: Charles Babbage <charles@example.org>
                Subject: Engine plans
                Date: Mon, 5 Jan 2026 10:00:00 +0000
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                The plans are attached.
                --b1
                Content-Type: application/pdf; name="%2$s"
                Content-Disposition: attachment; filename="%2$s"
                Content-Transfer-Encoding: base64

                %3$s
                --b1--
                """.formatted(messageId, attachmentName,
                Base64.getMimeEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * Writes a message with one attachment of {@code size} pseudo-random bytes, streaming, so a
     * test can make a 25 MB message without holding it.
     */
    static void writeBig(Path file, String messageId, long size) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(crlf("""
                    Message-ID: %s
                    From: Ada Lovelace <ada@example.org>
                    To: alice@example.org
                    Subject: The big model
                    Date: Mon, 5 Jan 2026 10:00:00 +0000
                    MIME-Version: 1.0
                    Content-Type: multipart/mixed; boundary="b1"

                    --b1
                    Content-Type: text/plain; charset=utf-8

                    The model is attached.
                    --b1
                    Content-Type: application/octet-stream; name="model.bin"
                    Content-Disposition: attachment; filename="model.bin"
                    Content-Transfer-Encoding: base64

                    """.formatted(messageId)).getBytes(StandardCharsets.US_ASCII));
            OutputStream encoder = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII)).wrap(nonClosing(out));
            byte[] block = new byte[57 * 1024];
            java.util.Random random = new java.util.Random(25);
            for (long written = 0; written < size; written += block.length) {
                random.nextBytes(block);
                encoder.write(block, 0, (int) Math.min(block.length, size - written));
            }
            encoder.close();
            out.write(crlf("\n--b1--\n").getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The SHA-256 of what {@link #writeBig} attaches. */
    static String bigDigest(long size) throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        byte[] block = new byte[57 * 1024];
        java.util.Random random = new java.util.Random(25);
        for (long written = 0; written < size; written += block.length) {
            random.nextBytes(block);
            sha.update(block, 0, (int) Math.min(block.length, size - written));
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
