package org.concord.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.concord.connector.jdbc.mapping.ColumnException;
import org.concord.connector.jdbc.mapping.Mapping;
import org.concord.connector.jdbc.mapping.MappingParser;
import org.concord.connector.jdbc.mapping.Row;
import org.concord.connector.jdbc.mapping.RowConverter;
import org.concord.connector.jdbc.mapping.RowValues;
import org.concord.spi.ConfigException;
import org.concord.spi.SystemConfig;
import org.junit.jupiter.api.Test;

class MappingTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static SystemConfig config(Map<String, Object> extra) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("connector", "jdbc");
        s.put("url", "jdbc:mariadb://127.0.0.1:3306/crm");
        s.putAll(extra);
        return new SystemConfig("crm", s, Path.of("."));
    }

    static Mapping crm() throws ConfigException {
        return MappingParser.parse(config(Map.of("preset", "crm", "time-zone", "Europe/Berlin")));
    }

    static Row row(Map<String, Object> values) {
        return new Row(String.valueOf(values.get("id")), new HashMap<>(values), new HashMap<>());
    }

    @Test
    void aMistypedKeyIsRefusedWithItsFullDottedKey() {
        Map<String, Object> tables = Map.of("people", Map.of("type", "contact", "user", "owner",
                "fields", Map.of("last_name", Map.of("feild", "name.surname"))));
        assertThatThrownBy(() -> new JdbcConnectorFactory().create(config(Map.of("tables", tables))))
                .isInstanceOf(ConfigException.class)
                .extracting(e -> ((ConfigException) e).key()).isEqualTo("systems.crm.tables.people.fields.last_name.feild");
        assertThatThrownBy(() -> new JdbcConnectorFactory().create(config(Map.of("preset", "crm", "capture", "sometimes"))))
                .extracting(e -> ((ConfigException) e).key()).isEqualTo("systems.crm.capture");
        assertThatThrownBy(() -> new JdbcConnectorFactory().create(config(Map.of("tables",
                Map.of("people", Map.of("type", "person", "user", "owner", "fields", Map.of("a", "title")))))))
                .extracting(e -> ((ConfigException) e).key()).isEqualTo("systems.crm.tables.people.type");
        assertThatThrownBy(() -> new JdbcConnectorFactory().create(config(Map.of("preset", "crm", "time-zone", "Mars/Olympus"))))
                .extracting(e -> ((ConfigException) e).key()).isEqualTo("systems.crm.time-zone");
    }

    @Test
    void aContactRowBecomesAJsContactCardAndBack() throws Exception {
        RowConverter contacts = new RowConverter(crm().byName("contacts").orElseThrow(), java.time.ZoneOffset.UTC);
        Map<String, Object> v = new HashMap<>();
        v.put("id", 7);
        v.put("first_name", "Ingrid");
        v.put("last_name", "Solberg");
        v.put("phone_mobile", "+47 900 11 222");
        v.put("phone_fax", "+47 22 00 11 29");
        v.put("birthdate", "1988-09-30");
        v.put("date_modified", "2025-03-03 08:15:00");
        ObjectNode card = contacts.read(row(v));
        assertThat(card.at("/name/full").asText()).isEqualTo("Ingrid Solberg");
        assertThat(card.at("/phones/mobile/features/mobile").asBoolean()).isTrue();
        assertThat(card.at("/anniversaries/birth/date/year").asInt()).isEqualTo(1988);
        assertThat(card.at("/updated").asText()).isEqualTo("2025-03-03T08:15:00Z");

        // another system renamed the map entries: the meanings still find their columns
        ObjectNode other = (ObjectNode) JSON.readTree("""
                {"@type":"Card","name":{"components":[{"kind":"given","value":"Ingrid"},{"kind":"surname","value":"Solberg"}]},
                 "phones":{"p1":{"number":"+47 22 00 11 29","features":{"fax":true},"contexts":{"work":true}},
                           "p2":{"number":"+47 900 11 222","features":{"mobile":true}}}}""");
        RowValues values = contacts.write(other);
        assertThat(values.columns()).containsEntry("phone_fax", "+47 22 00 11 29").containsEntry("phone_mobile", "+47 900 11 222")
                .containsEntry("last_name", "Solberg").containsEntry("phone_work", null);
    }

    @Test
    void anEventInBerlinIsStoredInUtcAndItsEndComesFromTheDuration() throws Exception {
        RowConverter meetings = new RowConverter(crm().byName("meetings").orElseThrow(), java.time.ZoneOffset.UTC);
        ObjectNode event = (ObjectNode) JSON.readTree("""
                {"@type":"Event","title":"Kick-off","start":"2025-06-02T10:00:00","timeZone":"Europe/Berlin",
                 "duration":"PT1H30M","status":"tentative"}""");
        RowValues values = meetings.write(event);
        assertThat(values.columns().get("date_start")).hasToString("2025-06-02T08:00");
        assertThat(values.columns().get("date_end")).hasToString("2025-06-02T09:30");
        assertThat(values.columns()).containsEntry("status", "Planned");
    }

    @Test
    void aBadDateOrAMissingRequiredValueNamesTheColumn() throws Exception {
        RowConverter contacts = new RowConverter(crm().byName("contacts").orElseThrow(), java.time.ZoneOffset.UTC);
        assertThatThrownBy(() -> contacts.read(row(Map.of("id", 1, "last_name", "X", "birthdate", "0000-00-00"))))
                .isInstanceOfSatisfying(ColumnException.class, e -> assertThat(e.column()).isEqualTo("birthdate"));
        assertThatThrownBy(() -> contacts.read(row(Map.of("id", 1, "first_name", "Only"))))
                .isInstanceOfSatisfying(ColumnException.class, e -> assertThat(e.column()).isEqualTo("last_name"));
        RowConverter tasks = new RowConverter(crm().byName("tasks").orElseThrow(), java.time.ZoneOffset.UTC);
        assertThatThrownBy(() -> tasks.read(row(Map.of("id", 1, "name", "T", "status", "Exploded"))))
                .isInstanceOfSatisfying(ColumnException.class, e -> assertThat(e.reason()).contains("'Exploded' is not one of"));
    }

    @Test
    void theDemoScriptsSplitIntoTheSameStatementsOnBothDatabases() {
        List<String> maria = DemoCrm.statements(DemoCrm.script("mariadb"));
        List<String> pg = DemoCrm.statements(DemoCrm.script("postgresql"));
        assertThat(maria).hasSameSizeAs(pg).hasSizeGreaterThan(40);
        assertThat(maria).noneMatch(s -> s.endsWith(";"));
    }
}
