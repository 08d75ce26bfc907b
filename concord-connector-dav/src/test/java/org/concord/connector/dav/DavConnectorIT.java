package org.concord.connector.dav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.concord.connector.dav.testing.BasicAuthFront;
import org.concord.connector.dav.testing.PlainClient;
import org.concord.connector.dav.testing.Radicale;
import org.concord.connector.dav.testing.Xandikos;
import org.concord.model.ItemType;
import org.concord.spi.Change;
import org.concord.spi.Cursor;
import org.concord.spi.Health;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.Scope;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;
import org.concord.testkit.HubView;
import org.concord.testkit.Samples;
import org.junit.jupiter.api.Test;

/** Discovery, authentication, the change feed and its fallbacks, against real Radicale and Xandikos. */
class DavConnectorIT {

    static String vcard(String uid, String name) {
        return "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:" + uid + "\r\nFN:" + name + "\r\nN:" + name + ";;;;\r\nEND:VCARD\r\n";
    }

    /** Passes Xandikos's header/trailer check, but a CardDAV resource holds exactly one vCard. */
    static final String BROKEN_VCARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:broken-1\r\nFN:One\r\nEND:VCARD\r\n"
            + "BEGIN:VCARD\r\nVERSION:3.0\r\nUID:broken-2\r\nFN:Two\r\nEND:VCARD\r\n";

    @Test
    void xandikosDefaultCollectionsAreFoundThroughTheHomeSets() throws Exception {
        try (Xandikos x = Xandikos.start(); DavConnector c = DavSystems.connector("x", DavSystems.allTypes(x))) {
            c.open();
            Map<String, Set<ItemType>> found = c.collections().stream()
                    .collect(Collectors.toMap(Collection::path, Collection::types));
            assertThat(found).containsOnly(
                    Map.entry("/alice/contacts/addressbook/", Set.of(ItemType.CONTACT)),
                    Map.entry("/alice/calendars/calendar/", Set.of(ItemType.EVENT, ItemType.TASK, ItemType.NOTE)));
            assertThat(c.collections()).allMatch(Collection::syncCollection);
        }
    }

    @Test
    void radicaleCollectionsAreCreatedOncePerTypeAndFoundAgainOnTheNextOpen() throws Exception {
        try (Radicale r = Radicale.start()) {
            List<String> first;
            try (DavConnector c = DavSystems.connector("r", DavSystems.allTypes(r))) {
                c.open();
                first = c.collections().stream().map(Collection::path).sorted().toList();
            }
            assertThat(first).containsExactly("/alice/calendar/", "/alice/contacts/", "/alice/notes/", "/alice/tasks/");
            try (DavConnector again = DavSystems.connector("r", DavSystems.allTypes(r))) {
                again.open();
                assertThat(again.collections().stream().map(Collection::path).sorted().toList()).isEqualTo(first);
                assertThat(again.collections()).allMatch(col -> col.types().size() == 1);
            }
        }
    }

    @Test
    void collectionsConfiguredByPathAreOpenedWithOnePropfindEachAndSync() throws Exception {
        try (Radicale r = Radicale.start()) {
            Map<String, Object> s = DavSystems.allTypes(r);
            s.put("types", List.of("contact", "event"));
            s.put("collections", Map.of("contact", "/{user}/contacts/", "event", r.url() + "alice/calendar"));
            try (DavConnector first = DavSystems.connector("r", s)) {
                first.open(); // creates both, through the full discovery
            }
            r.plainClient().put("/alice/contacts/p1.vcf", vcard("p1", "Person 1"));
            try (DavConnector c = DavSystems.connector("r", s)) {
                c.open();
                assertThat(c.http().requestCount()).as("requests of open").isEqualTo(2);
                assertThat(c.collections().stream().collect(Collectors.toMap(Collection::path, Collection::types)))
                        .containsOnly(Map.entry("/alice/contacts/", Set.of(ItemType.CONTACT)),
                                Map.entry("/alice/calendar/", Set.of(ItemType.EVENT)));
                assertThat(c.collections()).allMatch(Collection::syncCollection);
                Feeds.Read read = Feeds.readAll(c, Cursor.START, new HubView());
                assertThat(read.changes()).singleElement().satisfies(ch -> assertThat(ch.nativeId()).isEqualTo("/alice/contacts/p1.vcf"));
            }
        }
    }

    @Test
    void aCollectionConfiguredByPathThatIsNotThereIsStillReportedMissing() throws Exception {
        try (Radicale r = Radicale.start()) {
            Map<String, Object> s = r.systemSettings();
            s.put("types", List.of("contact"));
            s.put("collections", Map.of("contact", "/alice/nowhere/"));
            try (DavConnector c = DavSystems.connector("groupware", s)) {
                assertThatThrownBy(c::open).isInstanceOf(PermanentConnectorException.class)
                        .hasMessageContaining("user alice: no address book at /alice/nowhere/");
            }
        }
    }

    @Test
    void aCollectionConfiguredByNameIsCreatedWithThatDisplayName() throws Exception {
        try (Radicale r = Radicale.start()) {
            Map<String, Object> s = DavSystems.allTypes(r);
            s.put("types", List.of("event"));
            s.put("collections", Map.of("event", "Team Meetings"));
            try (DavConnector c = DavSystems.connector("r", s)) {
                c.open();
                assertThat(c.collections()).singleElement().satisfies(col -> {
                    assertThat(col.path()).isEqualTo("/alice/team-meetings/");
                    assertThat(col.remote().displayName()).isEqualTo("Team Meetings");
                });
            }
        }
    }

    @Test
    void aMissingCollectionThatMayNotBeCreatedStopsOpenNamingUserAndType() throws Exception {
        try (Radicale r = Radicale.start()) {
            Map<String, Object> s = r.systemSettings();
            try (DavConnector c = DavSystems.connector("groupware", s)) {
                assertThatThrownBy(c::open).isInstanceOf(PermanentConnectorException.class)
                        .hasMessageContaining("dav 'groupware': user alice: no address book found")
                        .hasMessageContaining("create-collections");
            }
        }
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailureNamingTheUserButNotThePassword() throws Exception {
        try (Radicale r = Radicale.start(); BasicAuthFront x = Xandikos.startBehindAuth("alice", "right-pw")) {
            for (var server : List.of(r, x)) {
                Map<String, Object> s = DavSystems.allTypes(server);
                s.put("password", "wrong-pw-123");
                try (DavConnector c = DavSystems.connector("groupware", s)) {
                    assertThatThrownBy(c::open).isInstanceOf(PermanentConnectorException.class)
                            .hasMessageContaining("dav 'groupware': authentication failed for user alice")
                            .hasMessageNotContaining("wrong-pw-123");
                    Health h = c.ping();
                    assertThat(h).isInstanceOf(Health.Down.class);
                    assertThat(((Health.Down) h).reason()).contains("authentication failed for user alice")
                            .doesNotContain("wrong-pw-123");
                }
            }
        }
    }

    @Test
    void theRightPasswordThroughTheAuthFrontSyncs() throws Exception {
        try (BasicAuthFront x = Xandikos.startBehindAuth("alice", "right-pw");
             DavConnector c = DavSystems.connector("x", DavSystems.allTypes(x))) {
            c.open();
            assertThat(c.ping()).isInstanceOf(Health.Up.class);
            WriteResult w = c.setChanges(List.of(new Write.Create("g-1", new Scope("alice", ItemType.CONTACT),
                    Samples.of(ItemType.CONTACT, 1)))).getFirst();
            assertThat(w).isInstanceOf(WriteResult.Written.class);
        }
    }

    @Test
    void aMalformedVCardOnTheServerIsUnreadableNamingItsHrefWhileTheRestSyncs() throws Exception {
        try (Xandikos x = Xandikos.start(); DavConnector c = DavSystems.connector("x", DavSystems.allTypes(x))) {
            c.open();
            PlainClient phone = x.plainClient();
            assertThat(phone.put("/alice/contacts/addressbook/good.vcf", vcard("good-1", "Grace Good")).status()).isEqualTo(201);
            assertThat(phone.put("/alice/contacts/addressbook/broken.vcf", BROKEN_VCARD).status()).isEqualTo(201);
            Feeds.Read read = Feeds.readAll(c, Cursor.START, new HubView());
            assertThat(read.upserted()).contains("/alice/contacts/addressbook/good.vcf");
            assertThat(read.unreadable()).singleElement().satisfies(u -> {
                assertThat(u.nativeId()).isEqualTo("/alice/contacts/addressbook/broken.vcf");
                assertThat(u.scope()).isEqualTo(new Scope("alice", ItemType.CONTACT));
                assertThat(u.reason()).contains("dav 'x'").contains("/alice/contacts/addressbook/broken.vcf");
            });
        }
    }

    @Test
    void editsCreatesAndDeletesByAPlainClientOnRadicaleArriveInTheFeed() throws Exception {
        for (String feed : List.of("sync-collection", "etag-listing")) {
            try (Radicale r = Radicale.start()) {
                Map<String, Object> s = DavSystems.allTypes(r);
                s.put("types", List.of("contact"));
                s.put("feed", feed);
                try (DavConnector c = DavSystems.connector("r", s)) {
                    c.open();
                    PlainClient phone = r.plainClient();
                    phone.put("/alice/contacts/a.vcf", vcard("a", "Ann A"));
                    phone.put("/alice/contacts/b.vcf", vcard("b", "Bob B"));
                    HubView hub = new HubView();
                    Feeds.Read first = Feeds.readAll(c, Cursor.START, hub);
                    assertThat(first.upserted()).as(feed).containsExactlyInAnyOrder("/alice/contacts/a.vcf", "/alice/contacts/b.vcf");

                    phone.put("/alice/contacts/a.vcf", vcard("a", "Ann Edited"));
                    phone.put("/alice/contacts/c.vcf", vcard("c", "Cy C"));
                    phone.delete("/alice/contacts/b.vcf");
                    Feeds.Read second = Feeds.readAll(c, first.next(), hub);
                    assertThat(second.upserted()).as(feed).containsExactlyInAnyOrder("/alice/contacts/a.vcf", "/alice/contacts/c.vcf");
                    assertThat(second.deleted()).as(feed).containsExactly("/alice/contacts/b.vcf");
                    Change.Upsert edited = (Change.Upsert) second.changes().stream()
                            .filter(ch -> ch.nativeId().equals("/alice/contacts/a.vcf")).findFirst().orElseThrow();
                    assertThat(edited.payload().label()).isEqualTo("Ann Edited");

                    assertThat(Feeds.readAll(c, second.next(), hub).changes()).as(feed + ": nothing new").isEmpty();
                }
            }
        }
    }

    @Test
    void anInvalidSyncTokenLeadsToAReconcileThatReportsChangesButInfersNoDeletes() throws Exception {
        try (Radicale r = Radicale.start(); Xandikos x = Xandikos.start()) {
            for (var server : List.of(r, x)) {
                Map<String, Object> s = DavSystems.allTypes(server);
                s.put("types", List.of("contact"));
                try (DavConnector c = DavSystems.connector("s", s)) {
                    c.open();
                    String book = c.collections().getFirst().path();
                    PlainClient phone = server.plainClient();
                    phone.put(book + "known.vcf", vcard("known", "Kim Known"));
                    HubView hub = new HubView();
                    Feeds.Read first = Feeds.readAll(c, Cursor.START, hub);
                    hub.wrote(new Scope("alice", ItemType.CONTACT), Samples.of(ItemType.CONTACT, 9),
                            new WriteResult.Written(book + "ghost.vcf", "\"ghost\""));
                    phone.put(book + "new.vcf", vcard("new", "Nora New"));
                    FeedCursor stale = new FeedCursor(Map.of(book, r == server
                            ? "sync:http://radicale.org/ns/sync/0000000000000000000000000000000000000000000000000000000000000000"
                            : "sync:0123456789012345678901234567890123456789"), Optional.empty(), Set.of());
                    Feeds.Read after = Feeds.readAll(c, stale.toCursor(), hub);
                    assertThat(after.upserted()).as(server.url()).containsExactly(book + "new.vcf");
                    assertThat(after.deleted()).as("nothing merely not seen is deleted").isEmpty();
                    assertThat(Feeds.readAll(c, after.next(), hub).changes()).as("back on a valid token").isEmpty();
                    assertThat(first.upserted()).contains(book + "known.vcf");
                }
            }
        }
    }

    @Test
    void aNoChangePollCostsOneSmallReportPerCollection() throws Exception {
        try (Radicale r = Radicale.start(); DavConnector c = DavSystems.connector("r", DavSystems.allTypes(r))) {
            c.open();
            PlainClient phone = r.plainClient();
            for (int i = 0; i < 20; i++) {
                phone.put("/alice/contacts/p" + i + ".vcf", vcard("p" + i, "Person " + i));
            }
            HubView hub = new HubView();
            Feeds.Read caughtUp = Feeds.readAll(c, Cursor.START, hub);
            long requests = c.http().requestCount();
            long bytes = c.http().bytesReceived();
            Feeds.Read idle = Feeds.readAll(c, caughtUp.next(), hub);
            assertThat(idle.changes()).isEmpty();
            assertThat(c.http().requestCount() - requests).as("requests of a no-change poll over 4 collections").isEqualTo(4);
            assertThat(c.http().bytesReceived() - bytes).as("bytes of a no-change poll").isLessThan(4 * 400);
        }
    }

    @Test
    void ourOwnWritesComingBackCostNoItemData() throws Exception {
        try (Radicale r = Radicale.start(); DavConnector c = DavSystems.connector("r", DavSystems.allTypes(r))) {
            c.open();
            HubView hub = new HubView();
            Feeds.Read start = Feeds.readAll(c, Cursor.START, hub);
            Scope contacts = new Scope("alice", ItemType.CONTACT);
            for (int i = 0; i < 10; i++) {
                Write.Create create = new Write.Create("g-" + i, contacts, Samples.of(ItemType.CONTACT, i));
                hub.wrote(contacts, create.payload(), c.setChanges(List.of(create)).getFirst());
            }
            long bytes = c.http().bytesReceived();
            Feeds.Read echo = Feeds.readAll(c, start.next(), hub);
            assertThat(echo.changes()).as("our writes, recognized by the etags we returned").isEmpty();
            assertThat(c.http().bytesReceived() - bytes).as("no multiget").isLessThan(10 * 300);
        }
    }
}
