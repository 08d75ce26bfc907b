package org.concord.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Console sessions, in memory (a restart of the agent logs everyone out). Each has a random id
 * (the cookie) and a random CSRF token that every state-changing request must echo in a header.
 * A session ends after {@link #IDLE} without a request or {@link #MAX_AGE} in all.
 */
final class Sessions {
    static final Duration IDLE = Duration.ofHours(2);
    static final Duration MAX_AGE = Duration.ofHours(12);
    static final int MAX_SESSIONS = 1000;
    private static final SecureRandom RANDOM = new SecureRandom();

    record Session(String id, String user, String csrfToken, Instant created) {
        @Override
        public String toString() {
            return "Session[" + user + ", since " + created + "]";
        }
    }

    private record Entry(Session session, Instant lastSeen) {}

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();
    private final Clock clock;

    Sessions(Clock clock) {
        this.clock = clock;
    }

    Session create(String user) {
        Instant now = clock.instant();
        expire(now);
        if (byId.size() >= MAX_SESSIONS) {
            byId.values().stream().min(Comparator.comparing(Entry::lastSeen))
                    .ifPresent(oldest -> byId.remove(oldest.session().id()));
        }
        Session s = new Session(randomToken(), user, randomToken(), now);
        byId.put(s.id(), new Entry(s, now));
        return s;
    }

    /** The live session with this id, marked as used now. */
    Optional<Session> find(String id) {
        Entry e = byId.get(id);
        if (e == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(e, now)) {
            byId.remove(id);
            return Optional.empty();
        }
        byId.replace(id, e, new Entry(e.session(), now));
        return Optional.of(e.session());
    }

    void remove(String id) {
        byId.remove(id);
    }

    int size() {
        return byId.size();
    }

    private void expire(Instant now) {
        byId.values().removeIf(e -> expired(e, now));
    }

    private static boolean expired(Entry e, Instant now) {
        return now.isAfter(e.lastSeen().plus(IDLE)) || now.isAfter(e.session().created().plus(MAX_AGE));
    }

    static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
