package org.concord.connector.dav;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concord.connector.dav.http.Account;
import org.concord.connector.dav.http.DavHttp;
import org.concord.connector.dav.http.DavRequest;
import org.concord.connector.dav.http.DavResponse;
import org.concord.connector.dav.xml.DavNames;
import org.concord.connector.dav.xml.Multistatus;
import org.concord.connector.dav.xml.SafeXml;
import org.concord.connector.dav.xml.XmlElement;
import org.concord.connector.dav.xml.XmlException;
import org.concord.model.ItemType;
import org.concord.spi.ConnectorException;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.RetryableConnectorException;

/**
 * Finds each user's collections: the principal (configured, or current-user-principal through
 * the URL or RFC 6764 well-known locations), its address book and calendar home sets, the
 * collections in them, and per type the one to use, created when missing and allowed.
 */
final class Discovery {
    private static final String PRINCIPAL_PROPS = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:propfind xmlns:d="DAV:"><d:prop><d:current-user-principal/></d:prop></d:propfind>""";
    private static final String HOME_PROPS = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:propfind xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav" xmlns:cal="urn:ietf:params:xml:ns:caldav">
            <d:prop><card:addressbook-home-set/><cal:calendar-home-set/></d:prop></d:propfind>""";
    /**
     * What telling collections apart needs, and no more: a server computes a collection's ctag
     * or sync-token from all its members (Radicale takes seconds at ten thousand), and the feed
     * asks for them itself when it needs them.
     */
    static final String COLLECTION_PROPS = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:propfind xmlns:d="DAV:" xmlns:cal="urn:ietf:params:xml:ns:caldav">
            <d:prop><d:resourcetype/><d:displayname/><d:supported-report-set/>
            <cal:supported-calendar-component-set/></d:prop></d:propfind>""";

    /** A user's principal and homes; a server without home sets keeps collections under the principal. */
    record Homes(URI principal, List<URI> addressbookHomes, List<URI> calendarHomes) {}

    private final DavSettings settings;
    private final DavHttp http;

    Discovery(DavSettings settings, DavHttp http) {
        this.settings = settings;
        this.http = http;
    }

    /** The collections of every configured user, one per (user, collection), each with the types it holds. */
    List<Collection> discoverAll() throws ConnectorException, InterruptedException {
        List<Collection> all = new ArrayList<>();
        for (String user : settings.users()) {
            all.addAll(discover(user));
        }
        return List.copyOf(all);
    }

    List<Collection> discover(String user) throws ConnectorException, InterruptedException {
        Account account = settings.account(user);
        Optional<List<Collection>> direct = direct(user, account);
        if (direct.isPresent()) {
            return direct.get();
        }
        Homes homes = homes(user, account);
        Map<String, RemoteCollection> found = new LinkedHashMap<>();
        Set<URI> allHomes = new LinkedHashSet<>(homes.addressbookHomes());
        allHomes.addAll(homes.calendarHomes());
        for (URI home : allHomes) {
            for (RemoteCollection c : list(home, account, 1)) {
                found.putIfAbsent(c.path(), c);
            }
        }
        Map<String, Set<ItemType>> typesByPath = new LinkedHashMap<>();
        for (ItemType type : settings.types()) {
            Optional<CollectionSpec> spec = Optional.ofNullable(settings.collections().get(type))
                    .map(s -> CollectionSpec.of(s, user));
            URI home = type == ItemType.CONTACT ? first(homes.addressbookHomes(), homes.principal())
                    : first(homes.calendarHomes(), homes.principal());
            if (spec.isPresent() && spec.get() instanceof CollectionSpec.ByPath p) {
                URI at = home.resolve(p.path());
                if (!found.containsKey(at.getPath())) {
                    list(at, account, 0).forEach(c -> found.putIfAbsent(c.path(), c));
                }
            }
            CollectionChoice choice = CollectionChoice.choose(type, spec, List.copyOf(found.values()), home,
                    settings.createCollections());
            RemoteCollection chosen = switch (choice) {
                case CollectionChoice.Use use -> use.collection();
                case CollectionChoice.Create create -> {
                    RemoteCollection made = create(create, type, account, user);
                    found.put(made.path(), made);
                    yield made;
                }
                case CollectionChoice.Missing missing -> throw new PermanentConnectorException(
                        prefix() + "user " + user + ": " + missing.reason());
            };
            typesByPath.computeIfAbsent(chosen.path(), k -> new LinkedHashSet<>()).add(type);
        }
        List<Collection> out = new ArrayList<>();
        typesByPath.forEach((path, types) -> out.add(new Collection(user, account, found.get(path), types,
                useSyncCollection(found.get(path)))));
        return out;
    }

    /**
     * The user's collections when the config names every type's by an absolute path (or URL) and
     * each is there and holds its type: one PROPFIND per collection, without the principal and
     * home sets (three or four requests more, which a cron run pays on every start, and the
     * server too). The path is resolved against the configured url. Empty when anything else is
     * the case (a type without a path, a collection missing or of another kind, any answer but
     * 207): the full discovery then decides, creates or explains as it always has.
     */
    private Optional<List<Collection>> direct(String user, Account account) throws ConnectorException, InterruptedException {
        Map<String, RemoteCollection> found = new LinkedHashMap<>();
        Map<String, Set<ItemType>> typesByPath = new LinkedHashMap<>();
        for (ItemType type : settings.types()) {
            Optional<CollectionSpec> spec = Optional.ofNullable(settings.collections().get(type))
                    .map(s -> CollectionSpec.of(s, user));
            if (spec.isEmpty() || !(spec.get() instanceof CollectionSpec.ByPath p)) {
                return Optional.empty();
            }
            URI at = settings.url().resolve(p.path());
            if (!found.containsKey(at.getPath())) {
                DavRequest request = DavRequest.propfind(at, account, 0, COLLECTION_PROPS);
                DavResponse r = http.send(request);
                if (r.status() != 207) {
                    return Optional.empty();
                }
                collections(r, request).forEach(c -> found.putIfAbsent(c.path(), c));
            }
            if (!(CollectionChoice.choose(type, spec, List.copyOf(found.values()), at, false)
                    instanceof CollectionChoice.Use use)) {
                return Optional.empty();
            }
            typesByPath.computeIfAbsent(use.collection().path(), k -> new LinkedHashSet<>()).add(type);
        }
        List<Collection> out = new ArrayList<>();
        typesByPath.forEach((path, types) -> out.add(new Collection(user, account, found.get(path), types,
                useSyncCollection(found.get(path)))));
        return Optional.of(out);
    }

    private boolean useSyncCollection(RemoteCollection c) {
        return switch (settings.feed()) {
            case AUTO -> c.syncCollection();
            case SYNC_COLLECTION -> true;
            case ETAG_LISTING -> false;
        };
    }

    Homes homes(String user, Account account) throws ConnectorException, InterruptedException {
        URI principal;
        if (settings.principal().isPresent()) {
            principal = settings.url().resolve(settings.principal().get().replace("{user}", user));
        } else {
            principal = currentUserPrincipal(user, account);
        }
        DavRequest request = DavRequest.propfind(principal, account, 0, HOME_PROPS);
        DavResponse r = http.send(request);
        if (r.status() != 207) {
            throw http.failure(r, request);
        }
        Multistatus ms = parse(r, request);
        List<URI> books = new ArrayList<>();
        List<URI> calendars = new ArrayList<>();
        for (Multistatus.Resource res : ms.resources()) {
            hrefs(res, DavNames.ADDRESSBOOK_HOME_SET).forEach(h -> books.add(r.uri().resolve(h)));
            hrefs(res, DavNames.CALENDAR_HOME_SET).forEach(h -> calendars.add(r.uri().resolve(h)));
        }
        return new Homes(principal, books, calendars);
    }

    private URI currentUserPrincipal(String user, Account account) throws ConnectorException, InterruptedException {
        URI base = settings.url();
        List<URI> tries = new ArrayList<>();
        URI carddav = base.resolve("/.well-known/carddav");
        URI caldav = base.resolve("/.well-known/caldav");
        if (base.getPath().equals("/") || base.getPath().isEmpty()) {
            tries.addAll(List.of(carddav, caldav, base));
        } else {
            tries.addAll(List.of(base, carddav, caldav));
        }
        for (URI uri : tries) {
            DavRequest request = DavRequest.propfind(uri, account, 0, PRINCIPAL_PROPS).following();
            DavResponse r = http.send(request);
            if (r.status() == 401 || r.status() == 403 || r.status() / 100 == 5) {
                throw http.failure(r, request);
            }
            if (r.status() != 207) {
                continue;
            }
            for (Multistatus.Resource res : parse(r, request).resources()) {
                Optional<String> href = res.hrefIn(DavNames.CURRENT_USER_PRINCIPAL);
                if (href.isPresent()) {
                    return r.uri().resolve(href.get());
                }
            }
        }
        throw new PermanentConnectorException(prefix() + "user " + user + ": no current-user-principal at " + base
                + " nor at its /.well-known/carddav or caldav; set url to the server's DAV root or set principal");
    }

    /** PROPFIND of a collection (depth 0) or of a home's members (depth 1); a missing one is an empty list. */
    List<RemoteCollection> list(URI uri, Account account, int depth) throws ConnectorException, InterruptedException {
        DavRequest request = DavRequest.propfind(uri, account, depth, COLLECTION_PROPS);
        DavResponse r = http.send(request);
        if (r.status() == 404) {
            return List.of();
        }
        if (r.status() != 207) {
            throw http.failure(r, request);
        }
        return collections(r, request);
    }

    /** The address books and calendars in a 207 answer to a PROPFIND of {@link #COLLECTION_PROPS}. */
    private List<RemoteCollection> collections(DavResponse r, DavRequest request) throws PermanentConnectorException {
        List<RemoteCollection> out = new ArrayList<>();
        for (Multistatus.Resource res : parse(r, request).resources()) {
            if (res.status() / 100 != 2) {
                continue;
            }
            RemoteCollection.Kind kind = res.isCollectionOf(DavNames.ADDRESSBOOK) ? RemoteCollection.Kind.ADDRESSBOOK
                    : res.isCollectionOf(DavNames.CALENDAR) ? RemoteCollection.Kind.CALENDAR : null;
            if (kind == null) {
                continue;
            }
            Set<String> components = new LinkedHashSet<>();
            if (kind == RemoteCollection.Kind.CALENDAR) {
                res.property(DavNames.SUPPORTED_CALENDAR_COMPONENT_SET).ifPresent(set -> set.children(DavNames.COMP)
                        .forEach(comp -> comp.attribute("name").ifPresent(components::add)));
            }
            boolean sync = res.property(DavNames.SUPPORTED_REPORT_SET).map(s -> s.hasDescendant(DavNames.SYNC_COLLECTION))
                    .orElse(false);
            String path = res.path().endsWith("/") ? res.path() : res.path() + "/";
            out.add(new RemoteCollection(r.uri().resolve(encodePath(path)), kind, res.text(DavNames.DISPLAYNAME).orElse(""),
                    components, sync));
        }
        return out;
    }

    private RemoteCollection create(CollectionChoice.Create create, ItemType type, Account account, String user)
            throws ConnectorException, InterruptedException {
        String name = SafeXml.escape(create.displayName());
        DavRequest request;
        if (type == ItemType.CONTACT) {
            request = DavRequest.xml("MKCOL", create.uri(), account, -1, """
                    <?xml version="1.0" encoding="utf-8"?>
                    <d:mkcol xmlns:d="DAV:" xmlns:card="urn:ietf:params:xml:ns:carddav"><d:set><d:prop>
                    <d:resourcetype><d:collection/><card:addressbook/></d:resourcetype><d:displayname>%s</d:displayname>
                    </d:prop></d:set></d:mkcol>""".formatted(name));
        } else {
            request = DavRequest.xml("MKCALENDAR", create.uri(), account, -1, """
                    <?xml version="1.0" encoding="utf-8"?>
                    <cal:mkcalendar xmlns:d="DAV:" xmlns:cal="urn:ietf:params:xml:ns:caldav"><d:set><d:prop>
                    <d:displayname>%s</d:displayname><cal:supported-calendar-component-set><cal:comp name="%s"/>
                    </cal:supported-calendar-component-set></d:prop></d:set></cal:mkcalendar>"""
                    .formatted(name, RemoteCollection.component(type)));
        }
        DavResponse r = http.send(request);
        if (r.status() == 401 || r.status() / 100 == 5) {
            throw http.failure(r, request);
        }
        if (!r.isSuccess()) {
            throw new PermanentConnectorException(prefix() + "user " + user + ": cannot create "
                    + (type == ItemType.CONTACT ? "address book " : "calendar ") + create.uri().getPath() + ": " + r.reason());
        }
        return list(create.uri(), account, 0).stream().findFirst().orElseThrow(() -> new RetryableConnectorException(
                prefix() + "created " + create.uri().getPath() + " but the server does not list it yet"));
    }

    private Multistatus parse(DavResponse r, DavRequest request) throws PermanentConnectorException {
        try {
            return r.multistatus();
        } catch (XmlException e) {
            throw new PermanentConnectorException(prefix() + request.describe() + ": unreadable answer: " + e.getMessage(), e);
        }
    }

    private static List<String> hrefs(Multistatus.Resource res, javax.xml.namespace.QName property) {
        return res.property(property).map(p -> p.children(DavNames.HREF).stream().map(XmlElement::text)
                .map(String::trim).filter(t -> !t.isEmpty()).toList()).orElse(List.of());
    }

    private static URI first(List<URI> homes, URI fallback) {
        return homes.isEmpty() ? fallback : homes.getFirst();
    }

    /** Percent-encodes a decoded path for use in a URI. */
    static String encodePath(String path) {
        try {
            return new URI(null, null, path, null).getRawPath();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("path " + path + " cannot be encoded", e);
        }
    }

    private String prefix() {
        return "dav '" + settings.system() + "': ";
    }
}
