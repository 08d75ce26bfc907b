package org.concord.server;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import org.concord.engine.Engine;
import org.concord.store.Store;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's admin server: REST API, web console and metrics on one port. It reports the
 * engine's work as metrics and pushes up/down transitions to the console as they happen.
 *
 * <p><b>Lifecycle:</b> {@link #start} (before or after the engine starts) → {@link #close}. The
 * engine and the store belong to the caller and stay open.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("concord.server");

    private final Server jetty;
    private final ServerConnector connector;
    private final StatusEvents events;
    private final ServerSettings settings;
    private final Router router;

    private AdminServer(Server jetty, ServerConnector connector, StatusEvents events, ServerSettings settings, Router router) {
        this.jetty = jetty;
        this.connector = connector;
        this.events = events;
        this.settings = settings;
        this.router = router;
    }

    /**
     * Starts serving on the settings' address, and hooks metrics and console events into the engine.
     *
     * @throws IOException when the address cannot be listened on (in use, not local) or the
     *     keystore cannot be used
     */
    public static AdminServer start(Engine engine, Store store, ServerSettings settings) throws IOException {
        return start(engine, store, settings, Optional.empty(), Duration.ofSeconds(1));
    }

    /**
     * Starts serving as {@link #start(Engine, Store, ServerSettings)} does, with the mailbox and
     * archive routes served by {@code desk} (without one they answer 503).
     */
    public static AdminServer start(Engine engine, Store store, ServerSettings settings, ArchiveDesk desk) throws IOException {
        return start(engine, store, settings, Optional.of(desk), Duration.ofSeconds(1));
    }

    static AdminServer start(Engine engine, Store store, ServerSettings settings, Duration eventPeriod) throws IOException {
        return start(engine, store, settings, Optional.empty(), eventPeriod);
    }

    static AdminServer start(Engine engine, Store store, ServerSettings settings, Optional<ArchiveDesk> desk,
            Duration eventPeriod) throws IOException {
        Sessions sessions = new Sessions(Clock.systemUTC());
        Guard guard = new Guard(settings, sessions);
        EngineMeters meters = new EngineMeters(engine.systemNames(), engine::status);
        StatusEvents events = new StatusEvents(() -> Views.StatusJson.of(engine.status()), eventPeriod);
        Router router = routes(engine, store, settings, sessions, guard, meters, events, desk);

        QueuedThreadPool threads = new QueuedThreadPool(64, 2);
        threads.setName("concord-http");
        threads.setVirtualThreadsExecutor(Executors.newVirtualThreadPerTaskExecutor());
        Server jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector;
        if (settings.tls().isPresent()) {
            SslContextFactory.Server ssl = new SslContextFactory.Server();
            ssl.setKeyStorePath(settings.tls().get().keystore().toAbsolutePath().toString());
            ssl.setKeyStorePassword(settings.tls().get().password());
            SecureRequestCustomizer src = new SecureRequestCustomizer();
            // The certificate names the host an admin types; a loopback address need not be in it.
            src.setSniHostCheck(false);
            http.addCustomizer(src);
            connector = new ServerConnector(jetty, ssl, new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        }
        connector.setHost(settings.host());
        connector.setPort(settings.port());
        connector.setIdleTimeout(Duration.ofMinutes(1).toMillis());
        jetty.addConnector(connector);
        jetty.setHandler(new Dispatcher(router, guard, settings.secure()));
        jetty.setStopTimeout(2000);
        try {
            jetty.start();
        } catch (Exception e) {
            events.close();
            stopQuietly(jetty);
            throw new IOException("admin server: cannot listen on " + settings.host() + ":" + settings.port() + ": "
                    + reason(e), e);
        }
        engine.setMetrics(meters);
        engine.addListener(events);
        AdminServer server = new AdminServer(jetty, connector, events, settings, router);
        server.logStartup();
        return server;
    }

    static Router routes(Engine engine, Store store, ServerSettings settings, Sessions sessions, Guard guard,
            EngineMeters meters, StatusEvents events, Optional<ArchiveDesk> desk) {
        Router router = new Router();
        new SessionApi(settings, sessions, guard).register(router);
        new AdminApi(engine, store).register(router);
        new ConflictApi(engine).register(router);
        Set<String> knownUsers = new TreeSet<>(engine.users().explicit().keySet());
        knownUsers.addAll(settings.mailboxUsers().values());
        new ArchiveApi(desk, new MailAccess(settings.mailboxUsers(), engine.users()), knownUsers).register(router);
        events.register(router);
        meters.register(router);
        Console.register(router);
        return router;
    }

    private void logStartup() {
        LOG.info("admin server on {}: console at /, REST API at /api/ (described at /api/openapi.json), metrics at /metrics, "
                + "webmail archive pop-up at /archive", uri());
        if (settings.apiToken().isEmpty()) {
            LOG.warn("api.token is not set: the REST API refuses every token and answers console sessions only; "
                    + "set api.token (e.g. token: ${CONCORD_API_TOKEN}) to use the API and 'concord status' against the agent");
        }
        if (settings.consoleUsers().isEmpty()) {
            LOG.warn("console.users is empty: nobody can log into the console; add a user with the hash that "
                    + "'concord hash-password' prints");
        }
        if (!settings.secure() && !loopback(settings.host())) {
            LOG.warn("listening on {} without TLS: tokens, passwords and session cookies cross the network in "
                    + "clear text; configure tls.keystore", settings.host());
        }
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:8750/}. */
    public URI uri() {
        String host = settings.host();
        String shown = host.isEmpty() || host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
        if (shown.contains(":")) {
            shown = "[" + shown + "]";
        }
        return URI.create((settings.secure() ? "https" : "http") + "://" + shown + ":" + port() + "/");
    }

    /** The port bound (the one picked when the settings said 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** Method and path template of every route, for the OpenAPI check. */
    java.util.List<Router.Route> routes() {
        return router.routes();
    }

    @Override
    public void close() {
        events.close();
        stopQuietly(jetty);
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("admin server: stopping failed: {}", e.toString());
        }
    }

    private static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException) {
                return "address already in use or not local (" + t.getMessage() + ")";
            }
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static boolean loopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
