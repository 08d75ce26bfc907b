package org.concord.store.jdbc;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * A store in a PostgreSQL database. The writer runs READ COMMITTED transactions (they are
 * serialized in-process anyway); reads run REPEATABLE READ, read-only, so one read sees one
 * committed state throughout.
 */
final class PostgresBackend implements Backend {

    static final String PREFIX = "jdbc:postgresql:";

    private final String url;
    private final Properties properties;
    private final String display;

    private PostgresBackend(String url, Properties properties, String display) {
        this.url = url;
        this.properties = properties;
        this.display = display;
    }

    /**
     * Reads a {@code jdbc:postgresql://[user[:password]@]host[:port]/database[?params]} location.
     * User and password may also be given as {@code ?user=…&password=…}, which the driver reads.
     */
    static PostgresBackend of(String location) {
        String rest = location.substring(PREFIX.length());
        Properties properties = new Properties();
        properties.setProperty("ApplicationName", "concord");
        properties.setProperty("connectTimeout", "10");
        properties.setProperty("socketTimeout", "600");
        properties.setProperty("tcpKeepAlive", "true");
        if (rest.startsWith("//")) {
            int authorityEnd = indexOfAny(rest, 2, "/?");
            String authority = rest.substring(2, authorityEnd);
            int at = authority.lastIndexOf('@');
            if (at >= 0) {
                String userInfo = authority.substring(0, at);
                int colon = userInfo.indexOf(':');
                properties.setProperty("user", decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
                if (colon >= 0) {
                    properties.setProperty("password", decode(userInfo.substring(colon + 1)));
                }
                rest = "//" + authority.substring(at + 1) + rest.substring(authorityEnd);
            }
        }
        int query = rest.indexOf('?');
        String display = "postgresql " + (query < 0 ? rest : rest.substring(0, query));
        return new PostgresBackend(PREFIX + rest, properties, display);
    }

    private static int indexOfAny(String s, int from, String chars) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String describe() {
        return display;
    }

    @Override
    public String dialect() {
        return "postgresql";
    }

    @Override
    public Connection openWriter() throws SQLException {
        Connection connection = connect();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        return connection;
    }

    @Override
    public Connection openReader() throws SQLException {
        Connection connection = connect();
        connection.setAutoCommit(false);
        connection.setReadOnly(true);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        return connection;
    }

    private Connection connect() throws SQLException {
        Connection connection = new Driver().connect(url, properties);
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver does not accept the location");
        }
        return connection;
    }

    // With auto-commit off, the driver begins a transaction at the first statement.

    @Override
    public void beginWrite(Session session) {}

    @Override
    public void beginRead(Session session) {}

    @Override
    public void beginMigration(Session session) throws SQLException {
        session.query("LOCK TABLE schema_version IN SHARE ROW EXCLUSIVE MODE").update();
    }

    @Override
    public void commit(Session session) throws SQLException {
        session.connection().commit();
    }

    @Override
    public void rollback(Session session) throws SQLException {
        session.connection().rollback();
    }

    /** Class 08 is "connection exception"; 57P01-03 mean the server is shutting down or starting. */
    @Override
    public boolean connectionLost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** The driver sends the statements of one query string together, each with its own parameters. */
    @Override
    public boolean runsStatementsTogether() {
        return true;
    }

    /** Read committed: other nodes' transactions commit meanwhile. */
    @Override
    public boolean writesAlone() {
        return false;
    }

    @Override
    public int fetchSize() {
        return 1000;
    }
}
