package org.concord.connector.dav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concord.model.ItemType;
import org.concord.spi.ConfigException;
import org.concord.spi.SystemConfig;
import org.junit.jupiter.api.Test;

class DavSettingsTest {

    private static Map<String, Object> minimal() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("connector", "dav");
        s.put("url", "https://dav.example.org");
        s.put("username", "alice");
        s.put("password", "s3cret-pw");
        return s;
    }

    private static DavSettings parse(Map<String, Object> s) throws ConfigException {
        return DavSettings.parse(new SystemConfig("groupware", s, Path.of(".")));
    }

    @Test
    void aMinimalConfigSyncsTheAccountsOwnContactsAndEventsWithSafeDefaults() throws Exception {
        DavSettings d = parse(minimal());
        assertThat(d.users()).containsExactly("alice");
        assertThat(d.types()).containsExactlyInAnyOrder(ItemType.CONTACT, ItemType.EVENT);
        assertThat(d.url()).hasToString("https://dav.example.org/");
        assertThat(d.tlsVerify()).isTrue();
        assertThat(d.createCollections()).isFalse();
        assertThat(d.pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(d.account("alice").toString()).doesNotContain("s3cret-pw");
    }

    @Test
    void aTypoInAKeyIsReportedWithItsFullPath() {
        Map<String, Object> s = minimal();
        s.put("pasword", "x");
        assertThatThrownBy(() -> parse(s)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("systems.groupware.pasword");
    }

    @Test
    void otherUsersThroughAServiceAccountNeedAPrincipalOrPathTemplates() throws Exception {
        Map<String, Object> s = minimal();
        s.put("username", "concord");
        s.put("users", List.of("alice", "bob"));
        assertThatThrownBy(() -> parse(s)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("systems.groupware.users").hasMessageContaining("principal");
        s.put("principal", "/principals/users/{user}/");
        assertThat(parse(s).account("bob").username()).isEqualTo("concord");
    }

    @Test
    void aUserWithAnAccountOfItsOwnUsesIt() throws Exception {
        Map<String, Object> s = minimal();
        s.put("users", List.of("alice", "bob"));
        s.put("accounts", Map.of("bob", Map.of("username", "bob@example.org", "password", "pw-bob")));
        DavSettings d = parse(s);
        assertThat(d.account("bob").username()).isEqualTo("bob@example.org");
        assertThat(d.account("alice").username()).isEqualTo("alice");
    }

    @Test
    void badValuesNameTheirKeyButNeverTheSecret() {
        Map<String, Object> s = minimal();
        s.put("feed", "push");
        assertThatThrownBy(() -> parse(s)).hasMessageContaining("systems.groupware.feed");
        Map<String, Object> t = minimal();
        t.put("url", "ftp://dav.example.org/");
        assertThatThrownBy(() -> parse(t)).hasMessageContaining("systems.groupware.url").hasMessageNotContaining("s3cret");
        Map<String, Object> u = minimal();
        u.put("url", "https://alice:s3cret-pw@dav.example.org/");
        assertThatThrownBy(() -> parse(u)).hasMessageContaining("credentials").hasMessageNotContaining("s3cret-pw");
        Map<String, Object> v = minimal();
        v.put("collections", Map.of("task", "Tasks"));
        assertThatThrownBy(() -> parse(v)).hasMessageContaining("systems.groupware.collections.task");
    }

    @Test
    void sizesAcceptUnits() throws Exception {
        Map<String, Object> s = minimal();
        s.put("max-item-size", "512KB");
        s.put("max-response-size", "16MiB");
        DavSettings d = parse(s);
        assertThat(d.maxItemBytes()).isEqualTo(512 * 1024);
        assertThat(d.maxResponseBytes()).isEqualTo(16L << 20);
    }
}
