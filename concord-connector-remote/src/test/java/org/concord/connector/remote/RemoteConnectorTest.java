package org.concord.connector.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.concord.connector.remote.testing.MemoryApplication;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.remote.kit.KitServer;
import org.concord.spi.Capability;
import org.concord.spi.Change;
import org.concord.spi.ChangeBatch;
import org.concord.spi.ConfigException;
import org.concord.spi.Connector;
import org.concord.spi.Cursor;
import org.concord.spi.FeedRequest;
import org.concord.spi.Health;
import org.concord.spi.KnownObjects;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.RetryableConnectorException;
import org.concord.spi.Scope;
import org.concord.spi.SystemConfig;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RemoteConnectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Scope ALICE = new Scope("alice", ItemType.CONTACT);

    private MemoryApplication app;
    private KitServer server;

    @BeforeEach
    void start() throws Exception {
        app = MemoryApplication.contacts();
        server = KitServer.builder(app).listen(new InetSocketAddress("127.0.0.1", 0)).bearerToken("right").start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Connector connector(String token) throws ConfigException {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("connector", "remote");
        settings.put("url", server.baseUri().toString());
        settings.put("token", token);
        return new RemoteConnectorFactory().create(new SystemConfig("crm", settings, Path.of(".")));
    }

    private static Payload card(String name) {
        ObjectNode json = JSON.createObjectNode().put("@type", "Card").put("version", "1.0").put("uid", "urn:uuid:" + name);
        json.putObject("name").put("full", name);
        return Payload.of(json);
    }

    private static FeedRequest feed(Cursor since, Duration wait) {
        return new FeedRequest(since, 100, wait, false, KnownObjects.NONE);
    }

    @Test
    void openLearnsTheTypesTheApplicationServesAndPushesChanges() throws Exception {
        try (Connector c = connector("right")) {
            c.open();
            assertThat(c.describe().types()).containsExactly(ItemType.CONTACT);
            assertThat(c.describe().has(Capability.PUSH)).isTrue();
            assertThat(c.ping()).isEqualTo(new Health.Up("memory application: memory application"));
        }
    }

    @Test
    void writesComeBackThroughTheFeedAndTheCursorMovesOn() throws Exception {
        try (Connector c = connector("right")) {
            c.open();
            List<WriteResult> written = c.setChanges(List.of(new Write.Create("g1", ALICE, card("Ada")), new Write.Create("g2", ALICE, card("Bob"))));
            assertThat(written).containsExactly(new WriteResult.Written("1", "1"), new WriteResult.Written("2", "2"));
            ChangeBatch batch = c.getChanges(feed(Cursor.START, Duration.ZERO));
            assertThat(batch.changes()).extracting(Change::nativeId).containsExactly("1", "2");
            assertThat(((Change.Upsert) batch.changes().getFirst()).payload()).isEqualTo(card("Ada"));
            assertThat(batch.next()).isEqualTo(new Cursor("2"));
            assertThat(c.getChanges(feed(batch.next(), Duration.ZERO)).changes()).isEmpty();
        }
    }

    @Test
    void aWriteDuringALongPollEndsItAtOnce() throws Exception {
        try (Connector reader = connector("right"); Connector writer = connector("right")) {
            reader.open();
            writer.open();
            CompletableFuture<ChangeBatch> poll = CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.getChanges(feed(Cursor.START, Duration.ofSeconds(20)));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            long before = System.nanoTime();
            writer.setChanges(List.of(new Write.Create("g1", ALICE, card("Ada"))));
            ChangeBatch batch = poll.get();
            assertThat((System.nanoTime() - before) / 1_000_000).isLessThan(500);
            assertThat(batch.changes()).hasSize(1);
        }
    }

    @Test
    void eachWriteOutcomeMapsToItsResult() throws Exception {
        try (Connector c = connector("right")) {
            c.open();
            c.setChanges(List.of(new Write.Create("g1", ALICE, card("Ada"))));
            List<WriteResult> results = c.setChanges(List.of(
                    new Write.Update("g1", ALICE, "1", Optional.of("0"), card("Ada L")),
                    new Write.Update("g9", ALICE, "99", Optional.empty(), card("Nobody")),
                    new Write.Delete("g8", ALICE, "98", Optional.empty()),
                    new Write.Update("g1", ALICE, "1", Optional.of("1"), card("Ada L"))));
            assertThat(results.get(0)).isInstanceOf(WriteResult.PreconditionFailed.class);
            assertThat(((WriteResult.PreconditionFailed) results.get(0)).message()).isEqualTo("remote 'crm': update of contact 1: object 1 is at version 1");
            assertThat(results.get(1)).isInstanceOf(WriteResult.Gone.class);
            assertThat(results.get(2)).isEqualTo(new WriteResult.Deleted());
            assertThat(results.get(3)).isEqualTo(new WriteResult.Written("1", "2"));
        }
    }

    @Test
    void aWrongTokenIsPermanentAndNamesTheSystemAndTheStatus() throws Exception {
        try (Connector c = connector("s3cr3t-but-wrong")) {
            assertThatThrownBy(c::open).isInstanceOf(PermanentConnectorException.class)
                    .hasMessage("remote 'crm': GET ping refused: HTTP 401: missing or wrong credentials (check the system's token or username/password)")
                    .hasMessageNotContaining("s3cr3t");
            assertThat(c.ping()).isInstanceOf(Health.Down.class);
        }
    }

    @Test
    void anApplicationThatIsDownIsRetryableAndPingsDown() throws Exception {
        server.close();
        try (Connector c = connector("right")) {
            assertThatThrownBy(c::open).isInstanceOf(RetryableConnectorException.class).hasMessageStartingWith("remote 'crm': GET ping failed: cannot connect");
            assertThat(c.ping()).isInstanceOf(Health.Down.class);
        }
    }

    @Test
    void badSettingsAreRefusedNamingTheKey() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("connector", "remote");
        s.put("url", "ftp://crm.example.org/");
        assertThatThrownBy(() -> new RemoteConnectorFactory().create(new SystemConfig("crm", s, Path.of("."))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("systems.crm.url: expected an http:// or https:// URL");
        s.put("url", "https://crm.example.org/concord/v1");
        s.put("mapping", Map.of("contact", Map.of("first", "name.givn")));
        assertThatThrownBy(() -> new RemoteConnectorFactory().create(new SystemConfig("crm", s, Path.of("."))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("systems.crm.mapping.contact.first: unknown target 'name.givn' for a contact; known: ");
        s.put("mapping", Map.of("contacts", Map.of("first", "name.given")));
        assertThatThrownBy(() -> new RemoteConnectorFactory().create(new SystemConfig("crm", s, Path.of("."))))
                .isInstanceOf(ConfigException.class).hasMessage("systems.crm.mapping.contacts: unknown type; expected one of contact, event, task, note");
        s.remove("mapping");
        s.put("token", "t");
        s.put("username", "u");
        assertThatThrownBy(() -> new RemoteConnectorFactory().create(new SystemConfig("crm", s, Path.of("."))))
                .isInstanceOf(ConfigException.class).hasMessage("systems.crm.token: give either a token or a username and password, not both");
        s.remove("token");
        s.put("passwrd", "p");
        assertThatThrownBy(() -> new RemoteConnectorFactory().create(new SystemConfig("crm", s, Path.of("."))))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("systems.crm.passwrd: unknown key for a 'remote' system");
    }

    @Test
    void vCardAndICalendarTextTravelAsStringsAndComeBackWithTheirContent() throws Exception {
        server.close();
        app = new MemoryApplication(java.util.Set.of(), Map.of(
                org.concord.remote.kit.ObjectType.CONTACT, org.concord.remote.kit.TypeFormat.of(org.concord.remote.kit.DataFormat.VCARD),
                org.concord.remote.kit.ObjectType.EVENT, org.concord.remote.kit.TypeFormat.of(org.concord.remote.kit.DataFormat.ICALENDAR)));
        server = KitServer.builder(app).listen(new InetSocketAddress("127.0.0.1", 0)).bearerToken("right").start();
        Payload contact = org.concord.testkit.Samples.of(ItemType.CONTACT, "uid-text-1", 1, 0);
        Payload event = org.concord.testkit.Samples.of(ItemType.EVENT, "uid-text-2", 2, 0);
        try (Connector c = connector("right")) {
            c.open();
            assertThat(c.describe().types()).containsExactlyInAnyOrder(ItemType.CONTACT, ItemType.EVENT);
            List<WriteResult> written = c.setChanges(List.of(new Write.Create("g1", ALICE, contact),
                    new Write.Create("g2", new Scope("alice", ItemType.EVENT), event)));
            assertThat(written).allMatch(r -> r instanceof WriteResult.Written w && w.stored().isEmpty());
            List<Change> changes = c.getChanges(feed(Cursor.START, Duration.ZERO)).changes();
            assertThat(changes).hasSize(2).allMatch(ch -> ch instanceof Change.Upsert);
            assertThat(((Change.Upsert) changes.get(0)).payload().contentHash()).isEqualTo(contact.contentHash());
            assertThat(((Change.Upsert) changes.get(1)).payload().contentHash()).isEqualTo(event.contentHash());
        }
    }

    @Test
    void theFactoryIsFoundByTheServiceLoaderUnderKindRemote() {
        assertThat(java.util.ServiceLoader.load(org.concord.spi.ConnectorFactory.class).stream()
                .map(p -> p.get().kind())).contains("remote");
    }
}
