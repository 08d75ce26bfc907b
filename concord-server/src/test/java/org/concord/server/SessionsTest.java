package org.concord.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SessionsTest {
    private Instant now = Instant.parse("2026-11-25T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void aSessionEndsAfterIdlingAndAfterItsMaximumAge() {
        Sessions sessions = new Sessions(clock);
        Sessions.Session s = sessions.create("admin");
        assertThat(s.id()).isNotEqualTo(s.csrfToken());
        now = now.plus(Sessions.IDLE.minusMinutes(1));
        assertThat(sessions.find(s.id())).isPresent();
        now = now.plus(Sessions.IDLE.minusMinutes(1));
        assertThat(sessions.find(s.id())).as("used within the idle time").isPresent();
        now = now.plus(Sessions.IDLE.plusSeconds(1));
        assertThat(sessions.find(s.id())).as("idle too long").isEmpty();

        Sessions.Session busy = sessions.create("admin");
        for (Duration lived = Duration.ZERO; lived.compareTo(Sessions.MAX_AGE) < 0; lived = lived.plusHours(1)) {
            now = now.plusSeconds(3600);
            sessions.find(busy.id());
        }
        now = now.plusSeconds(1);
        assertThat(sessions.find(busy.id())).as("older than the maximum age").isEmpty();
        assertThat(sessions.find("made-up")).isEmpty();
    }

    @Test
    void theOldestSessionMakesRoomWhenTheLimitIsReached() {
        Sessions sessions = new Sessions(clock);
        Sessions.Session first = sessions.create("admin");
        for (int i = 1; i < Sessions.MAX_SESSIONS; i++) {
            now = now.plusMillis(1);
            sessions.create("admin");
        }
        now = now.plusMillis(1);
        sessions.create("admin");
        assertThat(sessions.size()).isEqualTo(Sessions.MAX_SESSIONS);
        assertThat(sessions.find(first.id())).isEmpty();
    }
}
