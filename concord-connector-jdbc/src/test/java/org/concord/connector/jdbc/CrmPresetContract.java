package org.concord.connector.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.concord.codec.ICalCodec;
import org.concord.codec.VCardCodec;
import org.concord.codec.VCardVersion;
import org.concord.model.Contact;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.spi.Change;
import org.concord.spi.ChangeBatch;
import org.concord.spi.Cursor;
import org.concord.spi.FeedRequest;
import org.concord.spi.KnownObjects;
import org.concord.spi.Scope;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/** The {@code crm} preset against the shipped demo CRM database. Subclassed per server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the first test reads the demo as shipped
abstract class CrmPresetContract {

    abstract TestDatabase.Server server();

    TestDatabase db;
    JdbcConnector crm;

    @BeforeAll
    void createDemo() throws Exception {
        db = TestDatabase.create(server());
        try (Connection c = db.connect()) {
            DemoCrm.create(c);
        }
        crm = (JdbcConnector) new JdbcConnectorFactory().create(db.config("crm", Map.of("preset", "crm", "time-zone", "Europe/Berlin")));
        crm.install();
        crm.open();
    }

    @AfterAll
    void dropDemo() throws Exception {
        if (crm != null) {
            crm.close();
        }
        if (db != null) {
            db.close();
        }
    }

    List<Change> all(Cursor[] at) throws Exception {
        List<Change> out = new ArrayList<>();
        ChangeBatch b;
        do {
            b = crm.getChanges(new FeedRequest(at[0], 7, Duration.ZERO, false, KnownObjects.NONE));
            out.addAll(b.changes());
            at[0] = b.next();
        } while (b.more());
        return out;
    }

    static JsonNode json(List<Change> changes, String nativeId) {
        return changes.stream().filter(c -> c.nativeId().equals(nativeId)).map(c -> ((Change.Upsert) c).payload().json())
                .findFirst().orElseThrow();
    }

    @Test
    @Order(1)
    void theDemoCrmReadsAsContactsEventsTasksAndNotesOfItsUsers() throws Exception {
        List<Change> changes = all(new Cursor[] {Cursor.START});
        assertThat(changes).allMatch(c -> c instanceof Change.Upsert);
        assertThat(changes).filteredOn(c -> c.scope().type() == ItemType.CONTACT).hasSize(9); // the soft-deleted lead is left out
        assertThat(changes).filteredOn(c -> c.scope().equals(new Scope("alice", ItemType.CONTACT))).hasSize(5);
        assertThat(changes).filteredOn(c -> c.scope().type() == ItemType.EVENT).hasSize(8);
        assertThat(changes).filteredOn(c -> c.scope().type() == ItemType.TASK).hasSize(5);
        assertThat(changes).filteredOn(c -> c.scope().type() == ItemType.NOTE).hasSize(3);

        JsonNode hanna = json(changes, "contacts/1");
        assertThat(hanna.at("/name/full").asText()).isEqualTo("Ms. Hanna Schulz");
        assertThat(hanna.at("/phones/mobile/number").asText()).isEqualTo("+49 171 5550101");
        assertThat(hanna.at("/phones/work-fax/features/fax").asBoolean()).isTrue();
        assertThat(hanna.at("/addresses/work/components").toString()).contains("Friedrichstr. 12", "Berlin", "10117");
        assertThat(hanna.at("/anniversaries/birth/date/month").asInt()).isEqualTo(6);
        assertThat(hanna.at("/titles/title/name").asText()).isEqualTo("Purchasing Manager");
        assertThat(hanna.at("/emails").toString()).contains("hanna.schulz@northwind.example").doesNotContain("info@northwind");
        assertThat(json(changes, "contacts/3").at("/emails").size()).isEqualTo(2);

        JsonNode renewal = json(changes, "meetings/3");
        assertThat(renewal.at("/start").asText()).isEqualTo("2025-03-20T17:00:00"); // 16:00 UTC shown in Berlin
        assertThat(renewal.at("/timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(renewal.at("/duration").asText()).isEqualTo("PT1H");
        assertThat(renewal.at("/status").asText()).isEqualTo("confirmed");
        assertThat(json(changes, "meetings/5").at("/status").asText()).isEqualTo("cancelled");

        JsonNode proposal = json(changes, "tasks/1");
        assertThat(proposal.at("/progress").asText()).isEqualTo("in-process");
        assertThat(proposal.at("/priority").asInt()).isEqualTo(1);
        assertThat(proposal.at("/due").asText()).isEqualTo("2025-04-04T18:00:00");
    }

    @Test
    @Order(1)
    void everyDemoObjectReadsBackUnchangedThroughVCardAndICalendar() throws Exception {
        // A folder or DAV server stores what the CRM gives as vCard/iCalendar; if that read back
        // differently, the system's reader could take Concord's own write for a user's edit.
        for (Change c : all(new Cursor[] {Cursor.START})) {
            Payload p = ((Change.Upsert) c).payload();
            Payload back = p instanceof Contact card
                    ? VCardCodec.decode(VCardCodec.encode(card, VCardVersion.V3_0))
                    : ICalCodec.decode(ICalCodec.encode(p));
            assertThat(back.fieldHashes()).as("%s read back from its file", c.nativeId()).isEqualTo(p.fieldHashes());
        }
    }

    @Test
    @Order(2)
    void anUpdateByAnotherClientArrivesAndAFolderCreateBecomesARowOfTheRightUser() throws Exception {
        Cursor[] at = {Cursor.START};
        all(at);
        db.execute("UPDATE meetings SET name = 'Quarterly review (moved)', date_start = '2025-04-02 09:00:00' WHERE id = 1");
        ChangeBatch b = crm.getChanges(new FeedRequest(at[0], 10, Duration.ofSeconds(10), false, KnownObjects.NONE));
        assertThat(b.changes()).singleElement().isInstanceOfSatisfying(Change.Upsert.class, u -> {
            assertThat(u.scope()).isEqualTo(new Scope("alice", ItemType.EVENT));
            assertThat(u.payload().json().at("/title").asText()).isEqualTo("Quarterly review (moved)");
            assertThat(u.payload().json().at("/duration").asText()).isEqualTo("PT30M");
        });
        at[0] = b.next();

        var card = JdbcConnectorContract.card("Greta", "Lind", "greta@lind.example");
        WriteResult.Written w = (WriteResult.Written) crm.setChanges(List.of(new Write.Create("g-" + UUID.randomUUID(),
                new Scope("bob", ItemType.CONTACT), card))).getFirst();
        String id = w.nativeId().substring("contacts/".length());
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT u.user_name, c.first_name, c.last_name, c.deleted FROM contacts c"
                    + " JOIN users u ON u.id = c.assigned_user_id WHERE c.id = " + id)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("bob");
                assertThat(rs.getString(2)).isEqualTo("Greta");
                assertThat(rs.getString(3)).isEqualTo("Lind");
                assertThat(rs.getInt(4)).isZero();
            }
            try (ResultSet rs = s.executeQuery("SELECT email_address FROM email_addresses WHERE bean_module = 'Contacts' AND bean_id = " + id)) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("greta@lind.example");
            }
        }
        // a changed address replaces the related row; the write is ours and does not come back
        WriteResult.Written w2 = (WriteResult.Written) crm.setChanges(List.of(new Write.Update("g", new Scope("bob", ItemType.CONTACT),
                w.nativeId(), Optional.of(w.version()), JdbcConnectorContract.card("Greta", "Lind", "greta@new.example")))).getFirst();
        assertThat(w2.version()).isNotEqualTo(w.version());
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT email_address FROM email_addresses WHERE deleted = 0 AND bean_id = " + id)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("greta@new.example");
            assertThat(rs.next()).isFalse();
        }
        assertThat(crm.getChanges(new FeedRequest(at[0], 10, Duration.ofMillis(600), false, KnownObjects.NONE)).changes()).isEmpty();

        // an e-mail address added by the CRM's user is a change of the contact
        db.execute("INSERT INTO email_addresses (bean_id, bean_module, email_address) VALUES (2, 'Contacts', 'l.brandt@home.example')");
        b = crm.getChanges(new FeedRequest(at[0], 10, Duration.ofSeconds(10), false, KnownObjects.NONE));
        assertThat(b.changes()).singleElement().satisfies(c -> assertThat(((Change.Upsert) c).payload().json().at("/emails").toString())
                .contains("l.brandt@home.example"));
        at[0] = b.next();

        // a soft delete in the CRM and a delete from the folder
        db.execute("UPDATE tasks SET deleted = 1 WHERE id = 2");
        b = crm.getChanges(new FeedRequest(at[0], 10, Duration.ofSeconds(10), false, KnownObjects.NONE));
        assertThat(b.changes()).containsExactly(new Change.Delete(new Scope("alice", ItemType.TASK), "tasks/2"));
        assertThat(crm.setChanges(List.of(new Write.Delete("g", new Scope("bob", ItemType.NOTE), "notes/3", Optional.empty()))).getFirst())
                .isInstanceOf(WriteResult.Deleted.class);
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT deleted FROM notes WHERE id = 3")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}
