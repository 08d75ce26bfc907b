package org.concord.connector.dav.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import org.concord.spi.ConnectorException;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.RetryableConnectorException;

/**
 * HTTP for one DAV system, on the JDK client: HTTP/1.1 keep-alive connections (the JDK sets
 * TCP_NODELAY on them), connect and read timeouts, TLS verified unless the system's config turns
 * it off, preemptive Basic authentication sent only to the configured origin, response bodies
 * capped in size, and virtual threads for the client's own work. Safe for concurrent use.
 *
 * <p>Transport failures are classified here: I/O errors and timeouts are retryable, an
 * untrusted certificate and an oversized response are permanent. {@link #failure} classifies an
 * unexpected HTTP status the same way for callers.
 */
public final class DavHttp implements AutoCloseable {
    private static final int MAX_REDIRECTS = 5;
    private static final String USER_AGENT = "Concord-dav/0.1";

    private final HttpSettings settings;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    /** For plain-http requests when the server's URL is http, else for all. */
    private final HttpClient client;
    /** For https requests when the server's URL is http (a redirect), made on the first one. */
    private HttpClient tlsClient;
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();

    public DavHttp(HttpSettings settings) throws PermanentConnectorException {
        this.settings = Objects.requireNonNull(settings, "settings");
        try {
            this.client = isTls(settings.base()) ? newTlsClient() : newPlainClient();
        } catch (PermanentConnectorException | RuntimeException e) {
            executor.shutdownNow();
            throw e;
        }
    }

    private HttpClient.Builder builder() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor);
    }

    private HttpClient newTlsClient() throws PermanentConnectorException {
        HttpClient.Builder builder = builder();
        if (!settings.tlsVerify()) {
            try {
                builder.sslContext(TrustEverything.context());
            } catch (GeneralSecurityException e) {
                throw new PermanentConnectorException("dav '" + settings.system() + "': cannot set up TLS without verification: "
                        + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    /**
     * A client for plain http only. The JDK's client sets up TLS when it is built unless given a
     * context and parameters: loading the security providers, trusted certificates and cipher
     * suites costs a cron sync of a local http server a tenth of a second or more. The context it
     * gets is made without any provider and refuses every use ({@link NoTls}), so it cannot be
     * used for TLS by mistake; https requests go to another client ({@link #clientFor}).
     */
    private HttpClient newPlainClient() {
        return builder().sslContext(new NoTls()).sslParameters(new SSLParameters()).build();
    }

    private HttpClient clientFor(URI uri) throws PermanentConnectorException {
        if (!isTls(uri) || isTls(settings.base())) {
            return client;
        }
        synchronized (this) {
            if (tlsClient == null) {
                tlsClient = newTlsClient();
            }
            return tlsClient;
        }
    }

    private static boolean isTls(URI uri) {
        return "https".equalsIgnoreCase(uri.getScheme());
    }

    public String system() {
        return settings.system();
    }

    public URI base() {
        return settings.base();
    }

    /**
     * Requests answered so far (redirects included; a retry on a connection the server had
     * closed counts once): how tests and measurements see what a sync costs.
     */
    public long requestCount() {
        return requests.get();
    }

    /** Response body bytes received so far. */
    public long bytesReceived() {
        return bytesReceived.get();
    }

    /** Sends a request and returns the response whatever its status; only transport failures throw. */
    public DavResponse send(DavRequest request)
            throws ConnectorException, InterruptedException {
        DavRequest current = request;
        for (int hop = 0; ; hop++) {
            DavResponse response = sendOnce(current);
            int s = response.status();
            boolean redirect = s == 301 || s == 302 || s == 307 || s == 308;
            if (!redirect || !current.followRedirects() || response.header("Location").isEmpty()) {
                return response;
            }
            if (hop >= MAX_REDIRECTS) {
                throw new PermanentConnectorException(prefix() + current.describe() + " redirected more than "
                        + MAX_REDIRECTS + " times");
            }
            current = current.at(current.uri().resolve(response.header("Location").orElseThrow()));
        }
    }

    private DavResponse sendOnce(DavRequest request)
            throws ConnectorException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri())
                .timeout(settings.readTimeout())
                .header("User-Agent", USER_AGENT)
                .method(request.method(), request.body().length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        for (Map.Entry<String, String> h : request.headers().entrySet()) {
            b.header(h.getKey(), h.getValue());
        }
        if (sameOrigin(request.uri())) {
            b.header("Authorization", request.account().basicAuthorization());
        }
        HttpRequest built = b.build();
        HttpClient http = clientFor(request.uri());
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<byte[]> r = http.send(built, CappedBody.handler(settings.maxResponseBytes()));
                requests.incrementAndGet();
                bytesReceived.addAndGet(r.body().length);
                return new DavResponse(request.uri(), r.statusCode(), r.headers(), r.body());
            } catch (IOException e) {
                if (attempt == 1 && isStaleConnection(e)) {
                    // The JDK pools connections of HTTP/1.0 servers that close after each answer
                    // (Radicale's): the first use of such a dead connection fails before the request
                    // reaches the server, and one retry on a fresh connection is safe. Our requests
                    // are idempotent, and our PUTs conditional.
                    continue;
                }
                throw classify(request, e);
            }
        }
    }

    private static boolean isStaleConnection(IOException e) {
        return !(e instanceof HttpTimeoutException) && !hasCause(e, ConnectException.class)
                && !hasCause(e, CappedBody.TooLarge.class) && !hasCause(e, SSLHandshakeException.class);
    }

    private ConnectorException classify(DavRequest request, IOException e) {
        String what = prefix() + request.describe();
        if (hasCause(e, CappedBody.TooLarge.class)) {
            return new ResponseTooLargeException(what + ": response larger than max-response-size ("
                    + settings.maxResponseBytes() + " bytes)");
        }
        if (hasCause(e, SSLHandshakeException.class) && hasCause(e, CertificateException.class)) {
            return new PermanentConnectorException(what + ": TLS certificate of " + request.uri().getHost()
                    + " is not trusted (" + rootMessage(e) + "); install a trusted certificate, or set tls-verify: false "
                    + "for a test server", e);
        }
        if (e instanceof HttpConnectTimeoutException) {
            return new RetryableConnectorException(what + ": connect timed out after " + settings.connectTimeout(), e);
        }
        if (e instanceof HttpTimeoutException) {
            return new RetryableConnectorException(what + ": no answer within read-timeout " + settings.readTimeout(), e);
        }
        if (hasCause(e, ConnectException.class)) {
            return new RetryableConnectorException(what + ": cannot connect to " + request.uri().getHost() + ":"
                    + port(request.uri()) + " (" + rootMessage(e) + ")", e);
        }
        return new RetryableConnectorException(what + ": " + rootMessage(e), e);
    }

    /**
     * Classifies an unexpected status: 401/403 say authentication failed (permanent, the system is
     * marked down), 5xx, 408 and 429 are retryable, any other status is permanent.
     */
    public ConnectorException failure(DavResponse response, DavRequest request) {
        int s = response.status();
        String what = prefix() + request.describe();
        if (s == 401 || s == 403) {
            return new PermanentConnectorException(prefix() + "authentication failed for user "
                    + request.account().username() + " (" + response.reason() + " on " + request.describe() + ")");
        }
        if (s / 100 == 5 || s == 408 || s == 429) {
            return new RetryableConnectorException(what + " failed: " + response.reason());
        }
        return new PermanentConnectorException(what + " failed: " + response.reason());
    }

    private String prefix() {
        return "dav '" + settings.system() + "': ";
    }

    private boolean sameOrigin(URI uri) {
        URI base = settings.base();
        return base.getScheme().equalsIgnoreCase(uri.getScheme())
                && base.getHost().equalsIgnoreCase(uri.getHost())
                && port(base) == port(uri);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        client.close();
        HttpClient tls;
        synchronized (this) {
            tls = tlsClient;
        }
        if (tls != null) {
            tls.close();
        }
        executor.shutdownNow();
    }
}
