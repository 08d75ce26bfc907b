package org.concord.connector.imap;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.FolderNotFoundException;
import jakarta.mail.MessagingException;
import jakarta.mail.StoreClosedException;
import jakarta.mail.FolderClosedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;
import org.concord.spi.ConnectorException;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.RetryableConnectorException;

/**
 * Classifies a failed IMAP call where it happens: refused credentials, an untrusted certificate,
 * a missing folder or message need someone to act (permanent); an unreachable, slow or dropped
 * server is retried (retryable). Messages name the system, user, folder and UID, never a password.
 */
final class Failures {
    private Failures() {}

    /** {@code imap 'mail': user 'alice', folder 'INBOX', UID 42}, as far as known. */
    static String where(String system, String user, String folder, long uid) {
        StringBuilder b = new StringBuilder("imap '").append(system).append("'");
        if (user != null) {
            b.append(": user '").append(user).append("'");
        }
        if (folder != null) {
            b.append(", folder '").append(folder).append("'");
        }
        if (uid > 0) {
            b.append(", UID ").append(uid);
        }
        return b.toString();
    }

    static ConnectorException of(String where, String doing, MessagingException e, ImapSettings settings) {
        Throwable cause = rootCause(e);
        if (e instanceof AuthenticationFailedException) {
            return new PermanentConnectorException(where + ": " + doing + ": login refused by " + settings.host(), e);
        }
        if (e instanceof FolderNotFoundException) {
            return new PermanentConnectorException(where + ": " + doing + ": no such folder", e);
        }
        SSLException tls = find(e, SSLException.class);
        if (tls != null) {
            return new PermanentConnectorException(where + ": " + doing + ": TLS with " + settings.where() + " failed: "
                    + describe(cause) + " (a certificate the JVM does not trust or for another host name; "
                    + "tls-verify: false turns checking off, for a test server only)", e);
        }
        if (find(e, UnknownHostException.class) != null) {
            return new PermanentConnectorException(where + ": " + doing + ": unknown host " + settings.host(), e);
        }
        if (cause instanceof ConnectException || cause instanceof SocketTimeoutException
                || e instanceof StoreClosedException || e instanceof FolderClosedException || cause instanceof IOException) {
            return new RetryableConnectorException(where + ": " + doing + ": " + settings.where() + " "
                    + describe(cause), e);
        }
        return new PermanentConnectorException(where + ": " + doing + ": the server refused: " + describe(e), e);
    }

    static IOException reading(String where, IOException e) {
        return new IOException(where + ": reading the message failed: " + describe(rootCause(e)), e);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        Throwable t = e;
        for (int depth = 0; t != null && depth < 20; depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            t = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
        }
        return null;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (true) {
            Throwable next = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
            if (next == null || next == t) {
                return t;
            }
            t = next;
        }
    }

    private static String describe(Throwable t) {
        return switch (t) {
            case ConnectException c -> "refused the connection";
            case SocketTimeoutException s -> "did not answer in time";
            default -> t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
        };
    }
}
