package org.concord.connector.dav;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.concord.connector.dav.http.DavHttp;
import org.concord.connector.dav.http.DavRequest;
import org.concord.connector.dav.http.DavResponse;
import org.concord.connector.dav.xml.DavNames;
import org.concord.connector.dav.xml.Multistatus;
import org.concord.connector.dav.xml.XmlException;
import org.concord.model.Payload;
import org.concord.spi.ConnectorException;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.RetryableConnectorException;
import org.concord.spi.Scope;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;

/**
 * Applies writes with optimistic concurrency: a create is a PUT with {@code If-None-Match: *} at
 * {@code <global id>.vcf|.ics} in the scope's collection, so a create repeated after a lost reply
 * finds its own object (412, then fetched and compared) instead of making a second one; an
 * update is a PUT with {@code If-Match}, a delete a DELETE with {@code If-Match}. The version
 * returned is the etag the server gives the stored object, fetched when the PUT answer has none,
 * so a server that rewrites what we PUT does not make our write look like a new change.
 */
final class Writes {
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._~-]{1,120}");
    private static final String ETAG_PROPS = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>""";

    private final DavSettings settings;
    private final DavHttp http;
    private final Map<Scope, Collection> collections;
    private final ItemFormat format;

    Writes(DavSettings settings, DavHttp http, Map<Scope, Collection> collections, ItemFormat format) {
        this.settings = settings;
        this.http = http;
        this.collections = Map.copyOf(collections);
        this.format = format;
    }

    List<WriteResult> apply(List<Write> writes) throws ConnectorException, InterruptedException {
        List<WriteResult> results = new ArrayList<>(writes.size());
        for (Write w : writes) {
            try {
                results.add(apply(w));
            } catch (RetryableConnectorException e) {
                if (results.isEmpty()) {
                    throw e;
                }
                // What was written stays written: the rest waits for the next try.
                while (results.size() < writes.size()) {
                    results.add(new WriteResult.Unavailable(e.getMessage()));
                }
            }
        }
        return results;
    }

    private WriteResult apply(Write w) throws ConnectorException, InterruptedException {
        Collection c = collections.get(w.scope());
        if (c == null) {
            return new WriteResult.Rejected(prefix() + "no collection for " + w.scope() + " (types synced: "
                    + settings.types() + ", users: " + settings.users() + ")");
        }
        return switch (w) {
            case Write.Create create -> create(c, create);
            case Write.Update update -> update(c, update);
            case Write.Delete delete -> delete(c, delete);
        };
    }

    private WriteResult create(Collection c, Write.Create w) throws ConnectorException, InterruptedException {
        Payload payload = w.payload().uid().isPresent() ? w.payload() : w.payload().withUid(w.globalId());
        String text = format.encode(payload);
        String what = "create of " + w.scope().type().code() + " " + w.globalId();
        if (tooLarge(text)) {
            return new WriteResult.Rejected(prefix() + what + " refused: " + size(text) + " bytes, above max-item-size");
        }
        String path = c.path() + fileName(w.globalId()) + ItemFormat.extension(w.scope().type());
        URI uri = c.uri().resolve(Discovery.encodePath(path));
        DavRequest request = DavRequest.put(uri, c.account(), ItemFormat.contentType(w.scope().type()), text)
                .withHeader("If-None-Match", "*");
        DavResponse r = http.send(request);
        if (putStored(r)) {
            return written(c, uri, path, r, payload, text);
        }
        if (r.status() == 412) {
            return existingCreate(c, uri, path, payload, text, what);
        }
        return failed(r, request, what);
    }

    /** A create found its href taken: ours from an earlier try if the content is what we meant to write. */
    private WriteResult existingCreate(Collection c, URI uri, String path, Payload payload, String text, String what)
            throws ConnectorException, InterruptedException {
        DavRequest get = DavRequest.get(uri, c.account());
        DavResponse existing = http.send(get);
        if (existing.status() == 404) {
            return new WriteResult.Unavailable(prefix() + what + ": " + path + " was taken, then deleted; try again");
        }
        if (!existing.isSuccess()) {
            return failed(existing, get, what);
        }
        String expected = roundTrip(payload, text).contentHash();
        try {
            Payload there = format.decode(c.remote().kind(), existing.text());
            if (there.contentHash().equals(expected) && existing.etag().isPresent()) {
                return new WriteResult.Written(path, existing.etag().get(), stored(payload, text));
            }
        } catch (ItemFormat.Unconvertible e) {
            // Unreadable content at our href is not what we wrote: report it like other content.
        }
        return new WriteResult.PreconditionFailed(prefix() + what + ": " + path + " already exists with other content");
    }

    private WriteResult update(Collection c, Write.Update w) throws ConnectorException, InterruptedException {
        String text = format.encode(w.payload());
        String what = "update of " + w.scope().type().code() + " " + w.globalId() + " at " + w.nativeId();
        if (tooLarge(text)) {
            return new WriteResult.Rejected(prefix() + what + " refused: " + size(text) + " bytes, above max-item-size");
        }
        String path = pathOf(c, w.nativeId());
        URI uri = c.uri().resolve(Discovery.encodePath(path));
        DavRequest request = DavRequest.put(uri, c.account(), ItemFormat.contentType(w.scope().type()), text);
        if (w.expectedVersion().isPresent()) {
            request = request.withHeader("If-Match", entityTag(w.expectedVersion().get()));
        }
        DavResponse r = http.send(request);
        if (putStored(r)) {
            return written(c, uri, path, r, w.payload(), text);
        }
        if (r.status() == 404) {
            return new WriteResult.Gone(prefix() + what + ": deleted on the server meanwhile");
        }
        if (r.status() == 412) {
            return exists(c, uri)
                    ? new WriteResult.PreconditionFailed(prefix() + what + " refused: HTTP 412 (changed on the server)")
                    : new WriteResult.Gone(prefix() + what + ": deleted on the server meanwhile");
        }
        return failed(r, request, what);
    }

    private WriteResult delete(Collection c, Write.Delete w) throws ConnectorException, InterruptedException {
        String path = pathOf(c, w.nativeId());
        URI uri = c.uri().resolve(Discovery.encodePath(path));
        String what = "delete of " + w.scope().type().code() + " " + w.globalId() + " at " + w.nativeId();
        DavRequest request = DavRequest.delete(uri, c.account());
        if (w.expectedVersion().isPresent()) {
            request = request.withHeader("If-Match", entityTag(w.expectedVersion().get()));
        }
        DavResponse r = http.send(request);
        if (r.isSuccess() || r.status() == 404 || r.status() == 410) {
            return new WriteResult.Deleted();
        }
        if (r.status() == 412) {
            return exists(c, uri)
                    ? new WriteResult.PreconditionFailed(prefix() + what + " refused: HTTP 412 (changed on the server)")
                    : new WriteResult.Deleted();
        }
        return failed(r, request, what);
    }

    private WriteResult written(Collection c, URI uri, String path, DavResponse r, Payload payload, String text)
            throws ConnectorException, InterruptedException {
        Optional<String> etag = r.etag().filter(e -> !e.startsWith("W/"));
        if (etag.isEmpty()) {
            etag = currentEtag(c, uri);
        }
        if (etag.isEmpty()) {
            return new WriteResult.Unavailable(prefix() + "wrote " + path + " but the server gives it no etag yet");
        }
        return new WriteResult.Written(path, etag.get(), stored(payload, text));
    }

    /** What the feed will report for what we wrote, when our own conversion does not give back the same content. */
    private Optional<Payload> stored(Payload written, String text) {
        Payload back = roundTrip(written, text);
        return back.contentHash().equals(written.contentHash()) ? Optional.empty() : Optional.of(back);
    }

    private Payload roundTrip(Payload written, String text) {
        try {
            Payload back = format.decode(written.type() == org.concord.model.ItemType.CONTACT
                    ? RemoteCollection.Kind.ADDRESSBOOK : RemoteCollection.Kind.CALENDAR, text);
            return back.type() == written.type() ? back : written;
        } catch (ItemFormat.Unconvertible e) {
            return written;
        }
    }

    private Optional<String> currentEtag(Collection c, URI uri) throws ConnectorException, InterruptedException {
        DavRequest request = DavRequest.propfind(uri, c.account(), 0, ETAG_PROPS);
        DavResponse r = http.send(request);
        if (r.status() != 207) {
            return Optional.empty();
        }
        try {
            return r.multistatus().resources().stream().findFirst().flatMap(res -> res.text(DavNames.GETETAG));
        } catch (XmlException e) {
            return Optional.empty();
        }
    }

    private boolean exists(Collection c, URI uri) throws ConnectorException, InterruptedException {
        DavRequest request = DavRequest.propfind(uri, c.account(), 0, ETAG_PROPS);
        DavResponse r = http.send(request);
        if (r.status() == 404 || r.status() == 410) {
            return false;
        }
        if (r.status() == 207) {
            try {
                Multistatus ms = r.multistatus();
                return ms.resources().stream().anyMatch(res -> res.status() / 100 == 2);
            } catch (XmlException e) {
                return true;
            }
        }
        return true;
    }

    /** A PUT stored the object; a 207 is how some servers (Xandikos) refuse one. */
    private static boolean putStored(DavResponse r) {
        return r.isSuccess() && r.status() != 207;
    }

    /** Classifies a refused write: auth and outages fail the call, the rest is this write's result. */
    private WriteResult failed(DavResponse r, DavRequest request, String what) throws ConnectorException {
        int s = r.status();
        if (s == 207) {
            return new WriteResult.Rejected(prefix() + what + " refused: " + multistatusReason(r));
        }
        if (s == 401 || (s == 403 && r.precondition().isEmpty())) {
            throw http.failure(r, request);
        }
        if (s == 502 || s == 503 || s == 504) {
            throw new RetryableConnectorException(prefix() + what + " failed: " + r.reason());
        }
        if (s / 100 == 5 || s == 408 || s == 429) {
            return new WriteResult.Unavailable(prefix() + what + " failed: " + r.reason());
        }
        return new WriteResult.Rejected(prefix() + what + " refused: " + r.reason());
    }

    private static String multistatusReason(DavResponse r) {
        try {
            org.concord.connector.dav.xml.XmlElement root = org.concord.connector.dav.xml.SafeXml.parse(r.body());
            String status = root.descendants(DavNames.STATUS).stream().map(e -> e.text().trim()).findFirst().orElse("");
            String description = root.descendants(new javax.xml.namespace.QName(DavNames.DAV, "responsedescription"))
                    .stream().map(e -> e.text().trim()).findFirst().orElse("");
            return (status + " " + description).trim();
        } catch (XmlException e) {
            return "HTTP 207";
        }
    }

    private static String pathOf(Collection c, String nativeId) {
        return nativeId.startsWith("/") ? nativeId : c.path() + nativeId;
    }

    /** Versions are the server's entity tags, quotes included; a bare value is quoted. */
    static String entityTag(String version) {
        return version.startsWith("\"") || version.startsWith("W/\"") ? version : "\"" + version + "\"";
    }

    /** The resource name for a global id: the id itself when it is URL-safe, else a digest of it. */
    static String fileName(String globalId) {
        if (SAFE_NAME.matcher(globalId).matches()) {
            return globalId;
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(globalId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private boolean tooLarge(String text) {
        return size(text) > settings.maxItemBytes();
    }

    private static long size(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private String prefix() {
        return "dav '" + settings.system() + "': ";
    }
}
