package org.concord.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.concord.connector.remote.RemoteConnectorFactory;
import org.concord.connector.remote.conformance.ConformanceSuite;
import org.concord.spi.Change;
import org.concord.spi.ChangeBatch;
import org.concord.spi.Connector;
import org.concord.spi.Cursor;
import org.concord.spi.FeedRequest;
import org.concord.spi.KnownObjects;
import org.concord.spi.SystemConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The example connector on a real MariaDB: the conformance suite, and the remote connector reading changes made by SQL. */
class ExampleConnectorIT {
    private static final String TOKEN = "example-t0ken";

    private TestDatabase db;
    private ExampleConnector example;

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.createOrSkip();
        example = ExampleConnector.start(db.url(), new InetSocketAddress("127.0.0.1", 0), Optional.of(TOKEN), Duration.ofMillis(100));
    }

    @AfterEach
    void stop() throws Exception {
        if (example != null) {
            example.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void theExampleConnectorPassesEveryCheckOfTheConformanceSuite() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean passed = ConformanceSuite.run(example.server().baseUri(), Optional.of(TOKEN), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(passed).as(out).isTrue();
        assertThat(out).contains("PASS  search finds a record").contains("PASS  archive files a message once")
                .contains("20 checks passed, 0 failed, 0 skipped");
    }

    @Test
    void aRowChangedBySqlReachesAWaitingRemoteConnectorWithinThePollInterval() throws Exception {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("connector", "remote");
        settings.put("url", example.server().baseUri().toString());
        settings.put("token", TOKEN);
        settings.put("mapping", Map.of("contact", Map.of("first_name", "name.given", "last_name", "name.surname",
                "email", "email", "concord_extra", "extra")));
        try (Connector remote = new RemoteConnectorFactory().create(new SystemConfig("crm", settings, Path.of(".")))) {
            remote.open();
            ChangeBatch first = remote.getChanges(new FeedRequest(Cursor.START, 100, Duration.ZERO, false, KnownObjects.NONE));
            assertThat(first.changes()).isEmpty();
            CompletableFuture<ChangeBatch> poll = CompletableFuture.supplyAsync(() -> {
                try {
                    return remote.getChanges(new FeedRequest(first.next(), 100, Duration.ofSeconds(20), false, KnownObjects.NONE));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            long before = System.nanoTime();
            db.execute("INSERT INTO contacts (owner, first_name, last_name, email) VALUES ('alice', 'Grace', 'Hopper', 'grace@example.org')");
            ChangeBatch batch = poll.get();
            long millis = (System.nanoTime() - before) / 1_000_000;
            assertThat(millis).isLessThan(1000);
            List<Change> changes = batch.changes();
            assertThat(changes).hasSize(1);
            Change.Upsert upsert = (Change.Upsert) changes.getFirst();
            assertThat(upsert.scope().user()).isEqualTo("alice");
            assertThat(upsert.payload().label()).isEqualTo("Grace Hopper");
            assertThat(upsert.payload().json().path("emails").elements().next().path("address").asText()).isEqualTo("grace@example.org");
            System.out.println("ExampleConnectorIT: a row inserted by SQL reached the remote connector in " + millis + " ms");
        }
    }
}
