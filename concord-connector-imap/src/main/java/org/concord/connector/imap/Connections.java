package org.concord.connector.imap;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.PrintStream;
import java.util.Optional;
import java.util.Properties;
import org.concord.spi.ConnectorException;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Opens one logged-in IMAP connection for a user. Each mailbox call has its own connection, so
 * calls from several threads never share protocol state; a fetched message's stream keeps its
 * connection until it is closed.
 */
final class Connections {

    /** Big enough that a 25 MB message is read in about a hundred round trips, small enough to stay cheap. */
    static final int FETCH_BLOCK = 256 * 1024;

    private final ImapSettings settings;
    private final Session session;

    Connections(ImapSettings settings, Optional<PrintStream> protocolTrace) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
        protocolTrace.ifPresent(out -> {
            session.setDebugOut(out);
            session.setDebug(true);
        });
    }

    static Properties properties(ImapSettings s) {
        Properties p = new Properties();
        String ms = Long.toString(s.connectTimeout().toMillis());
        p.setProperty("mail.imap.connectiontimeout", ms);
        p.setProperty("mail.imap.timeout", Long.toString(s.timeout().toMillis()));
        p.setProperty("mail.imap.fetchsize", Integer.toString(FETCH_BLOCK));
        p.setProperty("mail.imap.partialfetch", "true");
        p.setProperty("mail.imap.peek", "true");
        // no pooled connections kept open between calls; every call logs in and out
        p.setProperty("mail.imap.connectionpoolsize", "1");
        p.setProperty("mail.imap.separatestoreconnection", "false");
        p.setProperty("mail.mime.decodefilename", "true");
        p.setProperty("mail.debug.auth", "false");
        switch (s.security()) {
            case TLS -> p.setProperty("mail.imap.ssl.enable", "true");
            case STARTTLS -> {
                p.setProperty("mail.imap.starttls.enable", "true");
                p.setProperty("mail.imap.starttls.required", "true");
            }
            case NONE -> p.setProperty("mail.imap.ssl.enable", "false");
        }
        if (s.security() != Security.NONE) {
            if (s.tlsVerify()) {
                p.setProperty("mail.imap.ssl.checkserveridentity", "true");
            } else {
                p.setProperty("mail.imap.ssl.trust", "*");
                p.setProperty("mail.imap.ssl.checkserveridentity", "false");
            }
        }
        return p;
    }

    /** A connection logged in as {@code user}; the caller closes it. */
    IMAPStore open(String user) throws ConnectorException {
        String where = Failures.where(settings.system(), user, null, 0);
        if (!settings.canLogIn(user)) {
            throw new org.concord.spi.PermanentConnectorException(where + ": no credentials for this user "
                    + "(add a password under passwords, or configure master-user and master-password)");
        }
        ImapSettings.Login login = settings.login(user);
        try {
            IMAPStore store = (IMAPStore) session.getStore("imap");
            store.connect(settings.host(), settings.port(), login.name(), login.password());
            return store;
        } catch (MessagingException e) {
            String doing = login.viaMaster()
                    ? "log in through the master user (check master-user and master-password, and that the server allows master logins)"
                    : "log in (check the user's password under passwords)";
            throw Failures.of(where, doing, e, settings);
        }
    }

    static void closeQuietly(IMAPStore store) {
        try {
            store.close();
        } catch (MessagingException | RuntimeException e) {
            // the connection is gone either way
        }
    }
}
