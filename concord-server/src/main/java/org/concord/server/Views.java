package org.concord.server;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.concord.engine.EngineStatus;
import org.concord.engine.ItemView;
import org.concord.engine.SystemStatus;
import org.concord.model.ItemType;
import org.concord.store.ConflictRecord;
import org.concord.store.HistoryEntry;
import org.concord.store.Link;
import org.concord.store.Pending;
import org.concord.store.SyncError;

/**
 * The JSON shapes of the API, as records (the OpenAPI document describes the same shapes). Times
 * are ISO-8601 text; absent values are {@code null}.
 */
final class Views {
    private Views() {}

    record StatusJson(String at, String store, boolean allUp, long pending, long errors, long openConflicts,
            long conflicts, List<SystemJson> systems) {
        static StatusJson of(EngineStatus s) {
            return new StatusJson(s.at().toString(), s.store(), s.allUp(), s.pending(), s.errors(), s.openConflicts(),
                    s.conflicts(), s.systems().stream().map(sys -> SystemJson.of(sys, s.at())).toList());
        }
    }

    /** {@code state} is one word for the eye: up, down or paused. */
    record SystemJson(String name, String kind, List<String> types, String state, boolean up, String since,
            String reason, boolean paused, boolean caughtUp, long items, long pending, String oldestPending,
            long lagSeconds, long errors, String lastReadAt, String cursor) {
        static SystemJson of(SystemStatus s, Instant now) {
            String state = s.paused() ? "paused" : s.up() ? "up" : "down";
            long lag = s.oldestPending().map(t -> Math.max(0, Duration.between(t, now).toSeconds())).orElse(0L);
            return new SystemJson(s.name(), s.kind(), s.types().stream().map(ItemType::code).sorted().toList(), state,
                    s.up(), s.since().toString(), s.reason().orElse(null), s.paused(), s.caughtUp(), s.items(),
                    s.pending(), text(s.oldestPending()), lag, s.errors(), text(s.lastReadAt()), s.cursor());
        }
    }

    /** {@code object} is the native id (read errors) or the global id (write errors). */
    record ErrorJson(long id, String system, String phase, String object, String item, String message, String first,
            String last, int count) {
        static ErrorJson of(SyncError e) {
            return new ErrorJson(e.id(), e.system(), e.phase().code(), e.objectRef(), e.globalId().orElse(null),
                    e.message(), e.firstAt().toString(), e.lastAt().toString(), e.count());
        }
    }

    record ErrorDetailJson(ErrorJson error, ItemJson item) {}

    record ConflictJson(long id, String item, String system, String otherOrigin, String policy, String decision,
            String duplicate, String at, boolean open) {
        static ConflictJson of(ConflictRecord c) {
            return new ConflictJson(c.id(), c.globalId(), c.system(), c.otherOrigin(), c.policy(), c.decision(),
                    c.duplicateId().orElse(null), c.at().toString(), c.open());
        }
    }

    record ItemJson(String id, String type, String user, String uid, String createdAt, List<LinkJson> links,
            List<PendingJson> pending, List<HistoryJson> history) {
        static ItemJson of(ItemView v) {
            return new ItemJson(v.item().globalId(), v.item().type().code(), v.item().user(), v.item().uid().orElse(null),
                    v.item().createdAt().toString(), v.links().stream().map(LinkJson::of).toList(),
                    v.pending().stream().map(PendingJson::of).toList(), v.history().stream().map(HistoryJson::of).toList());
        }
    }

    /** Where the item lives in one system: native id and version, and when it was last synced there. */
    record LinkJson(String system, String nativeId, String user, String version, String contentHash, String syncedAt) {
        static LinkJson of(Link l) {
            return new LinkJson(l.system(), l.nativeId(), l.user(), l.version(), l.contentHash(), l.syncedAt().toString());
        }
    }

    record PendingJson(String target, String op, String origin, String enqueuedAt, int attempts, String notBefore,
            String lastError) {
        static PendingJson of(Pending p) {
            return new PendingJson(p.target(), p.op().name().toLowerCase(java.util.Locale.ROOT), p.origin(),
                    p.enqueuedAt().toString(), p.attempts(), p.notBefore().toString(), p.lastError().orElse(null));
        }
    }

    /** One step: when, in which system, what happened ({@code read}, {@code write}, {@code conflict}) and how. */
    record HistoryJson(String at, String system, String action, String detail) {
        static HistoryJson of(HistoryEntry h) {
            return new HistoryJson(h.at().toString(), h.system(), h.action(), h.detail());
        }
    }

    /** The explicit user map; a user not listed has the same name in every system. */
    record UsersJson(List<String> systems, List<UserJson> users, String rule) {
        static UsersJson of(List<String> systems, Map<String, Map<String, String>> explicit) {
            List<UserJson> users = new ArrayList<>();
            new TreeMap<>(explicit).forEach((user, names) -> {
                Map<String, String> all = new TreeMap<>();
                for (String s : systems) {
                    all.put(s, names.getOrDefault(s, user));
                }
                users.add(new UserJson(user, all));
            });
            return new UsersJson(systems, users, "a user who is not listed has the same name in every system");
        }
    }

    record UserJson(String user, Map<String, String> names) {}

    record SessionJson(String user, String via, String csrfToken) {}

    record Accepted(String message) {}

    private static String text(Optional<Instant> t) {
        return t.map(Instant::toString).orElse(null);
    }
}
