package org.concord.connector.remote.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks of set changes: creates, the client reference, updates, preconditions, conflict copies, deletes. */
final class WriteChecks {
    static final String CREATE = "a create answers ok with an id and a version";

    private WriteChecks() {}

    static String create(Run run) throws CheckFailed, CheckSkipped {
        run.requireHead();
        String marker = run.marker("one");
        String ref = run.ref("one");
        JsonNode r = run.write(run.change(ref, Optional.empty(), "upsert", run.samples.data(marker), Optional.empty(), false)).getFirst();
        String[] idVersion = Run.ok(r, "a create", true);
        run.objects.put("one", new Run.Created(ref, idVersion[0], idVersion[1], marker));
        run.toClean.add(idVersion[0]);
        return "made object " + idVersion[0] + " at version " + idVersion[1];
    }

    static String repeatedCreate(Run run) throws CheckFailed, CheckSkipped {
        Run.Created one = run.object("one", CREATE);
        String marker = run.marker("one-again");
        JsonNode r = run.write(run.change(one.ref(), Optional.empty(), "upsert", run.samples.data(marker), Optional.empty(), false))
                .getFirst();
        String[] idVersion = Run.ok(r, "the repeated create", true);
        if (!idVersion[0].equals(one.id())) {
            run.toClean.add(idVersion[0]);
            throw new CheckFailed("the create repeated with client reference " + one.ref() + " answered id " + idVersion[0]
                    + ", the first one " + one.id() + ": a repeated create made a second object");
        }
        Set<String> carrying = new HashSet<>();
        for (JsonNode c : Feed.changes(run.feed.all(run.head, Math.min(run.maxLimit, 500), false))) {
            if (c.path("op").asText().equals("upsert")
                    && (run.samples.carries(c.get("data"), one.marker()) || run.samples.carries(c.get("data"), marker))) {
                carrying.add(c.get("id").asText());
            }
        }
        if (carrying.size() > 1) {
            run.toClean.addAll(carrying);
            throw new CheckFailed("after a create repeated with the same client reference the feed holds " + carrying.size()
                    + " objects with its data (ids " + String.join(", ", carrying) + "): expected one");
        }
        run.objects.put("one", new Run.Created(one.ref(), one.id(), idVersion[1], marker));
        return "the same object " + one.id() + " answered, now at version " + idVersion[1];
    }

    static String moreCreates(Run run) throws CheckFailed, CheckSkipped {
        run.object("one", CREATE);
        List<String> names = List.of("two", "three", "four");
        List<JsonNode> results = run.write(names.stream().map(n -> run.change(run.ref(n), Optional.empty(), "upsert",
                run.samples.data(run.marker(n)), Optional.empty(), false)).toArray(com.fasterxml.jackson.databind.node.ObjectNode[]::new));
        Set<String> ids = new HashSet<>();
        ids.add(run.objects.get("one").id());
        for (int i = 0; i < names.size(); i++) {
            String[] idVersion = Run.ok(results.get(i), "create " + (i + 1) + " of a batch of 3", true);
            run.toClean.add(idVersion[0]);
            if (!ids.add(idVersion[0])) {
                throw new CheckFailed("create " + (i + 1) + " of a batch of 3 answered id " + idVersion[0] + ", already given to another object");
            }
            run.objects.put(names.get(i), new Run.Created(run.ref(names.get(i)), idVersion[0], idVersion[1], run.marker(names.get(i))));
        }
        return "a batch of 3 creates made 3 new objects";
    }

    static String update(Run run) throws CheckFailed, CheckSkipped {
        Run.Created one = run.object("one", CREATE);
        Optional<String> cursor = FeedChecks.end(run);
        String marker = run.marker("one-updated");
        JsonNode r = run.write(run.change(one.ref(), Optional.of(one.id()), "upsert", run.samples.data(marker),
                Optional.of(one.version()), false)).getFirst();
        String[] idVersion = Run.ok(r, "an update with the expected version " + one.version(), true);
        if (!idVersion[0].equals(one.id())) {
            throw new CheckFailed("an update of object " + one.id() + " answered another id, " + idVersion[0]);
        }
        if (idVersion[1].equals(one.version())) {
            throw new CheckFailed("an update of object " + one.id() + " answered the old version " + one.version() + ": a version must change with the object");
        }
        JsonNode latest = FeedChecks.latest(run, cursor, one.id())
                .orElseThrow(() -> new CheckFailed("the update of object " + one.id() + " does not appear in the feed"));
        if (!run.samples.carries(latest.get("data"), marker)) {
            throw new CheckFailed("after the update the feed shows object " + one.id() + " with '"
                    + run.samples.marker(latest.get("data")).orElse("(nothing)") + "', not '" + marker + "'");
        }
        run.objects.put("one", new Run.Created(one.ref(), one.id(), idVersion[1], marker));
        run.objects.put("one-stale", one);
        return "version " + one.version() + " → " + idVersion[1] + ", new data in the feed";
    }

    static String precondition(Run run) throws CheckFailed, CheckSkipped {
        Run.Created stale = run.object("one-stale", "an update with the expected version is applied");
        Run.Created one = run.object("one", CREATE);
        String marker = run.marker("one-must-not-win");
        JsonNode r = run.write(run.change(one.ref(), Optional.of(one.id()), "upsert", run.samples.data(marker),
                Optional.of(stale.version()), false)).getFirst();
        String status = r.path("status").asText("(none)");
        if (!status.equals("precondition-failed")) {
            throw new CheckFailed("an update of object " + one.id() + " expecting the stale version " + stale.version()
                    + " (it is at " + one.version() + ") answered '" + status + "'" + Run.message(r) + ", expected precondition-failed");
        }
        JsonNode latest = FeedChecks.latest(run, run.head, one.id()).orElseThrow(
                () -> new CheckFailed("object " + one.id() + " is missing from the feed"));
        if (!run.samples.carries(latest.get("data"), one.marker())) {
            throw new CheckFailed("the refused update of object " + one.id() + " changed its data anyway");
        }
        return "precondition-failed, object unchanged";
    }

    static String conflictCopy(Run run) throws CheckFailed, CheckSkipped {
        Run.Created three = run.object("three", "a batch of creates");
        Optional<String> cursor = FeedChecks.end(run);
        String marker = run.marker("three-copy");
        String ref = run.ref("three-copy");
        JsonNode r = run.write(run.change(ref, Optional.of(three.id()), "upsert", run.samples.data(marker), Optional.empty(), true))
                .getFirst();
        String[] idVersion = Run.ok(r, "an isConflict change of object " + three.id(), true);
        if (idVersion[0].equals(three.id())) {
            throw new CheckFailed("an isConflict change of object " + three.id() + " answered the same id: it must make a copy, not update the original");
        }
        run.toClean.add(idVersion[0]);
        run.objects.put("copy", new Run.Created(ref, idVersion[0], idVersion[1], marker));
        JsonNode copy = FeedChecks.latest(run, cursor, idVersion[0]).orElseThrow(
                () -> new CheckFailed("the copy " + idVersion[0] + " does not appear in the feed"));
        if (!run.samples.carries(copy.get("data"), marker)) {
            throw new CheckFailed("the copy " + idVersion[0] + " does not hold the data sent with isConflict");
        }
        Optional<JsonNode> original = FeedChecks.latest(run, cursor, three.id());
        if (original.isPresent() && !(original.get().path("op").asText().equals("upsert")
                && run.samples.carries(original.get().get("data"), three.marker()))) {
            throw new CheckFailed("the isConflict change altered the original object " + three.id() + "; it must stay as it was");
        }
        return "copy " + idVersion[0] + " of object " + three.id() + ", original untouched";
    }

    static String delete(Run run) throws CheckFailed, CheckSkipped {
        Run.Created four = run.object("four", "a batch of creates");
        Optional<String> cursor = FeedChecks.end(run);
        JsonNode r = run.write(run.change(four.ref(), Optional.of(four.id()), "delete", null, Optional.of(four.version()), false))
                .getFirst();
        Run.ok(r, "a delete of object " + four.id() + " with its version", false);
        run.toClean.remove(four.id());
        JsonNode latest = FeedChecks.latest(run, cursor, four.id())
                .orElseThrow(() -> new CheckFailed("the delete of object " + four.id() + " does not appear in the feed"));
        if (!latest.path("op").asText().equals("delete")) {
            throw new CheckFailed("after its delete the feed shows object " + four.id() + " as '" + latest.path("op").asText() + "'");
        }
        JsonNode again = run.write(run.change(four.ref(), Optional.of(four.id()), "delete", null, Optional.empty(), false)).getFirst();
        Run.ok(again, "a second delete of the deleted object " + four.id(), false);
        run.objects.put("deleted", four);
        run.objects.remove("four");
        return "deleted, in the feed as a delete; a repeated delete answers ok";
    }

    static String notFound(Run run) throws CheckFailed, CheckSkipped {
        Run.Created gone = run.object("deleted", "a delete is applied and appears in the feed");
        JsonNode r = run.write(run.change(gone.ref(), Optional.of(gone.id()), "upsert", run.samples.data(run.marker("zombie")),
                Optional.empty(), false)).getFirst();
        String status = r.path("status").asText("(none)");
        if (!status.equals("not-found")) {
            if (status.equals("ok")) {
                run.toClean.add(r.path("id").asText(gone.id()));
            }
            throw new CheckFailed("an update of the deleted object " + gone.id() + " answered '" + status + "'" + Run.message(r)
                    + ", expected not-found");
        }
        return "not-found";
    }

    /** Deletes what the run made; best effort, reported but not a check. */
    static String cleanUp(Run run) {
        if (run.samples == null || run.toClean.isEmpty()) {
            return "nothing to clean up";
        }
        int n = 0;
        for (String id : new HashSet<>(run.toClean)) {
            try {
                JsonNode r = run.write(run.change(run.ref("cleanup-" + id), Optional.of(id), "delete", null, Optional.empty(), false))
                        .getFirst();
                if (r.path("status").asText().equals("ok")) {
                    n++;
                }
            } catch (CheckFailed e) {
                return "clean-up stopped: " + e.getMessage();
            }
        }
        return "deleted the " + n + " test objects";
    }
}
