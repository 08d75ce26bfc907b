package org.concord.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.concord.spi.Change;
import org.concord.spi.ChangeBatch;
import org.concord.spi.Connector;
import org.concord.spi.Cursor;
import org.concord.spi.FeedRequest;
import org.concord.spi.Health;
import org.concord.spi.KnownObjects;
import org.concord.spi.Scope;
import org.concord.spi.Write;
import org.concord.spi.WriteResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract every connector passes, run against a fresh, empty system per test. A connector's
 * test class subclasses it and says how to make that system:
 *
 * <pre>{@code class RadicaleContractIT extends ConnectorContract { … } }</pre>
 *
 * <p>The suite drives the connector as the engine does: it keeps the hub's view of the system
 * ({@link HubView}) from what it wrote and read, and hands it to every read.
 */
public abstract class ConnectorContract {

    /** A fresh, empty system and an unopened connector to it. Called before each test. */
    protected abstract Connector createConnector() throws Exception;

    /** Removes what {@link #createConnector} made (the connector is closed already). */
    protected void destroySystem() throws Exception {}

    /** A user that exists in the system. */
    protected String user() {
        return "alice";
    }

    /** Object {@code n} of a type, edited {@code edit} times; override when the system keeps only some fields. */
    protected Payload sample(ItemType type, String uid, int n, int edit) {
        return Samples.of(type, uid, n, edit);
    }

    /** How long to wait for the system to show a change in its feed (some poll). */
    protected Duration feedWait() {
        return Duration.ofSeconds(2);
    }

    protected Connector connector;
    protected HubView hub;

    @BeforeEach
    final void openSystem() throws Exception {
        connector = createConnector();
        connector.open();
        hub = new HubView();
    }

    @AfterEach
    final void closeSystem() throws Exception {
        if (connector != null) {
            connector.close();
        }
        destroySystem();
    }

    // ---- helpers

    protected ItemType firstType() {
        return connector.describe().types().stream().sorted().findFirst().orElseThrow();
    }

    protected Scope scope() {
        return new Scope(user(), firstType());
    }

    protected static String newGlobalId() {
        return UUID.randomUUID().toString();
    }

    protected WriteResult write(Write w) throws Exception {
        List<WriteResult> results = connector.setChanges(List.of(w));
        assertThat(results).as("one result per write").hasSize(1);
        WriteResult r = results.get(0);
        switch (w) {
            case Write.Create c -> hub.wrote(c.scope(), c.payload(), r);
            case Write.Update u -> hub.wrote(u.scope(), u.payload(), r);
            case Write.Delete d -> {
                if (r instanceof WriteResult.Deleted) {
                    hub.deleted(d.nativeId());
                }
            }
        }
        return r;
    }

    protected WriteResult.Written create(String globalId, Payload payload) throws Exception {
        WriteResult r = write(new Write.Create(globalId, new Scope(user(), payload.type()), payload));
        assertThat(r).as("create of %s", globalId).isInstanceOf(WriteResult.Written.class);
        return (WriteResult.Written) r;
    }

    /** Reads the feed from {@code since} until it says no more, as the engine does. */
    protected Feed readAll(Cursor since, boolean full, KnownObjects known) throws Exception {
        List<Change> changes = new ArrayList<>();
        Cursor cursor = since;
        for (int i = 0; i < 10_000; i++) {
            ChangeBatch batch = connector.getChanges(new FeedRequest(cursor, 100, Duration.ZERO, full, known));
            changes.addAll(batch.changes());
            batch.changes().forEach(hub::read);
            cursor = batch.next();
            if (!batch.more()) {
                return new Feed(changes, cursor);
            }
        }
        return fail("feed never ended ('more' stayed true)");
    }

    /** Everything the system holds, as a first read from the start sees it. */
    protected Map<String, Change.Upsert> everything() throws Exception {
        Feed feed = readAll(Cursor.START, true, KnownObjects.NONE);
        return feed.changes().stream()
                .filter(c -> c instanceof Change.Upsert)
                .map(c -> (Change.Upsert) c)
                .collect(Collectors.toMap(Change::nativeId, c -> c, (a, b) -> b));
    }

    protected record Feed(List<Change> changes, Cursor next) {
        public List<String> upsertedIds() {
            return changes.stream().filter(c -> c instanceof Change.Upsert).map(Change::nativeId).toList();
        }

        public List<String> deletedIds() {
            return changes.stream().filter(c -> c instanceof Change.Delete).map(Change::nativeId).toList();
        }
    }

    protected Optional<Change.Upsert> find(String nativeId) throws Exception {
        return Optional.ofNullable(everything().get(nativeId));
    }

    // ---- the contract

    @Test
    void pingSaysAWorkingSystemIsUp() throws Exception {
        assertThat(connector.ping()).isInstanceOf(Health.Up.class);
    }

    @Test
    void describeNamesTheKindAndAtLeastOneType() {
        assertThat(connector.describe().kind()).isNotBlank();
        assertThat(connector.describe().types()).isNotEmpty();
    }

    @Test
    void everySupportedTypeIsReadBackUnchangedAfterACreate() throws Exception {
        for (ItemType type : connector.describe().types()) {
            Payload payload = sample(type, "uid-" + type.code() + "-" + newGlobalId(), 1, 0);
            WriteResult.Written w = create(newGlobalId(), payload);
            Change.Upsert read = find(w.nativeId()).orElseThrow(() ->
                    new AssertionError(type.code() + " written as " + w.nativeId() + " is not in the feed"));
            assertThat(read.scope()).isEqualTo(new Scope(user(), type));
            assertThat(read.payload().contentHash())
                    .as("%s read back has the content written (or what the system said it stores)", type.code())
                    .isEqualTo(w.stored().orElse(payload).contentHash());
            assertThat(read.version()).as("version reported by the write and by the feed").isEqualTo(w.version());
        }
    }

    @Test
    void aCreateRepeatedAfterALostReplyDoesNotDuplicate() throws Exception {
        String globalId = newGlobalId();
        Payload payload = sample(firstType(), "uid-" + globalId, 2, 0);
        WriteResult.Written first = create(globalId, payload);
        WriteResult again = write(new Write.Create(globalId, scope(), payload));
        assertThat(again).as("a repeated create is answered as written").isInstanceOf(WriteResult.Written.class);
        assertThat(((WriteResult.Written) again).nativeId()).isEqualTo(first.nativeId());
        long copies = everything().values().stream()
                .filter(u -> u.payload().uid().equals(payload.uid()))
                .count();
        assertThat(copies).as("objects with uid %s", payload.uid().orElseThrow()).isEqualTo(1);
    }

    @Test
    void anUpdateWithTheExpectedVersionReplacesTheContent() throws Exception {
        String globalId = newGlobalId();
        String uid = "uid-" + globalId;
        WriteResult.Written created = create(globalId, sample(firstType(), uid, 3, 0));
        Payload edited = sample(firstType(), uid, 3, 1);
        WriteResult r = write(new Write.Update(globalId, scope(), created.nativeId(), Optional.of(created.version()), edited));
        assertThat(r).isInstanceOf(WriteResult.Written.class);
        WriteResult.Written updated = (WriteResult.Written) r;
        assertThat(updated.version()).as("version after an update").isNotEqualTo(created.version());
        Change.Upsert read = find(updated.nativeId()).orElseThrow();
        assertThat(read.payload().contentHash()).isEqualTo(updated.stored().orElse(edited).contentHash());
    }

    @Test
    void anUpdateAgainstAStaleVersionFailsItsPrecondition() throws Exception {
        String globalId = newGlobalId();
        String uid = "uid-" + globalId;
        WriteResult.Written created = create(globalId, sample(firstType(), uid, 4, 0));
        WriteResult.Written updated = (WriteResult.Written) write(new Write.Update(globalId, scope(),
                created.nativeId(), Optional.of(created.version()), sample(firstType(), uid, 4, 1)));
        WriteResult stale = write(new Write.Update(globalId, scope(), created.nativeId(),
                Optional.of(created.version()), sample(firstType(), uid, 4, 2)));
        assertThat(stale).isInstanceOf(WriteResult.PreconditionFailed.class);
        Change.Upsert read = find(created.nativeId()).orElseThrow();
        assertThat(read.version()).as("the stale update changed nothing").isEqualTo(updated.version());
    }

    @Test
    void anUpdateOfAnObjectDeletedMeanwhileIsGone() throws Exception {
        String globalId = newGlobalId();
        String uid = "uid-" + globalId;
        WriteResult.Written created = create(globalId, sample(firstType(), uid, 5, 0));
        assertThat(write(new Write.Delete(globalId, scope(), created.nativeId(), Optional.of(created.version()))))
                .isInstanceOf(WriteResult.Deleted.class);
        WriteResult r = write(new Write.Update(globalId, scope(), created.nativeId(),
                Optional.of(created.version()), sample(firstType(), uid, 5, 1)));
        assertThat(r).isInstanceOfAny(WriteResult.Gone.class, WriteResult.PreconditionFailed.class);
    }

    @Test
    void aDeleteRemovesTheObjectAndTheFeedSaysSo() throws Exception {
        String globalId = newGlobalId();
        WriteResult.Written created = create(globalId, sample(firstType(), "uid-" + globalId, 6, 0));
        Feed before = readAll(Cursor.START, false, hub);
        WriteResult r = write(new Write.Delete(globalId, scope(), created.nativeId(), Optional.of(created.version())));
        assertThat(r).isInstanceOf(WriteResult.Deleted.class);
        assertThat(find(created.nativeId())).as("deleted object").isEmpty();
        // The engine forgets the link only after the delete comes back or is written; a feed
        // reader that still knows the object must report the delete.
        HubView stillKnowing = new HubView();
        stillKnowing.wrote(scope(), sample(firstType(), "uid-" + globalId, 6, 0), created);
        Feed after = readAll(before.next(), false, stillKnowing);
        assertThat(after.deletedIds()).contains(created.nativeId());
    }

    @Test
    void deletingWhatIsAlreadyGoneIsFine() throws Exception {
        String globalId = newGlobalId();
        WriteResult.Written created = create(globalId, sample(firstType(), "uid-" + globalId, 7, 0));
        write(new Write.Delete(globalId, scope(), created.nativeId(), Optional.empty()));
        assertThat(write(new Write.Delete(globalId, scope(), created.nativeId(), Optional.empty())))
                .isInstanceOf(WriteResult.Deleted.class);
    }

    @Test
    void theFeedContinuesFromItsCursorWithOnlyWhatIsNew() throws Exception {
        WriteResult.Written a = create(newGlobalId(), sample(firstType(), "uid-a-" + newGlobalId(), 8, 0));
        Feed first = readAll(Cursor.START, false, hub);
        assertThat(first.upsertedIds()).contains(a.nativeId());
        WriteResult.Written b = create(newGlobalId(), sample(firstType(), "uid-b-" + newGlobalId(), 9, 0));
        Feed second = readAll(first.next(), false, hub);
        assertThat(second.upsertedIds()).as("changes after the cursor").doesNotContain(a.nativeId());
        // Our own write may come back (the engine drops it by content hash) or not.
        Feed third = readAll(second.next(), false, hub);
        assertThat(third.changes()).as("nothing new after the last cursor").isEmpty();
        assertThat(b.nativeId()).isNotBlank();
    }

    @Test
    void aLimitedReadPagesWithTheMoreFlagAndMissesNothing() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(create(newGlobalId(), sample(firstType(), "uid-page-" + i + "-" + newGlobalId(), 10 + i, 0)).nativeId());
        }
        Cursor cursor = Cursor.START;
        List<String> seen = new ArrayList<>();
        for (int calls = 0; ; calls++) {
            assertThat(calls).as("pages needed for 7 objects at 3 a page").isLessThan(50);
            ChangeBatch batch = connector.getChanges(new FeedRequest(cursor, 3, Duration.ZERO, false, KnownObjects.NONE));
            assertThat(batch.changes().size()).as("changes in one page").isLessThanOrEqualTo(3);
            batch.changes().stream().filter(c -> c instanceof Change.Upsert).forEach(c -> seen.add(c.nativeId()));
            cursor = batch.next();
            if (!batch.more()) {
                break;
            }
        }
        assertThat(seen).containsAll(ids);
    }

    @Test
    void aBlockingReadWithNothingNewReturnsEmptyAfterItsWait() throws Exception {
        create(newGlobalId(), sample(firstType(), "uid-wait-" + newGlobalId(), 20, 0));
        Feed caughtUp = readAll(Cursor.START, false, hub);
        long started = System.nanoTime();
        ChangeBatch batch = connector.getChanges(new FeedRequest(caughtUp.next(), 100, Duration.ofMillis(300), false, hub));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(batch.changes()).isEmpty();
        assertThat(took).as("a 300 ms wait ends").isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void aBatchOfMixedWritesAnswersOneResultPerWriteInOrder() throws Exception {
        String g1 = newGlobalId();
        WriteResult.Written existing = create(g1, sample(firstType(), "uid-mix-" + g1, 30, 0));
        String g2 = newGlobalId();
        List<Write> batch = List.of(
                new Write.Create(g2, scope(), sample(firstType(), "uid-mix-" + g2, 31, 0)),
                new Write.Update(g1, scope(), existing.nativeId(), Optional.of("not-the-version"),
                        sample(firstType(), "uid-mix-" + g1, 30, 1)),
                new Write.Delete(newGlobalId(), scope(), "does-not-exist-" + newGlobalId(), Optional.empty()));
        List<WriteResult> results = connector.setChanges(batch);
        assertThat(results).hasSize(3);
        assertThat(results.get(0)).isInstanceOf(WriteResult.Written.class);
        assertThat(results.get(1)).isInstanceOf(WriteResult.PreconditionFailed.class);
        assertThat(results.get(2)).isInstanceOf(WriteResult.Deleted.class);
    }

    @Test
    void aFullReadReportsEveryObjectAndInfersNoDeletes() throws Exception {
        WriteResult.Written a = create(newGlobalId(), sample(firstType(), "uid-full-a-" + newGlobalId(), 40, 0));
        WriteResult.Written b = create(newGlobalId(), sample(firstType(), "uid-full-b-" + newGlobalId(), 41, 0));
        HubView knowsAGhost = new HubView();
        knowsAGhost.wrote(scope(), sample(firstType(), "ghost", 42, 0),
                new WriteResult.Written(ghostId(a.nativeId()), "ghost-version"));
        Feed full = readAll(Cursor.START, true, knowsAGhost);
        assertThat(full.upsertedIds()).contains(a.nativeId(), b.nativeId());
        assertThat(full.deletedIds()).as("a full read never infers deletes").isEmpty();
    }

    /** A native id the system does not hold, shaped like a real one (same folder, other name). */
    protected String ghostId(String realNativeId) {
        return realNativeId.replaceFirst("([^/]*)$", "ghost-" + UUID.randomUUID() + "-$1");
    }

    /** Skips a test when the system lacks a type, with the reason. */
    protected void assumeType(ItemType type) {
        assumeTrue(connector.describe().types().contains(type), "system has no " + type.code() + " objects");
    }
}
