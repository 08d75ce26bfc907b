package org.concord.remote.kit;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves one {@link RemoteApplication} over the remote connector protocol, on the JDK's HTTP
 * server with a virtual thread per request (a long poll holds a request open for up to its
 * wait, which costs a virtual thread nothing).
 *
 * <pre>{@code
 * KitServer server = KitServer.builder(app)
 *         .listen(new InetSocketAddress("127.0.0.1", 8765))
 *         .bearerToken(System.getenv("CONCORD_TOKEN"))
 *         .start();
 * // whenever the application changes an object itself:
 * server.signalChange();
 * }</pre>
 *
 * <p><b>Lifecycle:</b> {@link Builder#start()} → ({@link #signalChange()})* → {@link #close()}.
 * All methods are safe to call from any thread.
 */
public final class KitServer implements AutoCloseable {

    /** The default path prefix; the protocol's version is its last segment. */
    public static final String DEFAULT_BASE_PATH = "/concord/v1";

    private final HttpServer http;
    private final ExecutorService executor;
    private final ChangeSignal signal;
    private final String basePath;

    private KitServer(HttpServer http, ExecutorService executor, ChangeSignal signal, String basePath) {
        this.http = http;
        this.executor = executor;
        this.signal = signal;
        this.basePath = basePath;
    }

    public static Builder builder(RemoteApplication application) {
        return new Builder(application);
    }

    /**
     * Tells waiting long polls that something changed: they ask the application again at once.
     * Cheap; call it after every commit the application makes on its own.
     */
    public void signalChange() {
        signal.signal();
    }

    /** The address the server listens on (with the actual port when 0 was asked for). */
    public InetSocketAddress address() {
        return http.getAddress();
    }

    /** The base URL to give Concord, e.g. {@code http://127.0.0.1:8765/concord/v1/}. */
    public URI baseUri() {
        InetSocketAddress a = address();
        String host = a.getAddress().isAnyLocalAddress() ? "127.0.0.1" : a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + basePath + "/");
    }

    /** Stops accepting requests, ends the open long polls and stops the threads. */
    @Override
    public void close() {
        signal.close();
        http.stop(0);
        executor.close();
    }

    /** Settings of a {@link KitServer}; every one has a default but the application. */
    public static final class Builder {
        private final RemoteApplication application;
        private InetSocketAddress address = new InetSocketAddress("127.0.0.1", 8765);
        private String basePath = DEFAULT_BASE_PATH;
        private final List<String> bearerTokens = new ArrayList<>();
        private Optional<BasicCredentials> basic = Optional.empty();
        private Duration pollInterval = Duration.ofSeconds(1);
        private int defaultLimit = 100;
        private int maxLimit = 1000;
        private Duration maxWait = Duration.ofSeconds(60);
        private int maxBatch = 200;

        private Builder(RemoteApplication application) {
            this.application = Objects.requireNonNull(application, "application");
        }

        /** Where to listen; port 0 picks a free one. Default 127.0.0.1:8765. */
        public Builder listen(InetSocketAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The path prefix of every endpoint; default {@value KitServer#DEFAULT_BASE_PATH}. */
        public Builder basePath(String basePath) {
            String p = Objects.requireNonNull(basePath, "basePath").replaceAll("/+$", "");
            if (!p.startsWith("/")) {
                throw new IllegalArgumentException("base path must start with '/': " + basePath);
            }
            this.basePath = p;
            return this;
        }

        /** Accept {@code Authorization: Bearer TOKEN}. May be given several times (token rotation). */
        public Builder bearerToken(String token) {
            if (token == null || token.isBlank()) {
                throw new IllegalArgumentException("bearer token is empty");
            }
            bearerTokens.add(token);
            return this;
        }

        /** Accept {@code Authorization: Basic} with this user name and password. */
        public Builder basicAuth(String username, String password) {
            this.basic = Optional.of(new BasicCredentials(username, password));
            return this;
        }

        /**
         * How often a waiting long poll asks the application again when it was not signalled:
         * the longest delay for a change the application cannot signal. Default 1 s.
         */
        public Builder pollInterval(Duration pollInterval) {
            if (pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("poll interval must be positive: " + pollInterval);
            }
            this.pollInterval = pollInterval;
            return this;
        }

        /** Page size when Concord names none (default 100) and the largest page served (default 1000). */
        public Builder limits(int defaultLimit, int maxLimit) {
            if (defaultLimit < 1 || maxLimit < defaultLimit) {
                throw new IllegalArgumentException("need 1 <= defaultLimit <= maxLimit: " + defaultLimit + ", " + maxLimit);
            }
            this.defaultLimit = defaultLimit;
            this.maxLimit = maxLimit;
            return this;
        }

        /** The longest long poll served; a longer wait asked for is cut to it. Default 60 s. */
        public Builder maxWait(Duration maxWait) {
            this.maxWait = Objects.requireNonNull(maxWait, "maxWait");
            return this;
        }

        /** The most changes accepted in one set-changes request (default 200); more is answered 413. */
        public Builder maxBatch(int maxBatch) {
            if (maxBatch < 1) {
                throw new IllegalArgumentException("maxBatch must be positive: " + maxBatch);
            }
            this.maxBatch = maxBatch;
            return this;
        }

        /** Starts serving. */
        public KitServer start() throws IOException {
            // Small JSON answers written in two parts (headers, body) would otherwise wait for
            // delayed ACKs; the JDK server reads this once, when its first instance is made.
            if (System.getProperty("sun.net.httpserver.nodelay") == null) {
                System.setProperty("sun.net.httpserver.nodelay", "true");
            }
            ChangeSignal signal = new ChangeSignal();
            Limits limits = new Limits(defaultLimit, maxLimit, maxWait, maxBatch, pollInterval);
            Authentication auth = new Authentication(List.copyOf(bearerTokens), basic);
            HttpServer http = HttpServer.create(address, 128);
            ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
            http.setExecutor(executor);
            http.createContext(basePath + "/", new ProtocolHandler(application, auth, limits, signal, basePath));
            http.start();
            return new KitServer(http, executor, signal, basePath);
        }
    }

    record BasicCredentials(String username, String password) {
        BasicCredentials {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
        }
    }

    record Limits(int defaultLimit, int maxLimit, Duration maxWait, int maxBatch, Duration pollInterval) {}
}
