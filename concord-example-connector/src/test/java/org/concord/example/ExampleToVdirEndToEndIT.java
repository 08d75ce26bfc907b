package org.concord.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.concord.app.config.Config;
import org.concord.app.config.ConfigLoader;
import org.concord.app.wiring.Agent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concord keeps the example connector's table and a folder of vCards in sync, both ways, as
 * docs/remote-protocol/example.md describes; prints how long each change took to arrive.
 */
class ExampleToVdirEndToEndIT {
    private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/?user=root&connectTimeout=3000";
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private String database;
    private ExampleConnector example;
    private Agent agent;

    @BeforeEach
    void start() throws Exception {
        database = "concord_remote_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4");
        } catch (SQLException e) {
            if ("1".equals(System.getenv("CONCORD_REQUIRE_SERVERS"))) {
                throw e;
            }
            Assumptions.abort("MariaDB is not reachable on 127.0.0.1:3306 (" + e.getMessage()
                    + "): install mariadb-server (apt-get install -y mariadb-server) and start it");
        }
        example = ExampleConnector.start(url(), new InetSocketAddress("127.0.0.1", 0), Optional.of("e2e-token"), Duration.ofMillis(100));
        Path config = dir.resolve("concord.yaml");
        Files.writeString(config, """
                store: state/concord.db
                systems:
                  crm:
                    connector: remote
                    url: %s
                    token: ${EXAMPLE_TOKEN}
                    mapping:
                      contact:
                        first_name: name.given
                        last_name: name.surname
                        company: organization
                        email: email
                        phone: phone
                        note: note
                        concord_extra: extra
                  cards:
                    connector: vdir
                    path: cards
                """.formatted(example.server().baseUri()));
        Config cfg = new ConfigLoader(name -> name.equals("EXAMPLE_TOKEN") ? "e2e-token" : null).load(config);
        agent = Agent.build(cfg);
        agent.engine().start();
    }

    @AfterEach
    void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (example != null) {
            example.close();
        }
        if (database != null) {
            try (Connection c = DriverManager.getConnection(SERVER); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + database);
            }
        }
    }

    private String url() {
        return "jdbc:mariadb://127.0.0.1:3306/" + database + "?user=root";
    }

    private void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private String query(String select) throws SQLException {
        try (Connection c = DriverManager.getConnection(url()); Statement s = c.createStatement(); ResultSet r = s.executeQuery(select)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private Path contacts() {
        return dir.resolve("cards/alice/contacts");
    }

    private Optional<Path> cardContaining(String text) {
        if (!Files.isDirectory(contacts())) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(contacts())) {
            return files.filter(f -> f.toString().endsWith(".vcf")).filter(f -> {
                try {
                    return Files.readString(f).contains(text);
                } catch (IOException e) {
                    return false;
                }
            }).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Waits until {@code done}; returns the milliseconds it took. */
    private static long await(String what, BooleanSupplier done) throws InterruptedException {
        long start = System.nanoTime();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - start > PATIENCE.toNanos()) {
                throw new AssertionError(what + " did not happen within " + PATIENCE.toSeconds() + " s");
            }
            Thread.sleep(10);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private BooleanSupplier rowExists(String where) {
        return () -> {
            try {
                return query("SELECT id FROM contacts WHERE " + where) != null;
            } catch (SQLException e) {
                return false;
            }
        };
    }

    @Test
    void changesMadeOnEitherSideArriveOnTheOther() throws Exception {
        // warm-up: the agent's first read of both systems
        sql("INSERT INTO contacts (owner, first_name, last_name, email) VALUES ('alice', 'Warm', 'Up', 'warm@example.org')");
        await("the warm-up contact reaching the folder", () -> cardContaining("Warm").isPresent());

        sql("INSERT INTO contacts (owner, first_name, last_name, email, phone) "
                + "VALUES ('alice', 'Grace', 'Hopper', 'grace@example.org', '+1 555 0100')");
        long sqlInsert = await("a row inserted by SQL reaching the folder", () -> cardContaining("Hopper").isPresent());
        String card = Files.readString(cardContaining("Hopper").orElseThrow());
        assertThat(card).contains("grace@example.org").contains("+1 555 0100");

        sql("UPDATE contacts SET company = 'US Navy' WHERE last_name = 'Hopper'");
        long sqlUpdate = await("a row updated by SQL reaching the folder", () -> cardContaining("US Navy").isPresent());

        Files.writeString(contacts().resolve("ada.vcf"), """
                BEGIN:VCARD\r
                VERSION:3.0\r
                UID:urn:uuid:5b0b7f5e-2c4a-4b6e-9f3e-ada000000001\r
                FN:Ada Lovelace\r
                N:Lovelace;Ada;;;\r
                EMAIL;TYPE=work:ada@example.org\r
                BDAY:1815-12-10\r
                END:VCARD\r
                """);
        long fileCreate = await("a new vCard file reaching the table", rowExists("last_name = 'Lovelace' AND email = 'ada@example.org'"));

        Path grace = cardContaining("Hopper").orElseThrow();
        Files.delete(grace);
        long fileDelete = await("a deleted vCard file deleting the row", () -> !rowExists("last_name = 'Hopper'").getAsBoolean());

        sql("DELETE FROM contacts WHERE last_name = 'Lovelace'");
        long sqlDelete = await("a row deleted by SQL deleting the file", () -> cardContaining("Lovelace").isEmpty());

        assertThat(query("SELECT COUNT(*) FROM contacts")).isEqualTo("1");
        System.out.printf("ExampleToVdirEndToEndIT: SQL insert -> file %d ms, SQL update -> file %d ms, new file -> row %d ms, "
                + "file deleted -> row deleted %d ms, SQL delete -> file deleted %d ms%n", sqlInsert, sqlUpdate, fileCreate, fileDelete, sqlDelete);
    }
}
