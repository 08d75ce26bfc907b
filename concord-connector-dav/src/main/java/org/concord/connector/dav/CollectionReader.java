package org.concord.connector.dav;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.concord.connector.dav.http.DavHttp;
import org.concord.connector.dav.http.DavRequest;
import org.concord.connector.dav.http.DavResponse;
import org.concord.connector.dav.http.ResponseTooLargeException;
import org.concord.connector.dav.xml.DavNames;
import org.concord.connector.dav.xml.Multistatus;
import org.concord.connector.dav.xml.SafeXml;
import org.concord.connector.dav.xml.XmlException;
import org.concord.spi.ConnectorException;
import org.concord.spi.PermanentConnectorException;

/** The read requests on one collection: sync-collection, state probe, etag listing and multiget. */
final class CollectionReader {
    private static final String STATE_PROPS = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:propfind xmlns:d="DAV:" xmlns:cs="http://calendarserver.org/ns/"><d:prop><d:sync-token/><cs:getctag/>
            </d:prop></d:propfind>""";
    private static final String LISTING_PROPS = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:getetag/></d:prop></d:propfind>""";

    /** A member of a collection as a listing or sync report names it. */
    record Member(String path, Optional<String> etag, boolean removed) {}

    /** What a sync-collection report gave. */
    sealed interface SyncResult {
        record Changes(List<Member> members, String token) implements SyncResult {}

        /** The token is unknown, expired, or the result was truncated: read everything again. */
        record Reconcile(String reason) implements SyncResult {}
    }

    /** The collection's change markers right now. */
    record State(Optional<String> syncToken, Optional<String> ctag) {}

    /** One member's data as a multiget returned it. */
    record Fetched(String path, int status, Optional<String> etag, Optional<String> data) {}

    private final DavHttp http;

    CollectionReader(DavHttp http) {
        this.http = http;
    }

    SyncResult sync(Collection c, String token) throws ConnectorException, InterruptedException {
        String body = """
                <?xml version="1.0" encoding="utf-8"?>
                <d:sync-collection xmlns:d="DAV:"><d:sync-token>%s</d:sync-token><d:sync-level>1</d:sync-level>
                <d:prop><d:getetag/></d:prop></d:sync-collection>""".formatted(SafeXml.escape(token));
        DavRequest request = DavRequest.report(c.uri(), c.account(), -1, body);
        DavResponse r;
        try {
            r = http.send(request);
        } catch (ResponseTooLargeException e) {
            return new SyncResult.Reconcile("sync report larger than max-response-size");
        }
        if (r.status() == 207) {
            Multistatus ms = parse(r, request);
            List<Member> members = new ArrayList<>();
            for (Multistatus.Resource res : ms.resources()) {
                if (isCollectionItself(c, res.path())) {
                    if (res.status() == 507) {
                        return new SyncResult.Reconcile("server truncated the sync report (507)");
                    }
                    continue;
                }
                members.add(new Member(res.path(), res.text(DavNames.GETETAG), res.status() == 404));
            }
            if (ms.syncToken().isEmpty()) {
                throw new PermanentConnectorException(prefix() + "REPORT sync-collection on " + c.path()
                        + " answered without a sync-token; set feed: etag-listing for this server");
            }
            return new SyncResult.Changes(members, ms.syncToken().get());
        }
        Optional<QName> precondition = r.precondition();
        if ((r.status() == 403 || r.status() == 409) && precondition.isPresent()
                && precondition.get().equals(DavNames.VALID_SYNC_TOKEN)) {
            return new SyncResult.Reconcile("sync token no longer valid (HTTP " + r.status() + ")");
        }
        if (r.status() == 507) {
            return new SyncResult.Reconcile("server refused to list the changes at once (507)");
        }
        if (r.status() / 100 == 5 && !token.isEmpty() && answers(c)) {
            // Some servers (Xandikos) fail with 500 on a token they no longer know, while the
            // collection itself answers: the token is the problem, not the server.
            return new SyncResult.Reconcile("sync report failed with " + r.reason() + " while the collection answers");
        }
        throw http.failure(r, request);
    }

    private boolean answers(Collection c) throws ConnectorException, InterruptedException {
        DavRequest request = DavRequest.propfind(c.uri(), c.account(), 0, STATE_PROPS);
        return http.send(request).status() == 207;
    }

    State state(Collection c) throws ConnectorException, InterruptedException {
        DavRequest request = DavRequest.propfind(c.uri(), c.account(), 0, STATE_PROPS);
        DavResponse r = http.send(request);
        if (r.status() != 207) {
            throw collectionFailure(c, r, request);
        }
        for (Multistatus.Resource res : parse(r, request).resources()) {
            if (isCollectionItself(c, res.path())) {
                return new State(res.text(DavNames.SYNC_TOKEN), res.text(DavNames.GETCTAG));
            }
        }
        return new State(Optional.empty(), Optional.empty());
    }

    List<Member> listing(Collection c) throws ConnectorException, InterruptedException {
        DavRequest request = DavRequest.propfind(c.uri(), c.account(), 1, LISTING_PROPS);
        DavResponse r = http.send(request);
        if (r.status() != 207) {
            throw collectionFailure(c, r, request);
        }
        List<Member> members = new ArrayList<>();
        for (Multistatus.Resource res : parse(r, request).resources()) {
            if (isCollectionItself(c, res.path()) || res.status() / 100 != 2 || res.isCollectionOf(DavNames.COLLECTION)) {
                continue;
            }
            members.add(new Member(res.path(), res.text(DavNames.GETETAG), false));
        }
        return members;
    }

    /** Fetches members' data; a batch whose answer is too large is split until one member is alone. */
    List<Fetched> multiget(Collection c, List<String> paths) throws ConnectorException, InterruptedException {
        if (paths.isEmpty()) {
            return List.of();
        }
        boolean book = c.remote().kind() == RemoteCollection.Kind.ADDRESSBOOK;
        StringBuilder body = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        body.append(book ? "<card:addressbook-multiget xmlns:d=\"DAV:\" xmlns:card=\"urn:ietf:params:xml:ns:carddav\">"
                : "<cal:calendar-multiget xmlns:d=\"DAV:\" xmlns:cal=\"urn:ietf:params:xml:ns:caldav\">");
        body.append(book ? "<d:prop><d:getetag/><card:address-data/></d:prop>" : "<d:prop><d:getetag/><cal:calendar-data/></d:prop>");
        for (String p : paths) {
            body.append("<d:href>").append(SafeXml.escape(Discovery.encodePath(p))).append("</d:href>");
        }
        body.append(book ? "</card:addressbook-multiget>" : "</cal:calendar-multiget>");
        DavRequest request = DavRequest.report(c.uri(), c.account(), 1, body.toString());
        DavResponse r;
        try {
            r = http.send(request);
        } catch (ResponseTooLargeException e) {
            if (paths.size() == 1) {
                return List.of(new Fetched(paths.getFirst(), 413, Optional.empty(), Optional.empty()));
            }
            List<Fetched> out = new ArrayList<>(multiget(c, paths.subList(0, paths.size() / 2)));
            out.addAll(multiget(c, paths.subList(paths.size() / 2, paths.size())));
            return out;
        }
        if (r.status() != 207) {
            throw collectionFailure(c, r, request);
        }
        QName data = book ? DavNames.ADDRESS_DATA : DavNames.CALENDAR_DATA;
        List<Fetched> out = new ArrayList<>();
        for (Multistatus.Resource res : parse(r, request).resources()) {
            out.add(new Fetched(res.path(), res.status(), res.text(DavNames.GETETAG),
                    res.property(data).map(d -> d.text())));
        }
        return out;
    }

    private org.concord.spi.ConnectorException collectionFailure(Collection c, DavResponse r, DavRequest request) {
        if (r.status() == 404) {
            return new PermanentConnectorException(prefix() + "collection " + c.path() + " of user " + c.user()
                    + " is gone (HTTP 404); it was deleted on the server");
        }
        return http.failure(r, request);
    }

    private Multistatus parse(DavResponse r, DavRequest request) throws PermanentConnectorException {
        try {
            return r.multistatus();
        } catch (XmlException e) {
            throw new PermanentConnectorException(prefix() + request.describe() + ": unreadable answer: " + e.getMessage(), e);
        }
    }

    private static boolean isCollectionItself(Collection c, String path) {
        String p = path.endsWith("/") ? path : path + "/";
        return p.equals(c.path());
    }

    private String prefix() {
        return "dav '" + http.system() + "': ";
    }
}
