package org.concord.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.concord.spi.MailEnvelope;
import org.concord.spi.MailMessage;
import org.junit.jupiter.api.Test;

class HtmlBodyTest {

    static MailMessage source(String raw) {
        byte[] bytes = raw.replace("\n", "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        MailEnvelope e = new MailEnvelope("<x@example.org>", "", "", "", List.of(), List.of(), Optional.empty(), "");
        return new MailMessage(e, bytes.length, () -> new ByteArrayInputStream(bytes), List.of(), List.of());
    }

    @Test
    void theHtmlAlternativeIsDecodedWithItsCharsetAndAnHtmlAttachmentIsNotTheBody() {
        List<String> warnings = new ArrayList<>();
        Optional<String> html = HtmlBody.read(source("""
                Message-ID: <x@example.org>
                Content-Type: multipart/mixed; boundary="m"

                --m
                Content-Type: multipart/alternative; boundary="a"

                --a
                Content-Type: text/plain; charset=utf-8

                Gr=C3=BC=C3=9Fe
                --a
                Content-Type: text/html; charset=iso-8859-1
                Content-Transfer-Encoding: quoted-printable

                <p>Gr=FC=DFe aus K=F6ln</p>
                --a--
                --m
                Content-Type: text/html; name="page.html"
                Content-Disposition: attachment; filename="page.html"

                <p>an attached page</p>
                --m--
                """), warnings);
        assertThat(html).contains("<p>Grüße aus Köln</p>");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aPlainTextMessageHasNoHtmlBody() {
        List<String> warnings = new ArrayList<>();
        assertThat(HtmlBody.read(source("Message-ID: <x@example.org>\nContent-Type: text/plain\n\nhello\n"), warnings)).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void anHtmlOnlyMessageIsItsOwnBodyAndAnUnreadableSourceIsAWarning() {
        List<String> warnings = new ArrayList<>();
        assertThat(HtmlBody.read(source("Message-ID: <x@example.org>\nContent-Type: text/html; charset=utf-8\n\n<b>hi</b>\n"), warnings))
                .contains("<b>hi</b>\r\n"); // a single part keeps its last line end; a multipart's belongs to the boundary
        MailEnvelope e = new MailEnvelope("<x@example.org>", "", "", "", List.of(), List.of(), Optional.empty(), "");
        MailMessage gone = new MailMessage(e, 10, () -> {
            throw new java.io.IOException("spool file removed");
        }, List.of(), List.of());
        assertThat(HtmlBody.read(gone, warnings)).isEmpty();
        assertThat(warnings).singleElement().asString().contains("the HTML body cannot be read").contains("spool file removed");
    }
}
