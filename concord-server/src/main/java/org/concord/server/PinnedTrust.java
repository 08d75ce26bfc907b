package org.concord.server;

import java.net.Socket;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server only if it presents one of the certificates of a given keystore, byte for byte.
 * The CLI uses it to talk to its own agent: the keystore is the agent's, so there is no CA to ask
 * and no host name to match (the agent may be reached as 127.0.0.1 with a certificate for a name).
 */
final class PinnedTrust extends X509ExtendedTrustManager {
    private final List<Certificate> pinned = new ArrayList<>();

    PinnedTrust(KeyStore keystore) throws KeyStoreException {
        for (String alias : Collections.list(keystore.aliases())) {
            Certificate c = keystore.getCertificate(alias);
            if (c != null) {
                pinned.add(c);
            }
        }
        if (pinned.isEmpty()) {
            throw new KeyStoreException("the keystore holds no certificate");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0 || !pinned.contains(chain[0])) {
            throw new CertificateException("the agent presented a certificate that is not the one in tls.keystore");
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not used");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
