package org.concord.connector.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.concord.connector.dav.testing.Radicale;
import org.concord.model.ItemType;
import org.concord.spi.Change;
import org.concord.spi.Cursor;
import org.concord.testkit.HubView;
import org.junit.jupiter.api.Test;

/**
 * A first sync of 1,000 contacts and 500 events (a quarter recurring with a moved occurrence,
 * three time zones) from Radicale, and the cost of the polls that follow. The items are placed in
 * Radicale's storage directly: writing them through HTTP would measure Radicale's PUT, which
 * scans its whole collection on every write.
 */
class SyncVolumeIT {

    @Test
    void aFirstSyncOf1500ItemsIsQuickAndAnIdlePollIsCheap() throws Exception {
        try (Radicale r = Radicale.start()) {
            Map<String, Object> s = r.systemSettings();
            s.put("types", java.util.List.of("contact", "event"));
            s.put("create-collections", true);
            try (DavConnector c = DavSystems.connector("radicale", s)) {
                c.open();
                Path root = r.storage().resolve("collection-root").resolve("alice");
                for (int i = 0; i < 1000; i++) {
                    Files.writeString(root.resolve("contacts").resolve("c" + i + ".vcf"), Corpus.contact(i), StandardCharsets.UTF_8);
                }
                for (int i = 0; i < 500; i++) {
                    Files.writeString(root.resolve("calendar").resolve("e" + i + ".ics"), Corpus.event(i), StandardCharsets.UTF_8);
                }
                HubView hub = new HubView();
                long requests = c.http().requestCount();
                long started = System.nanoTime();
                Feeds.Read first = Feeds.readAll(c, Cursor.START, hub, 500, false);
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                long contacts = first.changes().stream()
                        .filter(ch -> ch instanceof Change.Upsert u && u.scope().type() == ItemType.CONTACT).count();
                long events = first.changes().stream()
                        .filter(ch -> ch instanceof Change.Upsert u && u.scope().type() == ItemType.EVENT).count();
                assertThat(contacts).isEqualTo(1000);
                assertThat(events).isEqualTo(500);
                long firstRequests = c.http().requestCount() - requests;

                int polls = 20;
                long pollRequests = c.http().requestCount();
                long pollBytes = c.http().bytesReceived();
                long pollStart = System.nanoTime();
                Cursor at = first.next();
                for (int i = 0; i < polls; i++) {
                    Feeds.Read idle = Feeds.readAll(c, at, hub, 500, false);
                    assertThat(idle.changes()).isEmpty();
                    at = idle.next();
                }
                Duration pollTook = Duration.ofNanos((System.nanoTime() - pollStart) / polls);
                System.out.printf("dav volume: first sync of 1000 contacts + 500 events from Radicale: %d ms, %d requests%n",
                        took.toMillis(), firstRequests);
                System.out.printf("dav volume: no-change poll over 2 collections: %.1f ms, %d requests, %d bytes received%n",
                        pollTook.toNanos() / 1e6, (c.http().requestCount() - pollRequests) / polls,
                        (c.http().bytesReceived() - pollBytes) / polls);
                assertThat(took).isLessThan(Duration.ofSeconds(60));
                assertThat((c.http().requestCount() - pollRequests) / polls).isEqualTo(2);
            }
        }
    }
}
