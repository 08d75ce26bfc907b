package org.concord.connector.dav.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestServersIT {
    private static final String PRINCIPAL = """
            <?xml version="1.0" encoding="utf-8"?>
            <d:propfind xmlns:d="DAV:"><d:prop><d:current-user-principal/></d:prop></d:propfind>""";

    @Test
    void radicaleAnswersItsTestUserAndRefusesAWrongPassword() {
        try (Radicale radicale = Radicale.start()) {
            assertThat(radicale.plainClient().xml("PROPFIND", "/", "0", PRINCIPAL).status()).isEqualTo(207);
            assertThat(new PlainClient(radicale.url(), radicale.user(), "wrong").xml("PROPFIND", "/", "0", PRINCIPAL).status())
                    .isEqualTo(401);
        }
    }

    @Test
    void xandikosServesItsDefaultCollectionsBehindTheBasicAuthFront() {
        try (BasicAuthFront front = Xandikos.startBehindAuth("alice", "s3cret")) {
            PlainClient.Reply ok = front.plainClient().xml("PROPFIND", "/alice/contacts/addressbook/", "0", PRINCIPAL);
            assertThat(ok.status()).isEqualTo(207);
            assertThat(ok.body()).contains("/alice/");
            assertThat(new PlainClient(front.url(), "alice", "wrong").get("/alice/").status()).isEqualTo(401);
        }
    }

    @Test
    void stoppingAServerFreesItsDirectory() {
        Radicale radicale = Radicale.start();
        java.nio.file.Path storage = radicale.storage().getParent();
        radicale.close();
        assertThat(storage).doesNotExist();
    }
}
