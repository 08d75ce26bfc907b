package org.concord.connector.dav.xml;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * A WebDAV 207 Multi-Status body (RFC 4918 §13), read into one {@link Resource} per
 * {@code response} element, plus the {@code sync-token} of a sync-collection report (RFC 6578).
 */
public record Multistatus(List<Resource> resources, Optional<String> syncToken) {

    /**
     * One {@code response}: its href as a decoded absolute path, the response-level status if it
     * has one (sync-collection reports a removed member as 404), and the properties found (200).
     */
    public record Resource(String path, int status, Map<QName, XmlElement> found) {
        public Resource {
            found = Map.copyOf(found);
        }

        public Optional<XmlElement> property(QName name) {
            return Optional.ofNullable(found.get(name));
        }

        public Optional<String> text(QName name) {
            return property(name).map(p -> p.text().trim()).filter(t -> !t.isEmpty());
        }

        /** The href of a property holding one DAV:href, e.g. current-user-principal, decoded. */
        public Optional<String> hrefIn(QName name) {
            return property(name).flatMap(p -> p.child(DavNames.HREF)).map(h -> h.text().trim())
                    .filter(t -> !t.isEmpty()).map(Multistatus::pathOf);
        }

        public boolean isCollectionOf(QName resourceType) {
            return property(DavNames.RESOURCETYPE).map(t -> t.child(resourceType).isPresent()).orElse(false);
        }
    }

    public static Multistatus parse(byte[] body) throws XmlException {
        XmlElement root = SafeXml.parse(body);
        if (!root.is(DavNames.MULTISTATUS)) {
            throw new XmlException("expected a DAV:multistatus, found " + root.name());
        }
        List<Resource> resources = new ArrayList<>();
        for (XmlElement response : root.children(DavNames.RESPONSE)) {
            String href = response.childText(DavNames.HREF)
                    .orElseThrow(() -> new XmlException("a DAV:response without a DAV:href"));
            int status = response.childText(DavNames.STATUS).map(Multistatus::statusCode).orElse(200);
            Map<QName, XmlElement> found = new HashMap<>();
            for (XmlElement propstat : response.children(DavNames.PROPSTAT)) {
                int propStatus = propstat.childText(DavNames.STATUS).map(Multistatus::statusCode).orElse(200);
                if (propStatus / 100 != 2) {
                    continue;
                }
                for (XmlElement prop : propstat.children(DavNames.PROP)) {
                    for (XmlElement p : prop.children()) {
                        found.put(p.name(), p);
                    }
                }
            }
            resources.add(new Resource(pathOf(href), status, found));
        }
        return new Multistatus(resources, root.childText(DavNames.SYNC_TOKEN));
    }

    /** {@code HTTP/1.1 404 Not Found} → 404; anything unreadable counts as a server error. */
    static int statusCode(String statusLine) {
        String[] parts = statusLine.trim().split("\\s+");
        if (parts.length >= 2) {
            try {
                return Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                // falls through
            }
        }
        return 500;
    }

    /**
     * The decoded path of an href, which servers may send absolute ({@code https://host/a/b}) or
     * as a path, percent-encoded or not. Paths are how we name resources everywhere.
     */
    public static String pathOf(String href) {
        try {
            URI uri = new URI(href);
            String path = uri.getPath();
            return path == null || path.isEmpty() ? "/" : path;
        } catch (URISyntaxException e) {
            // Some servers send unencoded spaces or other characters: the text is the path.
            int scheme = href.indexOf("://");
            if (scheme > 0) {
                int slash = href.indexOf('/', scheme + 3);
                return slash < 0 ? "/" : href.substring(slash);
            }
            return href;
        }
    }
}
