package org.concord.connector.dav.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeXmlTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aSyncReportFromRadicaleGivesHrefsEtagsRemovalsAndTheToken() throws Exception {
        Multistatus ms = Multistatus.parse(bytes("""
                <?xml version='1.0' encoding='utf-8'?>
                <multistatus xmlns="DAV:"><sync-token>http://radicale.org/ns/sync/a13d</sync-token>
                <response><href>/alice/contacts/a%20b.vcf</href><propstat><prop><getetag>"8b4e"</getetag></prop>
                <status>HTTP/1.1 200 OK</status></propstat></response>
                <response><href>/alice/contacts/gone.vcf</href><status>HTTP/1.1 404 Not Found</status></response>
                </multistatus>"""));
        assertThat(ms.syncToken()).contains("http://radicale.org/ns/sync/a13d");
        assertThat(ms.resources()).hasSize(2);
        assertThat(ms.resources().get(0).path()).isEqualTo("/alice/contacts/a b.vcf");
        assertThat(ms.resources().get(0).text(DavNames.GETETAG)).contains("\"8b4e\"");
        assertThat(ms.resources().get(1).status()).isEqualTo(404);
    }

    @Test
    void prefixedNamespacesAndAbsoluteHrefsAsXandikosAndOthersSendThem() throws Exception {
        Multistatus ms = Multistatus.parse(bytes("""
                <ns0:multistatus xmlns:ns0="DAV:" xmlns:ns2="urn:ietf:params:xml:ns:caldav"><ns0:response>
                <ns0:href>https://dav.example.org/alice/calendars/calendar/</ns0:href>
                <ns0:propstat><ns0:status>HTTP/1.1 200 OK</ns0:status><ns0:prop>
                <ns0:resourcetype><ns0:collection /><ns2:calendar /></ns0:resourcetype>
                <ns2:supported-calendar-component-set><ns2:comp name="VEVENT" /><ns2:comp name="VTODO" /></ns2:supported-calendar-component-set>
                </ns0:prop></ns0:propstat>
                <ns0:propstat><ns0:status>HTTP/1.1 404 Not Found</ns0:status><ns0:prop><ns0:displayname/></ns0:prop></ns0:propstat>
                </ns0:response></ns0:multistatus>"""));
        Multistatus.Resource r = ms.resources().getFirst();
        assertThat(r.path()).isEqualTo("/alice/calendars/calendar/");
        assertThat(r.isCollectionOf(DavNames.CALENDAR)).isTrue();
        assertThat(r.property(DavNames.DISPLAYNAME)).as("a 404 propstat is not a value").isEmpty();
        assertThat(r.property(DavNames.SUPPORTED_CALENDAR_COMPONENT_SET).orElseThrow().children(DavNames.COMP))
                .extracting(c -> c.attribute("name").orElseThrow()).containsExactly("VEVENT", "VTODO");
    }

    @Test
    void anExternalEntityIsRefusedAndTheFileIsNeverRead(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "top-secret-content");
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE multistatus [<!ENTITY x SYSTEM "%s">]>
                <multistatus xmlns="DAV:"><response><href>&x;</href></response></multistatus>"""
                .formatted(secret.toUri());
        assertThatThrownBy(() -> Multistatus.parse(bytes(xxe)))
                .isInstanceOf(XmlException.class)
                .hasMessageNotContaining("top-secret-content");
    }

    @Test
    void anEntityExpansionBombIsRefused() {
        String bomb = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
                <multistatus xmlns="DAV:"><sync-token>&lol2;</sync-token></multistatus>""";
        assertThatThrownBy(() -> Multistatus.parse(bytes(bomb))).isInstanceOf(XmlException.class);
    }

    @Test
    void malformedXmlIsAnXmlException() {
        assertThatThrownBy(() -> SafeXml.parse(bytes("<multistatus xmlns=\"DAV:\"><response>")))
                .isInstanceOf(XmlException.class).hasMessageContaining("malformed");
    }

    @Test
    void escapingKeepsMarkupCharactersOutOfRequests() {
        assertThat(SafeXml.escape("/a&b/<c>\"'")).isEqualTo("/a&amp;b/&lt;c&gt;&quot;&apos;");
    }
}
