package org.concord.connector.remote;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.Map;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.junit.jupiter.api.Test;

class RecordMappingTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static RecordMapping mapping(Map<String, Object> fields) throws Exception {
        return RecordMapping.parseAll(Map.of("contact", fields), "systems.crm.mapping").get(ItemType.CONTACT);
    }

    private static Map<String, Object> crmFields(boolean extra) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("first_name", "name.given");
        f.put("last_name", "name.surname");
        f.put("work_mail", "email.work");
        f.put("mail", "email");
        f.put("mobile", "phone.mobile");
        f.put("company", "organization");
        f.put("born", "birthday");
        if (extra) {
            f.put("concord", "extra");
        }
        return f;
    }

    private static Payload ada() throws Exception {
        return Payload.of((ObjectNode) JSON.readTree("""
                {"@type":"Card","version":"1.0","uid":"urn:uuid:ada",
                 "name":{"components":[{"kind":"given","value":"Ada"},{"kind":"surname","value":"Lovelace"}],"full":"Ada King, Countess of Lovelace"},
                 "emails":{"e1":{"address":"ada@home.example","contexts":{"private":true}},"e2":{"address":"ada@work.example","contexts":{"work":true}}},
                 "phones":{"p1":{"number":"+44 1","features":{"mobile":true}}},
                 "organizations":{"o":{"name":"Analytical Engines Ltd"}},
                 "anniversaries":{"b":{"kind":"birth","date":{"@type":"PartialDate","year":1815,"month":12,"day":10}}},
                 "notes":{"n":{"note":"kept only in the copy"}}}"""));
    }

    @Test
    void specificTargetsPickTheirEntryAndGenericOnesTakeWhatIsLeft() throws Exception {
        ObjectNode record = mapping(crmFields(false)).toRecord(ada());
        assertThat(record.path("work_mail").asText()).isEqualTo("ada@work.example");
        assertThat(record.path("mail").asText()).isEqualTo("ada@home.example");
        assertThat(record.path("mobile").asText()).isEqualTo("+44 1");
        assertThat(record.path("born").asText()).isEqualTo("1815-12-10");
        assertThat(record.path("company").asText()).isEqualTo("Analytical Engines Ltd");
    }

    @Test
    void withAnExtraFieldAnUnchangedRecordGivesBackExactlyWhatWasWritten() throws Exception {
        RecordMapping m = mapping(crmFields(true));
        Payload back = m.fromRecord(m.toRecord(ada()));
        assertThat(back).isEqualTo(ada());
        assertThat(back.contentHash()).isEqualTo(ada().contentHash());
    }

    @Test
    void aFieldChangedInTheApplicationWinsAndEverythingElseSurvives() throws Exception {
        RecordMapping m = mapping(crmFields(true));
        ObjectNode record = m.toRecord(ada());
        record.put("first_name", "Augusta").put("work_mail", "augusta@work.example");
        ObjectNode back = m.fromRecord(record).json();
        assertThat(back.at("/name/components/0/value").asText()).isEqualTo("Augusta");
        assertThat(back.at("/name/full").asText()).isEqualTo("Augusta Lovelace");
        assertThat(back.at("/emails/e2/address").asText()).isEqualTo("augusta@work.example");
        assertThat(back.at("/emails/e2/contexts/work").asBoolean()).isTrue();
        assertThat(back.at("/notes/n/note").asText()).isEqualTo("kept only in the copy");
        assertThat(back.path("uid").asText()).isEqualTo("urn:uuid:ada");
    }

    @Test
    void aFieldClearedInTheApplicationRemovesItsEntry() throws Exception {
        RecordMapping m = mapping(crmFields(true));
        ObjectNode record = m.toRecord(ada());
        record.putNull("mobile");
        assertThat(m.fromRecord(record).json().has("phones")).isFalse();
    }

    @Test
    void withoutAnExtraFieldTheObjectIsBuiltFromTheMappedFields() throws Exception {
        RecordMapping m = mapping(crmFields(false));
        ObjectNode back = m.fromRecord(JSON.createObjectNode().put("first_name", "Grace").put("last_name", "Hopper")
                .put("work_mail", "grace@navy.example").put("born", "--12-09")).json();
        assertThat(back.at("/name/full").asText()).isEqualTo("Grace Hopper");
        assertThat(back.at("/name/components/1/kind").asText()).isEqualTo("surname");
        assertThat(back.at("/emails/email-work/contexts/work").asBoolean()).isTrue();
        assertThat(back.at("/anniversaries/birthday/date/month").asInt()).isEqualTo(12);
        assertThat(back.at("/anniversaries/birthday/date").has("year")).isFalse();
    }

    @Test
    void anEventsEndIsItsStartPlusItsDuration() throws Exception {
        RecordMapping m = RecordMapping.parseAll(Map.of("event", Map.of("subject", "title", "begins", "start", "ends", "end")),
                "systems.crm.mapping").get(ItemType.EVENT);
        ObjectNode back = m.fromRecord(JSON.createObjectNode().put("subject", "Review").put("begins", "2026-03-01T10:00:00")
                .put("ends", "2026-03-02T11:30:00")).json();
        assertThat(back.path("duration").asText()).isEqualTo("P1DT1H30M");
        assertThat(m.toRecord(Payload.of(ItemType.EVENT, back)).path("ends").asText()).isEqualTo("2026-03-02T11:30:00");
    }
}
