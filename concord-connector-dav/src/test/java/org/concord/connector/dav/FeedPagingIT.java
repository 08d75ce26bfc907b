package org.concord.connector.dav;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.concord.connector.dav.testing.Radicale;
import org.concord.spi.ChangeBatch;
import org.concord.spi.Change;
import org.concord.spi.Cursor;
import org.concord.spi.FeedRequest;
import org.concord.testkit.HubView;
import org.junit.jupiter.api.Test;

/**
 * Reads that take several pages, over several collections, where a later collection holds more
 * changes than one page: every item is reported once and the read ends, in both feed modes, for
 * first reads and full re-reads.
 */
class FeedPagingIT {
    private static final int LIMIT = 3;
    private static final int CONTACTS = 2;
    private static final int EVENTS = 7;

    @Test
    void aReadSpanningPagesAndCollectionsReportsEveryItemOnceAndEnds() throws Exception {
        try (Radicale r = Radicale.start()) {
            for (String feed : List.of("sync-collection", "etag-listing")) {
                Map<String, Object> s = r.systemSettings();
                s.put("types", List.of("contact", "event"));
                s.put("create-collections", true);
                s.put("feed", feed);
                try (DavConnector c = DavSystems.connector("r", s)) {
                    c.open();
                    if (feed.equals("sync-collection")) {
                        Path root = r.storage().resolve("collection-root").resolve("alice");
                        for (int i = 0; i < CONTACTS; i++) {
                            Files.writeString(root.resolve("contacts").resolve("c" + i + ".vcf"), Corpus.contact(i),
                                    StandardCharsets.UTF_8);
                        }
                        for (int i = 0; i < EVENTS; i++) {
                            Files.writeString(root.resolve("calendar").resolve("e" + i + ".ics"), Corpus.event(i),
                                    StandardCharsets.UTF_8);
                        }
                    }
                    for (boolean full : List.of(false, true)) {
                        List<String> reported = readInPages(c, full);
                        assertThat(reported).as("%s, full=%s", feed, full).hasSize(CONTACTS + EVENTS).doesNotHaveDuplicates();
                    }
                }
            }
        }
    }

    /** The hrefs a read from the start reports, page by page; fails if it does not end within a few pages too many. */
    private static List<String> readInPages(DavConnector c, boolean full) throws Exception {
        HubView hub = new HubView();
        List<String> reported = new ArrayList<>();
        Cursor cursor = Cursor.START;
        int maxPages = (CONTACTS + EVENTS) / LIMIT + 3;
        for (int page = 0; page < maxPages; page++) {
            ChangeBatch b = c.getChanges(new FeedRequest(cursor, LIMIT, Duration.ZERO, full, hub));
            assertThat(b.changes().size()).isLessThanOrEqualTo(LIMIT);
            for (Change ch : b.changes()) {
                hub.read(ch);
                reported.add(ch.nativeId());
            }
            cursor = b.next();
            if (!b.more()) {
                return reported;
            }
        }
        throw new AssertionError("the read did not end within " + maxPages + " pages; reported so far: " + reported);
    }
}
