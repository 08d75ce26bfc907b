package org.concord.connector.remote.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Checks of get changes: what the feed shows, modid order, paging, long polling, complete reads. */
final class FeedChecks {
    private FeedChecks() {}

    /** The feed position now, read from the head on. */
    static Optional<String> end(Run run) throws CheckFailed {
        return Feed.end(run.feed.all(run.head, Math.min(run.maxLimit, 500), false), run.head);
    }

    /** The last change of object {@code id} after {@code since}. */
    static Optional<JsonNode> latest(Run run, Optional<String> since, String id) throws CheckFailed {
        JsonNode found = null;
        for (JsonNode c : Feed.changes(run.feed.all(since, Math.min(run.maxLimit, 500), false))) {
            if (c.get("id").asText().equals(id)) {
                found = c;
            }
        }
        return Optional.ofNullable(found);
    }

    static String feedShowsCreates(Run run) throws CheckFailed, CheckSkipped {
        run.object("two", "a batch of creates");
        List<JsonNode> changes = Feed.changes(run.feed.all(run.head, Math.min(run.maxLimit, 500), false));
        for (String name : List.of("one", "two", "three", "four")) {
            Run.Created o = run.objects.get(name);
            JsonNode last = null;
            for (JsonNode c : changes) {
                if (c.get("id").asText().equals(o.id())) {
                    last = c;
                }
            }
            if (last == null) {
                throw new CheckFailed("object " + o.id() + ", created by this run, does not appear in the feed after its head "
                        + run.head.orElse("(start)"));
            }
            if (!last.path("op").asText().equals("upsert") || !run.samples.carries(last.get("data"), o.marker())) {
                throw new CheckFailed("the feed shows object " + o.id() + " as " + last.path("op").asText() + " with '"
                        + run.samples.marker(last.get("data")).orElse("(nothing)") + "', expected an upsert with '" + o.marker() + "'");
            }
            if (!last.path("user").asText().equals(run.user) || !last.path("type").asText().equals(run.type)) {
                throw new CheckFailed("the feed shows object " + o.id() + " as user '" + last.path("user").asText() + "', type '"
                        + last.path("type").asText() + "'; it was written as user '" + run.user + "', type '" + run.type + "'");
            }
            if (!last.path("version").asText().equals(o.version())) {
                throw new CheckFailed("the feed shows object " + o.id() + " at version '" + last.path("version").asText()
                        + "', but its write answered version '" + o.version() + "'");
            }
        }
        return "4 objects with their data, user, type and version";
    }

    static String modidsIncrease(Run run) throws CheckFailed, CheckSkipped {
        run.object("two", "a batch of creates");
        Comparator<String> order = run.feed.order();
        List<Feed.Page> pages = run.feed.all(run.head, Math.min(run.maxLimit, 500), false);
        int n = 0;
        for (Feed.Page p : pages) {
            Optional<String> previous = p.since();
            for (JsonNode c : p.changes()) {
                String modid = c.get("modid").asText();
                if (previous.isPresent() && order.compare(modid, previous.get()) <= 0) {
                    throw new CheckFailed("modid " + modid + " (object " + c.get("id").asText() + ") follows "
                            + (previous.equals(p.since()) && n == 0 ? "since=" : "modid ") + previous.get()
                            + " but is not greater (modids compare as " + run.ping.path("modidComparison").asText() + ")");
                }
                previous = Optional.of(modid);
                n++;
            }
            if (p.next().isPresent() && previous.isPresent() && order.compare(p.next().get(), previous.get()) < 0) {
                throw new CheckFailed("next " + p.next().get() + " is below the last modid of its page, " + previous.get());
            }
        }
        if (n == 0) {
            throw new CheckFailed("the feed after the head " + run.head.orElse("(start)") + " is empty although this run wrote 4 objects");
        }
        return n + " changes after the head, each modid greater than the one before";
    }

    static String paging(Run run) throws CheckFailed, CheckSkipped {
        run.object("four", "a batch of creates");
        List<Feed.Page> pages = run.feed.all(run.head, 2, false);
        Set<String> modids = new HashSet<>();
        Set<String> ids = new HashSet<>();
        Comparator<String> order = run.feed.order();
        for (int i = 0; i < pages.size(); i++) {
            Feed.Page p = pages.get(i);
            String at = "page " + (i + 1) + " (since " + p.since().orElse("the start") + ", limit 2)";
            if (p.changes().size() > 2) {
                throw new CheckFailed(at + " holds " + p.changes().size() + " changes: limit was ignored");
            }
            if (p.more() && p.changes().isEmpty()) {
                throw new CheckFailed(at + " is empty yet says more=true");
            }
            for (JsonNode c : p.changes()) {
                String modid = c.get("modid").asText();
                if (!modids.add(modid)) {
                    throw new CheckFailed(at + " repeats modid " + modid + " from an earlier page: since was ignored");
                }
                if (p.since().isPresent() && order.compare(modid, p.since().get()) <= 0) {
                    throw new CheckFailed(at + " returns modid " + modid + ", which is not after since " + p.since().get());
                }
                ids.add(c.get("id").asText());
            }
        }
        for (String name : List.of("one", "two", "three", "four")) {
            String id = run.objects.get(name).id();
            if (!ids.contains(id)) {
                throw new CheckFailed("following next page by page (limit 2) never reached object " + id + "; "
                        + pages.size() + " page(s), the last said more=false");
            }
        }
        if (pages.size() < 2) {
            throw new CheckFailed("4 changed objects came in one page of limit 2 without more=true");
        }
        return pages.size() + " pages of at most 2 changes, more=true until the last";
    }

    static String longPoll(Run run) throws CheckFailed, CheckSkipped {
        Run.Created two = run.object("two", "a batch of creates");
        Optional<String> cursor = end(run);
        CompletableFuture<Feed.Page> poll = CompletableFuture.supplyAsync(() -> {
            try {
                return run.feed.page(cursor, 100, 10, false, Duration.ofSeconds(20));
            } catch (CheckFailed e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        });
        try {
            Feed.Page early = poll.get(1000, TimeUnit.MILLISECONDS);
            if (early.changes().isEmpty()) {
                throw new CheckFailed("GET changes?wait=10 returned empty after " + early.millis()
                        + " ms with nothing changed: it must hold the request until a change or the wait ends");
            }
            throw new CheckFailed("GET changes?wait=10 from the feed's end returned changes nobody made during the wait (object "
                    + early.changes().getFirst().get("id").asText() + "): is something else writing to this endpoint?");
        } catch (TimeoutException expected) {
            // still waiting, as it should
        } catch (ExecutionException e) {
            throw new CheckFailed(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckFailed("interrupted");
        }
        String marker = run.marker("two-polled");
        JsonNode r = run.write(run.change(two.ref(), Optional.of(two.id()), "upsert", run.samples.data(marker), Optional.empty(), false))
                .getFirst();
        long written = System.nanoTime();
        String[] idVersion = Run.ok(r, "an update of object " + two.id() + " during a long poll", true);
        run.objects.put("two", new Run.Created(two.ref(), two.id(), idVersion[1], marker));
        Feed.Page page;
        try {
            page = poll.get(15, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new CheckFailed("GET changes?wait=10 did not return within 15 s of a change");
        } catch (ExecutionException e) {
            throw new CheckFailed(e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckFailed("interrupted");
        }
        long delay = Math.max(0, (System.nanoTime() - written) / 1_000_000);
        boolean seen = page.changes().stream().anyMatch(c -> c.get("id").asText().equals(two.id()));
        if (!seen) {
            throw new CheckFailed("GET changes?wait=10 returned " + page.changes().size() + " changes after its wait, without the update of object "
                    + two.id() + " made " + (page.millis() - delay) + " ms into the wait");
        }
        if (delay > 5000) {
            throw new CheckFailed("GET changes?wait=10 returned the change only " + delay + " ms after it was written");
        }
        return "returned " + delay + " ms after the write";
    }

    static String longPollEmpty(Run run) throws CheckFailed, CheckSkipped {
        run.requireHead();
        Optional<String> cursor = end(run);
        Feed.Page p = run.feed.page(cursor, 100, 1, false, Duration.ofSeconds(10));
        if (!p.changes().isEmpty()) {
            throw new CheckFailed("GET changes?wait=1 from the feed's end returned " + p.changes().size() + " changes nobody made");
        }
        if (p.more()) {
            throw new CheckFailed("GET changes?wait=1 returned no changes but more=true");
        }
        if (p.millis() < 800) {
            throw new CheckFailed("GET changes?wait=1 returned after " + p.millis() + " ms; it must wait about 1 s for a change");
        }
        if (p.millis() > 4000) {
            throw new CheckFailed("GET changes?wait=1 returned only after " + p.millis() + " ms");
        }
        if (p.next().isPresent() && cursor.isPresent() && run.feed.order().compare(p.next().get(), cursor.get()) < 0) {
            throw new CheckFailed("an empty answer moved next back from " + cursor.get() + " to " + p.next().get());
        }
        return "empty after " + p.millis() + " ms";
    }

    static String complete(Run run) throws CheckFailed, CheckSkipped {
        Run.Created one = run.object("one", WriteChecks.CREATE);
        Feed.Page first = run.feed.page(Optional.empty(), Math.min(run.maxLimit, 500), 5, true, Duration.ofSeconds(30));
        if (first.millis() > 3000) {
            throw new CheckFailed("GET changes?complete=true&wait=5 took " + first.millis() + " ms: a complete read must not wait");
        }
        List<JsonNode> all = Feed.changes(run.feed.all(Optional.empty(), Math.min(run.maxLimit, 500), true));
        Set<String> seenIds = new HashSet<>();
        for (JsonNode c : all) {
            if (!c.path("op").asText().equals("upsert")) {
                throw new CheckFailed("a complete read returned a " + c.path("op").asText() + " of object " + c.get("id").asText()
                        + "; it lists the objects that exist, as upserts");
            }
            if (!seenIds.add(c.get("id").asText())) {
                throw new CheckFailed("a complete read listed object " + c.get("id").asText() + " twice");
            }
        }
        JsonNode mine = all.stream().filter(c -> c.get("id").asText().equals(one.id())).findFirst()
                .orElseThrow(() -> new CheckFailed("a complete read does not list object " + one.id()
                        + ", written through set changes: complete must include Concord's own writes"));
        if (!run.samples.carries(mine.get("data"), one.marker())) {
            throw new CheckFailed("a complete read shows object " + one.id() + " with stale data");
        }
        Run.Created gone = run.objects.get("deleted");
        if (gone != null && seenIds.contains(gone.id())) {
            throw new CheckFailed("a complete read lists the deleted object " + gone.id());
        }
        return all.size() + " objects, each once, including this run's, without waiting";
    }
}
