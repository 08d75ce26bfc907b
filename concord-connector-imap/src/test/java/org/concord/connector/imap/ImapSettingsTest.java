package org.concord.connector.imap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.concord.spi.ConfigException;
import org.concord.spi.SystemConfig;
import org.junit.jupiter.api.Test;

class ImapSettingsTest {

    private static ImapSettings parse(Object... keyValues) throws ConfigException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("connector", "imap");
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return ImapSettings.parse(new SystemConfig("mail", m, Path.of(".")));
    }

    private static String keyOfFailure(Object... keyValues) {
        try {
            parse(keyValues);
        } catch (ConfigException e) {
            return e.key();
        }
        throw new AssertionError("no ConfigException");
    }

    @Test
    void defaultsAreTlsOnPort993WithTheCertificateChecked() throws Exception {
        ImapSettings s = parse("host", "mail.example.org", "passwords", Map.of("alice", "pw"));
        assertThat(s.security()).isEqualTo(Security.TLS);
        assertThat(s.port()).isEqualTo(993);
        assertThat(s.tlsVerify()).isTrue();
        assertThat(Connections.properties(s)).containsEntry("mail.imap.ssl.checkserveridentity", "true")
                .doesNotContainKey("mail.imap.ssl.trust");
    }

    @Test
    void starttlsIsRequiredNotMerelyTried() throws Exception {
        ImapSettings s = parse("host", "mail.example.org", "security", "starttls", "passwords", Map.of("alice", "pw"));
        assertThat(s.port()).isEqualTo(143);
        assertThat(Connections.properties(s)).containsEntry("mail.imap.starttls.required", "true");
    }

    @Test
    void everyBadValueNamesItsKey() {
        assertThat(keyOfFailure("passwords", Map.of("alice", "pw"))).isEqualTo("systems.mail.host");
        assertThat(keyOfFailure("host", "h", "security", "ssl", "passwords", Map.of("a", "b"))).isEqualTo("systems.mail.security");
        assertThat(keyOfFailure("host", "h", "port", 70000, "passwords", Map.of("a", "b"))).isEqualTo("systems.mail.port");
        assertThat(keyOfFailure("host", "h", "tls-verify", "maybe", "passwords", Map.of("a", "b"))).isEqualTo("systems.mail.tls-verify");
        assertThat(keyOfFailure("host", "h")).isEqualTo("systems.mail.passwords");
        assertThat(keyOfFailure("host", "h", "master-user", "admin")).isEqualTo("systems.mail.master-password");
        assertThat(keyOfFailure("host", "h", "passwords", Map.of("alice", Map.of()))).isEqualTo("systems.mail.passwords.alice");
        assertThat(keyOfFailure("host", "h", "passwords", Map.of("a", "b"), "timeout", "soon")).isEqualTo("systems.mail.timeout");
        assertThat(keyOfFailure("host", "h", "passwords", Map.of("a", "b"), "pasword", "x")).isEqualTo("systems.mail.pasword");
    }

    @Test
    void aUserWithoutAPasswordLogsInThroughTheMasterUser() throws Exception {
        ImapSettings s = parse("host", "h", "passwords", Map.of("alice", "own"), "master-user", "admin",
                "master-password", "master-secret");
        assertThat(s.login("alice").name()).isEqualTo("alice");
        assertThat(s.login("bob").name()).isEqualTo("bob*admin");
        assertThat(s.login("bob").viaMaster()).isTrue();
    }

    @Test
    void passwordsNeverShowInTheSettingsText() throws Exception {
        ImapSettings s = parse("host", "h", "passwords", Map.of("alice", "own-secret"), "master-user", "admin",
                "master-password", "master-secret");
        assertThat(s.toString() + s.login("alice") + s.login("bob") + s.master().orElseThrow())
                .doesNotContain("own-secret").doesNotContain("master-secret");
    }
}
