package org.concord.connector.dav.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.concord.connector.dav.xml.DavNames;
import org.concord.connector.dav.xml.Multistatus;
import org.concord.connector.dav.xml.SafeXml;
import org.concord.connector.dav.xml.XmlElement;
import org.concord.connector.dav.xml.XmlException;

/** One HTTP response, any status, with its whole (size-capped) body. {@code uri} is where it came from after redirects. */
public record DavResponse(URI uri, int status, HttpHeaders headers, byte[] body) {

    public boolean isSuccess() {
        return status / 100 == 2;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The entity tag of the response, as sent (quotes included). */
    public Optional<String> etag() {
        return header("ETag").map(String::trim).filter(e -> !e.isEmpty());
    }

    public String text() {
        return new String(body, charset());
    }

    public Multistatus multistatus() throws XmlException {
        return Multistatus.parse(body);
    }

    /**
     * The precondition a server named in a DAV:error body (RFC 4918 §16), e.g. DAV:valid-sync-token
     * or CalDAV no-uid-conflict; empty if the body is not such a document.
     */
    public Optional<QName> precondition() {
        String type = header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (body.length == 0 || !type.contains("xml")) {
            return Optional.empty();
        }
        try {
            XmlElement root = SafeXml.parse(body);
            if (root.is(DavNames.ERROR) && !root.children().isEmpty()) {
                return Optional.of(root.children().getFirst().name());
            }
            return Optional.empty();
        } catch (XmlException e) {
            return Optional.empty();
        }
    }

    /** A short reason for messages: the named precondition, or the start of a text body. */
    public String reason() {
        Optional<QName> precondition = precondition();
        if (precondition.isPresent()) {
            return "HTTP " + status + " (" + precondition.get().getLocalPart() + ")";
        }
        String type = header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
        if (type.startsWith("text/plain") && body.length > 0) {
            String text = text().strip().replaceAll("\\s+", " ");
            return "HTTP " + status + ": " + (text.length() > 160 ? text.substring(0, 160) + "…" : text);
        }
        return "HTTP " + status;
    }

    private Charset charset() {
        String type = header("Content-Type").orElse("");
        int at = type.toLowerCase(Locale.ROOT).indexOf("charset=");
        if (at >= 0) {
            String name = type.substring(at + 8).split("[;\\s]")[0].replace("\"", "");
            try {
                return Charset.forName(name);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                return StandardCharsets.UTF_8;
            }
        }
        return StandardCharsets.UTF_8;
    }
}
