package org.concord.connector.dav;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concord.spi.Cursor;
import org.junit.jupiter.api.Test;

class FeedCursorTest {

    @Test
    void everyCollectionsPositionAPageMarkAndFullReadProgressSurviveTheRoundTrip() {
        FeedCursor c = new FeedCursor(
                Map.of("/alice/contacts/", "sync:http://radicale.org/ns/sync/abc", "/alice/calendar/", "ctag:\"7\""),
                Optional.of(new FeedCursor.Resume("/alice/contacts/", "plan-1", 300)), Set.of("/alice/calendar/"));
        assertThat(FeedCursor.parse(c.toCursor())).isEqualTo(c);
    }

    @Test
    void theStartIsNoPosition() {
        assertThat(FeedCursor.parse(Cursor.START)).isEqualTo(FeedCursor.START);
    }

    @Test
    void aCursorOfAnotherConnectorIsRefused() {
        assertThatThrownBy(() -> FeedCursor.parse(new Cursor("1234"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FeedCursor.parse(new Cursor("{not json"))).isInstanceOf(IllegalArgumentException.class);
    }
}
