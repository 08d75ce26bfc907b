package org.concord.connector.imap;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.concord.spi.Health;

/**
 * The watchdog's ping: connect, shake hands (TLS checked as the connector's connections are), and
 * read the server's greeting. It needs no credentials, so it works with a master login only.
 */
final class Greeting {
    private Greeting() {}

    static Health check(ImapSettings s) {
        try (Socket socket = connect(s)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String line = in.readLine();
            if (line == null) {
                return new Health.Down(Failures.where(s.system(), null, null, 0) + ": " + s.where() + " closed the connection without a greeting");
            }
            if (line.startsWith("* OK") || line.startsWith("* PREAUTH")) {
                String text = line.substring(line.indexOf(' ', 2) + 1).strip();
                return new Health.Up("IMAP at " + s.where() + ": " + (text.length() > 120 ? text.substring(0, 120) + "…" : text));
            }
            return new Health.Down(Failures.where(s.system(), null, null, 0) + ": " + s.where() + " greeted with '"
                    + (line.length() > 80 ? line.substring(0, 80) + "…" : line) + "' instead of * OK");
        } catch (IOException e) {
            return new Health.Down(Failures.where(s.system(), null, null, 0) + ": " + s.where() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static Socket connect(ImapSettings s) throws IOException {
        int timeout = (int) s.connectTimeout().toMillis();
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(s.host(), s.port()), timeout);
            plain.setSoTimeout(timeout);
            if (s.security() != Security.TLS) {
                return plain;
            }
            SSLSocket tls = (SSLSocket) context(s).getSocketFactory().createSocket(plain, s.host(), s.port(), true);
            if (s.tlsVerify()) {
                SSLParameters p = tls.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("LDAPS");
                tls.setSSLParameters(p);
            }
            tls.startHandshake();
            return tls;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private static SSLContext context(ImapSettings s) throws IOException {
        try {
            if (s.tlsVerify()) {
                return SSLContext.getDefault();
            }
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, new TrustManager[] {new TrustingEverything()}, null);
            return c;
        } catch (java.security.GeneralSecurityException e) {
            throw new IOException("TLS is not available in this JVM: " + e.getMessage(), e);
        }
    }

    /** Only with {@code tls-verify: false}, which the settings document as for test servers. */
    private static final class TrustingEverything implements X509TrustManager {
        @Override
        public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {}

        @Override
        public java.security.cert.X509Certificate[] getAcceptedIssuers() {
            return new java.security.cert.X509Certificate[0];
        }
    }
}
