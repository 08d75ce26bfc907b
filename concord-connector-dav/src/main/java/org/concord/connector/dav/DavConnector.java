package org.concord.connector.dav;

import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concord.connector.dav.http.Account;
import org.concord.connector.dav.http.DavHttp;
import org.concord.connector.dav.http.DavRequest;
import org.concord.connector.dav.http.DavResponse;
import org.concord.model.ItemType;
import org.concord.spi.ChangeBatch;
import org.concord.spi.Connector;
import org.concord.spi.ConnectorException;
import org.concord.spi.Description;
import org.concord.spi.FeedRequest;
import org.concord.spi.Health;
import org.concord.spi.RetryableConnectorException;
import org.concord.spi.Scope;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;

/**
 * A CalDAV/CardDAV server as a system. {@link #open()} discovers every configured user's
 * collections (creating them when allowed); reads go through {@link ChangeFeed}, writes through
 * {@link Writes}. The reader, the writer and the watchdog may call at the same time: they share
 * only the thread-safe HTTP client and the immutable result of discovery.
 */
final class DavConnector implements Connector {
    private static final String PING_PROPS = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/></d:prop></d:propfind>""";

    private final DavSettings settings;
    private final DavHttp http;
    private final ItemFormat format;
    private volatile Opened opened;

    /** What open() found. */
    private record Opened(List<Collection> collections, ChangeFeed feed, Writes writes) {}

    DavConnector(DavSettings settings, DavHttp http) {
        this.settings = settings;
        this.http = http;
        this.format = new ItemFormat(settings.vcardVersion());
    }

    @Override
    public Description describe() {
        return new Description("dav", EnumSet.copyOf(settings.types()), EnumSet.noneOf(org.concord.spi.Capability.class));
    }

    @Override
    public void open() throws ConnectorException, InterruptedException {
        List<Collection> collections = new Discovery(settings, http).discoverAll();
        Map<Scope, Collection> byScope = new LinkedHashMap<>();
        for (Collection c : collections) {
            for (ItemType t : c.types()) {
                byScope.put(new Scope(c.user(), t), c);
            }
        }
        opened = new Opened(collections, new ChangeFeed(settings, collections, new CollectionReader(http), format),
                new Writes(settings, http, byScope, format));
    }

    @Override
    public ChangeBatch getChanges(FeedRequest request) throws ConnectorException, InterruptedException {
        return requireOpen().feed().read(request);
    }

    @Override
    public List<WriteResult> setChanges(List<Write> writes) throws ConnectorException, InterruptedException {
        return requireOpen().writes().apply(writes);
    }

    @Override
    public Health ping() throws InterruptedException {
        Opened o = opened;
        String user = settings.users().getFirst();
        Account account = settings.account(user);
        URI target = settings.url();
        if (o != null && !o.collections().isEmpty()) {
            Collection first = o.collections().getFirst();
            account = first.account();
            target = first.uri();
        }
        DavRequest request = DavRequest.propfind(target, account, 0, PING_PROPS);
        try {
            DavResponse r = http.send(request);
            if (r.status() == 207) {
                return new Health.Up("dav server at " + settings.url() + r.header("Server").map(s -> " (" + s + ")").orElse(""));
            }
            return new Health.Down(http.failure(r, request).getMessage());
        } catch (ConnectorException e) {
            return new Health.Down(e.getMessage());
        }
    }

    /** The collections found by open(); for tests and diagnostics. */
    List<Collection> collections() {
        Opened o = opened;
        return o == null ? List.of() : o.collections();
    }

    DavHttp http() {
        return http;
    }

    private Opened requireOpen() throws RetryableConnectorException {
        Opened o = opened;
        if (o == null) {
            throw new RetryableConnectorException("dav '" + settings.system() + "': not open yet (discovery has not succeeded)");
        }
        return o;
    }

    @Override
    public void close() {
        http.close();
    }
}
