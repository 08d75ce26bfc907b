package org.concord.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concord.connector.jdbc.mapping.ArchiveLayout;
import org.concord.spi.Capability;
import org.concord.spi.ConfigException;
import org.junit.jupiter.api.Test;

class ArchiveSettingsTest {

    static JdbcSettings settings(Map<String, Object> extra) throws ConfigException {
        return JdbcSettings.parse(MappingTest.config(extra));
    }

    static String keyOf(Map<String, Object> extra) {
        try {
            settings(extra);
        } catch (ConfigException e) {
            return e.key() + ": " + e.reason();
        }
        throw new AssertionError("accepted " + extra);
    }

    @Test
    void theCrmPresetFilesToContactsAccountsAndProjectsThroughTheLinksTableAndNotes() throws Exception {
        JdbcSettings s = settings(Map.of("preset", "crm", "upload-dir", "/var/lib/crm/upload", "archive-size-cap", "20MB"));
        ArchiveLayout layout = s.archive().orElseThrow();
        assertThat(layout.records()).extracting(ArchiveLayout.RecordType::type).containsExactly("contact", "account", "project");
        assertThat(layout.emails().table()).isEqualTo("emails");
        assertThat(layout.emails().messageId()).isEqualTo("message_id");
        assertThat(layout.emails().insert()).containsEntry("type", "archived");
        assertThat(layout.links().orElseThrow().table()).isEqualTo("emails_beans");
        assertThat(layout.attachments().orElseThrow().table()).isEqualTo("notes");
        assertThat(layout.recordType("contact").orElseThrow().emails().orElseThrow().filter()).contains("bean_module = 'Contacts'");
        assertThat(s.uploadDir()).contains(Path.of("/var/lib/crm/upload"));
        assertThat(s.archiveSizeCap()).isEqualTo(20L * 1024 * 1024);
        try (JdbcConnector c = new JdbcConnector(s)) {
            assertThat(c.describe().capabilities()).containsExactlyInAnyOrder(Capability.PUSH, Capability.ARCHIVE, Capability.SEARCH);
        }
    }

    @Test
    void aRelativeUploadDirectoryIsResolvedAgainstTheConfigFileAndTheCapDefaultsToFiftyMegabytes() throws Exception {
        JdbcSettings s = JdbcSettings.parse(new org.concord.spi.SystemConfig("crm", new LinkedHashMap<>(Map.of("connector", "jdbc",
                "url", "jdbc:postgresql://127.0.0.1/crm", "preset", "crm", "upload-dir", "crm/upload")), Path.of("/etc/concord")));
        assertThat(s.uploadDir()).contains(Path.of("/etc/concord/crm/upload"));
        assertThat(s.archiveSizeCap()).isEqualTo(50L * 1024 * 1024);
    }

    @Test
    void aSystemReplacesSectionsAndRecordTypesOfThePresetOrDropsThem() throws Exception {
        Map<String, Object> archive = Map.of("links", false, "records", Map.of("project", false,
                "lead", Map.of("table", "leads", "module", "Leads", "label", List.of("first_name", "last_name"))));
        ArchiveLayout layout = settings(Map.of("preset", "crm", "archive", archive)).archive().orElseThrow();
        assertThat(layout.links()).isEmpty();
        assertThat(layout.records()).extracting(ArchiveLayout.RecordType::type).containsExactly("contact", "account", "lead");
        assertThat(layout.recordType("lead").orElseThrow().label()).containsExactly("first_name", "last_name");

        JdbcSettings none = settings(Map.of("preset", "crm", "archive", false));
        assertThat(none.archive()).isEmpty();
        try (JdbcConnector c = new JdbcConnector(none)) {
            assertThat(c.describe().capabilities()).containsExactly(Capability.PUSH);
            assertThatThrownBy(() -> c.search(new org.concord.spi.RecordQuery("x", java.util.Optional.empty(),
                    java.util.Optional.empty(), 5))).hasMessageContaining("jdbc 'crm': this system is no archive target");
        }
    }

    @Test
    void everyBadArchiveSettingIsRefusedWithItsFullKey() {
        assertThat(keyOf(Map.of("preset", "crm", "archive-size-cap", "12XB")))
                .startsWith("systems.crm.archive-size-cap: expected a size such as 20MB");
        assertThat(keyOf(Map.of("preset", "crm", "archive-size-cap", "100"))).isEqualTo(
                "systems.crm.archive-size-cap: must be at least 1KB, found 100 bytes");
        assertThat(keyOf(Map.of("preset", "crm", "archive", false, "upload-dir", "/x"))).startsWith(
                "systems.crm.upload-dir: this system keeps no attachment files");
        assertThat(keyOf(Map.of("preset", "crm", "archive", Map.of("emails", Map.of("table", "emails", "subjekt", "name")))))
                .startsWith("systems.crm.archive.emails.subjekt: unknown key");
        assertThat(keyOf(Map.of("preset", "crm", "archive", Map.of("mails", Map.of())))).startsWith("systems.crm.archive.mails: unknown key");
        assertThat(keyOf(Map.of("preset", "crm", "archive", Map.of("emails", Map.of("table", "emails", "subject", "name")))))
                .isEqualTo("systems.crm.archive.emails.message-id: missing required value");
        assertThat(keyOf(Map.of("preset", "crm", "archive", Map.of("links", false, "emails", Map.of("table", "emails",
                "message-id", "message_id", "subject", "name"))))).startsWith("systems.crm.archive.emails: without a links table");
        assertThat(keyOf(Map.of("preset", "crm", "archive", Map.of("emails", Map.of("table", "emails; DROP TABLE x",
                "message-id", "message_id", "subject", "name"))))).startsWith("systems.crm.archive.emails.table: 'emails; DROP TABLE x' is not a plain SQL name");
        assertThat(keyOf(Map.of("preset", "crm", "archive", Map.of("records", Map.of("Contact Person", Map.of("table", "contacts",
                "module", "Contacts", "label", "last_name")))))).startsWith("systems.crm.archive.records.Contact Person: 'Contact Person' is not a record type word");
        assertThat(keyOf(Map.of("preset", "crm", "archive", Map.of("records", Map.of("contact", Map.of("table", "contacts",
                "module", "Contacts", "label", List.of())))))).startsWith("systems.crm.archive.records.contact.label: name at least one column");
        assertThat(keyOf(Map.of("preset", "crm", "archive", Map.of("records", Map.of("contact", Map.of("table", "contacts",
                "label", "last_name")))))).isEqualTo("systems.crm.archive.records.contact.module: missing required value");
        assertThat(keyOf(Map.of("preset", "crm", "archive", Map.of("records", Map.of("contact", false, "account", false, "project", false)))))
                .startsWith("systems.crm.archive.records: name at least one record type");
        assertThat(keyOf(Map.of("tables", Map.of("people", Map.of("type", "contact", "user", "owner", "fields", Map.of("last_name", "name.surname"))),
                "archive-size-cap", "10MB"))).startsWith("systems.crm.archive-size-cap: this system is no archive target");
    }
}
