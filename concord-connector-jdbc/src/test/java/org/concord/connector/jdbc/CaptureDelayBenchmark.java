package org.concord.connector.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.concord.spi.ChangeBatch;
import org.concord.spi.Cursor;
import org.concord.spi.FeedRequest;
import org.concord.spi.KnownObjects;

/**
 * Capture delay: from the COMMIT of another client's UPDATE returning to that change being
 * returned by a blocking getChanges, on MariaDB (change-log poll) and PostgreSQL (LISTEN/NOTIFY).
 * A benchmark, not a test: run its main() with the test classpath; it prints p50/p99/max.
 */
public final class CaptureDelayBenchmark {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        for (TestDatabase.Server server : TestDatabase.Server.values()) {
            run(server, rounds);
        }
    }

    static void run(TestDatabase.Server server, int rounds) throws Exception {
        try (TestDatabase db = TestDatabase.create(server)) {
            db.execute(server == TestDatabase.Server.MARIADB
                    ? "CREATE TABLE people (id INT AUTO_INCREMENT PRIMARY KEY, owner VARCHAR(50), last_name VARCHAR(100) NOT NULL) ENGINE=InnoDB"
                    : "CREATE TABLE people (id SERIAL PRIMARY KEY, owner VARCHAR(50), last_name VARCHAR(100) NOT NULL)",
                    "INSERT INTO people (owner, last_name) VALUES ('alice', 'Bench')");
            Map<String, Object> people = Map.of("type", "contact", "user", "owner", "fields", Map.of("last_name", "name.surname"));
            try (JdbcConnector connector = (JdbcConnector) new JdbcConnectorFactory().create(db.config("bench", Map.of("tables", Map.of("people", people))));
                    Connection other = db.connect();
                    PreparedStatement update = other.prepareStatement("UPDATE people SET last_name = ? WHERE id = 1")) {
                connector.install();
                connector.open();
                Cursor cursor = JdbcConnectorContract.drain(connector, Cursor.START);
                other.setAutoCommit(false);
                List<Long> micros = new ArrayList<>();
                for (int i = 0; i < rounds + 20; i++) {
                    Cursor since = cursor;
                    CompletableFuture<Object[]> read = CompletableFuture.supplyAsync(() -> {
                        try {
                            ChangeBatch b = connector.getChanges(new FeedRequest(since, 10, Duration.ofSeconds(10), false, KnownObjects.NONE));
                            return new Object[] {System.nanoTime(), b};
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    Thread.sleep(20 + (i % 7) * 3); // the reader is waiting when the change commits
                    update.setString(1, "Bench " + i);
                    update.executeUpdate();
                    other.commit();
                    long committed = System.nanoTime();
                    Object[] result = read.get();
                    ChangeBatch b = (ChangeBatch) result[1];
                    if (b.changes().size() != 1) {
                        throw new IllegalStateException("expected one change, got " + b.changes());
                    }
                    cursor = b.next();
                    if (i >= 20) { // warm-up rounds are not counted
                        micros.add(Math.max(0, ((Long) result[0] - committed) / 1_000));
                    }
                }
                Collections.sort(micros);
                System.out.printf("%s: %d updates, capture delay p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", server, micros.size(),
                        micros.get(micros.size() / 2) / 1000.0, micros.get((int) Math.ceil(micros.size() * 0.99) - 1) / 1000.0,
                        micros.getLast() / 1000.0);
            }
        }
    }
}
