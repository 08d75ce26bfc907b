package org.concord.connector.dav;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.spi.Change;
import org.concord.spi.ChangeBatch;
import org.concord.spi.ConnectorException;
import org.concord.spi.FeedRequest;
import org.concord.spi.KnownObject;
import org.concord.spi.KnownObjects;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The change feed of a dav system, over all its collections.
 *
 * <p>Per collection, a read first makes a plan: the members that changed since the cursor, from
 * an RFC 6578 sync-collection report, or, for servers without it, from the ctag (unchanged
 * collections cost one small PROPFIND) and a getetag listing compared with the hub's links. A
 * member whose etag equals the version the hub already has is left out, so our own writes
 * coming back cost nothing. The plan's members are then fetched with multiget in batches and
 * converted; a member that does not convert becomes {@link Change.Unreadable} naming its href.
 *
 * <p>An invalid or expired token, or a truncated report, leads to a reconcile: a listing of the
 * collection compared with the hub's links that reports new and changed members and never infers
 * a delete from a member merely not seen. So does a full re-read, which reports every member.
 *
 * <p>Only the reader thread calls this class. A plan larger than the request's limit is kept in
 * memory and paged through: the next page continues in that collection, with the same plan,
 * whatever the collections before it would say meanwhile. The cursor of each page still holds the
 * collection's old position, so after a restart the plan is simply made again (reads are at
 * least once).
 */
final class ChangeFeed {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeFeed.class);
    private static final String SYNC = "sync:";
    private static final String CTAG = "ctag:";
    private static final String LIST = "list:";

    private final DavSettings settings;
    private final List<Collection> collections;
    private final CollectionReader reader;
    private final ItemFormat format;
    private Plan active;

    ChangeFeed(DavSettings settings, List<Collection> collections, CollectionReader reader, ItemFormat format) {
        this.settings = settings;
        this.collections = List.copyOf(collections);
        this.reader = reader;
        this.format = format;
    }

    /** What one collection's read will report, and the position it ends at. */
    private static final class Plan {
        final String id = UUID.randomUUID().toString();
        final Collection collection;
        final String from;
        final String to;
        final List<CollectionReader.Member> members;
        int next;

        Plan(Collection collection, String from, String to, List<CollectionReader.Member> members) {
            this.collection = collection;
            this.from = from;
            this.to = to;
            this.members = members;
        }
    }

    ChangeBatch read(FeedRequest request) throws ConnectorException, InterruptedException {
        FeedCursor cursor;
        try {
            cursor = FeedCursor.parse(request.since());
        } catch (IllegalArgumentException e) {
            throw new PermanentConnectorException(prefix() + "cursor " + request.since() + " was not made by a dav connector", e);
        }
        long deadline = System.nanoTime() + request.maxWait().toNanos();
        while (true) {
            Map<String, String> states = new LinkedHashMap<>(cursor.states());
            Set<String> fullDone = request.full() ? new LinkedHashSet<>(cursor.fullDone()) : new HashSet<>();
            List<Change> changes = new ArrayList<>();
            Optional<FeedCursor.Resume> resume = Optional.empty();
            // A page continues in the collection where the last one stopped; the collections
            // before it finished this pass and are asked again on the next one.
            Optional<String> continueAt = cursor.resume().map(FeedCursor.Resume::path)
                    .filter(path -> collections.stream().anyMatch(c -> c.path().equals(path)));
            for (Collection c : collections) {
                if (continueAt.isPresent()) {
                    if (!continueAt.get().equals(c.path())) {
                        continue;
                    }
                    continueAt = Optional.empty();
                }
                if (changes.size() >= request.limit()) {
                    resume = Optional.of(new FeedCursor.Resume(c.path(), "", 0));
                    break;
                }
                String from = states.get(c.path());
                boolean full = request.full() && !fullDone.contains(c.path());
                Plan plan = resumable(cursor, c, from).orElse(null);
                if (plan == null) {
                    plan = plan(c, from, full, request.known());
                }
                int room = request.limit() - changes.size();
                int end = Math.min(plan.members.size(), plan.next + room);
                changes.addAll(fetch(plan, plan.members.subList(plan.next, end), request.known()));
                plan.next = end;
                if (plan.next < plan.members.size()) {
                    active = plan;
                    resume = Optional.of(new FeedCursor.Resume(c.path(), plan.id, plan.next));
                    break;
                }
                if (plan == active) {
                    active = null;
                }
                states.put(c.path(), plan.to);
                if (request.full()) {
                    fullDone.add(c.path());
                }
            }
            FeedCursor next = new FeedCursor(states, resume, fullDone);
            boolean more = resume.isPresent();
            if (!changes.isEmpty() || more || System.nanoTime() >= deadline) {
                return new ChangeBatch(changes, next.toCursor(), more);
            }
            cursor = next;
            long left = deadline - System.nanoTime();
            Thread.sleep(Duration.ofNanos(Math.min(left, settings.pollInterval().toNanos())));
        }
    }

    private Optional<Plan> resumable(FeedCursor cursor, Collection c, String from) {
        Plan p = active;
        if (p == null || cursor.resume().isEmpty()) {
            return Optional.empty();
        }
        FeedCursor.Resume r = cursor.resume().get();
        if (p.collection.path().equals(c.path()) && r.path().equals(c.path()) && p.id.equals(r.planId())
                && p.next == r.offset() && java.util.Objects.equals(p.from, from)) {
            return Optional.of(p);
        }
        return Optional.empty();
    }

    private Plan plan(Collection c, String from, boolean full, KnownObjects known)
            throws ConnectorException, InterruptedException {
        if (full) {
            return reconcile(c, from, known, true);
        }
        if (c.syncCollection() && from != null && !from.startsWith(SYNC)) {
            return reconcile(c, from, known, false);
        }
        if (c.syncCollection()) {
            String token = from == null ? "" : from.substring(SYNC.length());
            CollectionReader.SyncResult result = reader.sync(c, token);
            switch (result) {
                case CollectionReader.SyncResult.Changes ch -> {
                    List<CollectionReader.Member> members = new ArrayList<>();
                    for (CollectionReader.Member m : ch.members()) {
                        // A first read reports every member; later reads skip what the hub already has.
                        if (m.removed() ? isKnownHere(c, m.path(), known) : from == null || !alreadyKnown(m, known)) {
                            members.add(m);
                        }
                    }
                    return new Plan(c, from, SYNC + ch.token(), members);
                }
                case CollectionReader.SyncResult.Reconcile why -> {
                    LOG.warn("{}collection {} of user {}: {}; reconciling by listing (no deletes inferred)",
                            prefix(), c.path(), c.user(), why.reason());
                    return reconcile(c, from, known, from == null);
                }
            }
        }
        if (from == null) {
            return reconcile(c, null, known, true);
        }
        CollectionReader.State state = reader.state(c);
        if (state.ctag().isPresent() && from.equals(CTAG + state.ctag().get())) {
            return new Plan(c, from, from, List.of());
        }
        String to = state.ctag().map(t -> CTAG + t).orElse(LIST);
        List<CollectionReader.Member> listed = reader.listing(c);
        List<CollectionReader.Member> members = new ArrayList<>();
        Set<String> present = new HashSet<>();
        for (CollectionReader.Member m : listed) {
            present.add(m.path());
            if (!alreadyKnown(m, known)) {
                members.add(m);
            }
        }
        // With a complete listing in hand, a known member missing from it was deleted.
        known.forEach(k -> {
            if (isHere(c, k) && !present.contains(k.nativeId())) {
                members.add(new CollectionReader.Member(k.nativeId(), Optional.empty(), true));
            }
        });
        return new Plan(c, from, to, members);
    }

    /** Lists the whole collection; reports new and changed members (all of them when {@code all}), never deletes. */
    private Plan reconcile(Collection c, String from, KnownObjects known, boolean all)
            throws ConnectorException, InterruptedException {
        CollectionReader.State state = reader.state(c);
        String to = c.syncCollection() && state.syncToken().isPresent() ? SYNC + state.syncToken().get()
                : state.ctag().map(t -> CTAG + t).orElse(LIST);
        List<CollectionReader.Member> members = new ArrayList<>();
        for (CollectionReader.Member m : reader.listing(c)) {
            if (all || !alreadyKnown(m, known)) {
                members.add(m);
            }
        }
        return new Plan(c, from, to, members);
    }

    /** Turns planned members into changes: deletes as they are, the rest fetched in multiget batches. */
    private List<Change> fetch(Plan plan, List<CollectionReader.Member> members, KnownObjects known)
            throws ConnectorException, InterruptedException {
        Collection c = plan.collection;
        List<Change> out = new ArrayList<>();
        List<String> toFetch = new ArrayList<>();
        Map<String, CollectionReader.Member> byPath = new HashMap<>();
        for (CollectionReader.Member m : members) {
            if (m.removed()) {
                out.add(new Change.Delete(scopeOf(c, m.path(), known), m.path()));
            } else {
                toFetch.add(m.path());
                byPath.put(m.path(), m);
            }
        }
        for (int i = 0; i < toFetch.size(); i += settings.multigetBatch()) {
            List<String> batch = toFetch.subList(i, Math.min(toFetch.size(), i + settings.multigetBatch()));
            for (CollectionReader.Fetched f : reader.multiget(c, batch)) {
                CollectionReader.Member listed = byPath.get(f.path());
                if (listed == null) {
                    continue;
                }
                toChange(c, f, listed, known).ifPresent(out::add);
            }
        }
        return out;
    }

    private Optional<Change> toChange(Collection c, CollectionReader.Fetched f, CollectionReader.Member listed,
                                      KnownObjects known) {
        if (f.status() == 404) {
            return Optional.empty();
        }
        Scope fallback = scopeOf(c, f.path(), known);
        if (f.status() == 413) {
            return Optional.of(new Change.Unreadable(fallback, f.path(), prefix() + f.path()
                    + " is larger than max-response-size"));
        }
        if (f.status() / 100 != 2 || f.data().isEmpty()) {
            return Optional.of(new Change.Unreadable(fallback, f.path(), prefix() + f.path()
                    + " could not be fetched: HTTP " + f.status()));
        }
        String data = f.data().get();
        long size = data.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (size > settings.maxItemBytes()) {
            return Optional.of(new Change.Unreadable(fallback, f.path(), prefix() + f.path() + " is " + size
                    + " bytes, above max-item-size " + settings.maxItemBytes()));
        }
        Optional<String> version = f.etag().or(listed::etag);
        if (version.isEmpty()) {
            return Optional.of(new Change.Unreadable(fallback, f.path(), prefix() + f.path() + " has no etag"));
        }
        Payload payload;
        try {
            payload = format.decode(c.remote().kind(), data);
        } catch (ItemFormat.Unconvertible e) {
            return Optional.of(new Change.Unreadable(fallback, f.path(), prefix() + "cannot read " + f.path() + ": "
                    + e.getMessage()));
        }
        if (!c.types().contains(payload.type())) {
            // A calendar holding several kinds of components: this kind is not synced here.
            return Optional.empty();
        }
        return Optional.of(new Change.Upsert(new Scope(c.user(), payload.type()), f.path(), version.get(), payload));
    }

    private static boolean alreadyKnown(CollectionReader.Member m, KnownObjects known) {
        return m.etag().isPresent() && known.find(m.path()).map(k -> m.etag().get().equals(k.version())).orElse(false);
    }

    private static boolean isKnownHere(Collection c, String path, KnownObjects known) {
        return known.find(path).map(k -> isHere(c, k)).orElse(false);
    }

    private static boolean isHere(Collection c, KnownObject k) {
        return c.holds(k.nativeId()) && k.scope().user().equals(c.user()) && c.types().contains(k.scope().type());
    }

    private static Scope scopeOf(Collection c, String path, KnownObjects known) {
        ItemType type = known.find(path).map(k -> k.scope().type()).filter(c.types()::contains).orElse(c.primaryType());
        return new Scope(c.user(), type);
    }

    private String prefix() {
        return "dav '" + settings.system() + "': ";
    }
}
