package org.concord.example;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.concord.remote.kit.KitServer;
import org.mariadb.jdbc.MariaDbPoolDataSource;

/**
 * The example connector's program: serves one MariaDB table of contacts to Concord.
 *
 * <pre>
 * java -jar concord-example-connector.jar [--db JDBC_URL] [--listen HOST:PORT] [--poll DURATION]
 * </pre>
 * The bearer token is read from the environment variable {@code EXAMPLE_CONNECTOR_TOKEN} (no
 * authentication when it is unset), so it never shows in a process list.
 */
public final class ExampleConnector implements AutoCloseable {
    static final String DEFAULT_DB = "jdbc:mariadb://127.0.0.1:3306/concord_example?user=root&createDatabaseIfNotExist=true";
    static final String TOKEN_ENV = "EXAMPLE_CONNECTOR_TOKEN";

    private final MariaDbPoolDataSource db;
    private final KitServer server;

    private ExampleConnector(MariaDbPoolDataSource db, KitServer server) {
        this.db = db;
        this.server = server;
    }

    /** Creates the tables and triggers if missing, then serves them. */
    public static ExampleConnector start(String jdbcUrl, InetSocketAddress listen, Optional<String> token, Duration poll)
            throws Exception {
        MariaDbPoolDataSource db = new MariaDbPoolDataSource(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "maxPoolSize=16");
        try {
            try (Connection c = db.getConnection()) {
                Schema.install(c);
            }
            KitServer.Builder builder = KitServer.builder(new ExampleApplication(db)).listen(listen).pollInterval(poll);
            token.ifPresent(builder::bearerToken);
            return new ExampleConnector(db, builder.start());
        } catch (Exception | Error e) {
            db.close();
            throw e;
        }
    }

    public KitServer server() {
        return server;
    }

    @Override
    public void close() {
        server.close();
        db.close();
    }

    public static void main(String[] args) throws Exception {
        String dbUrl = DEFAULT_DB;
        String listen = "127.0.0.1:8765";
        Duration poll = Duration.ofMillis(200);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--db" -> dbUrl = require(args[i], value);
                case "--listen" -> listen = require(args[i], value);
                case "--poll" -> poll = parseDuration(require(args[i], value));
                case "-h", "--help" -> {
                    usage(System.out);
                    return;
                }
                default -> {
                    System.err.println("example-connector: unknown option '" + args[i] + "'");
                    usage(System.err);
                    System.exit(2);
                }
            }
            i++;
        }
        int colon = listen.lastIndexOf(':');
        if (colon < 0) {
            System.err.println("example-connector: --listen takes HOST:PORT, not '" + listen + "'");
            System.exit(2);
        }
        InetSocketAddress address = new InetSocketAddress(listen.substring(0, colon), Integer.parseInt(listen.substring(colon + 1)));
        Optional<String> token = Optional.ofNullable(System.getenv(TOKEN_ENV)).filter(t -> !t.isBlank());
        ExampleConnector connector;
        try {
            connector = start(dbUrl, address, token, poll);
        } catch (SQLException e) {
            System.err.println("example-connector: cannot use the database: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            connector.close();
            stopped.countDown();
        }));
        System.out.println("example-connector: serving " + connector.server().baseUri()
                + (token.isPresent() ? " (bearer token required)" : " (no authentication: set " + TOKEN_ENV + ")"));
        stopped.await();
    }

    private static String require(String option, String value) {
        if (value == null) {
            System.err.println("example-connector: " + option + " needs a value");
            System.exit(2);
        }
        return value;
    }

    private static Duration parseDuration(String text) {
        String s = text.trim();
        if (s.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        }
        if (s.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
        }
        return Duration.ofMillis(Long.parseLong(s));
    }

    private static void usage(PrintStream out) {
        out.println("usage: java -jar concord-example-connector.jar [--db JDBC_URL] [--listen HOST:PORT] [--poll DURATION]");
        out.println("  --db      MariaDB JDBC URL (default " + DEFAULT_DB + ")");
        out.println("  --listen  address to serve on (default 127.0.0.1:8765)");
        out.println("  --poll    how often a waiting long poll looks for changes made by SQL (default 200ms)");
        out.println("  " + TOKEN_ENV + "  environment variable: the bearer token Concord must send");
    }
}
