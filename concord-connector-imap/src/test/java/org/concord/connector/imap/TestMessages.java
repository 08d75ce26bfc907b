package org.concord.connector.imap;

import java.util.Base64;

/** Raw RFC 822 messages for tests, with CRLF line ends as on the wire. */
final class TestMessages {
    private TestMessages() {}

    static String plain(String messageId, String from, String to, String subject) {
        return crlf("""
                Message-ID: %s
                From: %s
                To: %s
                Subject: %s
                Date: Mon, 5 Jan 2026 10:00:00 +0000
                MIME-Version: 1.0
                Content-Type: text/plain; charset=utf-8

                Hello,
                the plans are attached.
                """.formatted(messageId, from, to, subject));
    }

    static String withAttachments(String messageId, String from, String to, String subject, String... names) {
        StringBuilder b = new StringBuilder("""
                Message-ID: %s
                From: %s
                To: %s
                Cc: Charles Babbage <charles@example.org>
                Subject: %s
                Date: Mon, 5 Jan 2026 10:00:00 +0000
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                See the attached files.
                """.formatted(messageId, from, to, subject));
        for (String name : names) {
            b.append("""
                    --b1
                    Content-Type: application/octet-stream; name="%1$s"
                    Content-Disposition: attachment; filename="%1$s"
                    Content-Transfer-Encoding: base64

                    %2$s
                    """.formatted(name, Base64.getMimeEncoder().encodeToString(("content of " + name).getBytes())));
        }
        b.append("--b1--\n");
        return crlf(b.toString());
    }

    static String crlf(String text) {
        return text.replace("\r\n", "\n").replace("\n", "\r\n");
    }
}
