package org.concord.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.concord.connector.jdbc.mapping.CarryMerge;
import org.junit.jupiter.api.Test;

/** What a row Concord wrote more into than it holds reads as after its own users edited it. */
class CarryMergeTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final CarryMerge.Claims NO_CLAIMS = (written, map, selector) -> Optional.empty();

    static ObjectNode json(String text) throws Exception {
        return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
    }

    /** A card from a folder: a photo, its own UID, a labelled work phone, a middle name. */
    static final String WRITTEN = """
            {'@type':'Card','uid':'folder-uid-1',
             'name':{'components':[{'kind':'given','value':'Hanna'},{'kind':'given2','value':'M.'},{'kind':'surname','value':'Schulz'}],
                     'full':'Hanna M. Schulz'},
             'phones':{'p1':{'number':'+49 30 1001','contexts':{'work':true},'features':{'voice':true},'label':'Office'}},
             'emails':{'e1':{'address':'hanna@example.org','pref':1}},
             'media':{'m1':{'kind':'photo','uri':'data:image/jpeg;base64,/9j/4AAQ'}}}""";

    /** The same card as the CRM's row read right after the write. */
    static final String BASE = """
            {'@type':'Card','uid':'derived-1','updated':'2026-01-01T10:00:00Z',
             'name':{'components':[{'kind':'given','value':'Hanna'},{'kind':'surname','value':'Schulz'}],'full':'Hanna Schulz'},
             'phones':{'work':{'number':'+49 30 1001','contexts':{'work':true}}},
             'emails':{'email-7':{'address':'hanna@example.org'}}}""";

    @Test
    void aRowUnchangedSinceTheWriteReadsAsTheWrittenObject() throws Exception {
        assertThat(CarryMerge.merge(json(WRITTEN), json(BASE), json(BASE), NO_CLAIMS)).isEqualTo(json(WRITTEN));
    }

    @Test
    void anEditOfAnotherFieldKeepsThePhotoTheUidAndThePhonesLabel() throws Exception {
        ObjectNode now = json(BASE.replace("+49 30 1001", "+49 30 2002").replace("10:00:00Z", "11:00:00Z"));
        ObjectNode out = CarryMerge.merge(json(WRITTEN), json(BASE), now, NO_CLAIMS);
        assertThat(out.at("/media/m1/uri").asText()).startsWith("data:image/jpeg");
        assertThat(out.at("/uid").asText()).isEqualTo("folder-uid-1");
        assertThat(out.at("/phones").size()).isEqualTo(1);
        assertThat(out.at("/phones/p1/number").asText()).isEqualTo("+49 30 2002");
        assertThat(out.at("/phones/p1/label").asText()).isEqualTo("Office");
        assertThat(out.at("/updated").asText()).isEqualTo("2026-01-01T11:00:00Z");
        assertThat(out.at("/name")).isEqualTo(json(WRITTEN).at("/name"));
    }

    @Test
    void aValueTheRowClearedIsGoneAndOneItAddedAppears() throws Exception {
        ObjectNode now = json(BASE);
        now.withObjectProperty("phones").remove("work");
        now.withObjectProperty("phones").putObject("mobile").put("number", "+49 171 1").putObject("features").put("mobile", true);
        ObjectNode out = CarryMerge.merge(json(WRITTEN), json(BASE), now, NO_CLAIMS);
        assertThat(out.at("/phones").size()).isEqualTo(1);
        assertThat(out.at("/phones/mobile/number").asText()).isEqualTo("+49 171 1");
    }

    @Test
    void aRelatedEntryIsMatchedToTheWrittenOneByItsValue() throws Exception {
        ObjectNode now = json(BASE.replace("hanna@example.org", "h.schulz@example.org"));
        ObjectNode out = CarryMerge.merge(json(WRITTEN), json(BASE), now, NO_CLAIMS);
        assertThat(out.at("/emails").size()).isEqualTo(1);
        assertThat(out.at("/emails/e1/address").asText()).isEqualTo("h.schulz@example.org");
        assertThat(out.at("/emails/e1/pref").asInt()).isEqualTo(1);
    }

    @Test
    void aColumnsEntryIsFoundThroughTheClaimWhenItsValueWasConverted() throws Exception {
        ObjectNode written = json(WRITTEN.replace("'number':'+49 30 1001'", "'number':'tel:+49-30-1001'"));
        ObjectNode now = json(BASE.replace("+49 30 1001", "+49 30 2002"));
        CarryMerge.Claims claims = (w, map, selector) -> map.equals("phones") && selector.equals("work") ? Optional.of("p1") : Optional.empty();
        ObjectNode out = CarryMerge.merge(written, json(BASE), now, claims);
        assertThat(out.at("/phones").size()).isEqualTo(1);
        assertThat(out.at("/phones/p1/number").asText()).isEqualTo("+49 30 2002");
    }

    @Test
    void aChangedSurnameKeepsTheMiddleName() throws Exception {
        ObjectNode now = json(BASE.replace("'Schulz'", "'Schulz-Meyer'").replace("Hanna Schulz", "Hanna Schulz-Meyer"));
        ObjectNode out = CarryMerge.merge(json(WRITTEN), json(BASE), now, NO_CLAIMS);
        assertThat(out.at("/name/components").toString())
                .isEqualTo("[{\"kind\":\"given\",\"value\":\"Hanna\"},{\"kind\":\"given2\",\"value\":\"M.\"},"
                        + "{\"kind\":\"surname\",\"value\":\"Schulz-Meyer\"}]");
        assertThat(out.at("/name/full").asText()).isEqualTo("Hanna Schulz-Meyer");
    }

    @Test
    void aMovedStartTakesTheRowsTimeZoneAndDurationWithIt() throws Exception {
        ObjectNode written = json("{'@type':'Event','title':'Review','start':'2026-03-02T09:00:00','timeZone':'America/New_York',"
                + "'duration':'PT1H','recurrenceRules':[{'frequency':'weekly'}],'alerts':{'a1':{'trigger':{'offset':'-PT15M'}}}}");
        ObjectNode base = json("{'@type':'Event','title':'Review','start':'2026-03-02T15:00:00','timeZone':'Europe/Berlin','duration':'PT1H'}");
        ObjectNode now = json("{'@type':'Event','title':'Review','start':'2026-03-02T16:00:00','timeZone':'Europe/Berlin','duration':'PT30M'}");
        ObjectNode out = CarryMerge.merge(written, base, now, NO_CLAIMS);
        assertThat(out.at("/start").asText()).isEqualTo("2026-03-02T16:00:00");
        assertThat(out.at("/timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(out.at("/duration").asText()).isEqualTo("PT30M");
        assertThat(out.at("/recurrenceRules/0/frequency").asText()).isEqualTo("weekly");
        assertThat(out.at("/alerts/a1")).isNotNull();
        ObjectNode retitled = CarryMerge.merge(written, base, json(base.toString().replace("Review", "Board review")), NO_CLAIMS);
        assertThat(retitled.at("/start").asText()).as("an untouched start keeps its written zone").isEqualTo("2026-03-02T09:00:00");
        assertThat(retitled.at("/timeZone").asText()).isEqualTo("America/New_York");
        assertThat(retitled.at("/title").asText()).isEqualTo("Board review");
    }
}
