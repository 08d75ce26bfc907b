package org.concord.remote.kit;

import java.util.List;

/**
 * What an application implements to become a Concord system: three calls, plus two optional
 * ones. The kit ({@link KitServer}) does the rest: HTTP, JSON, authentication, long polling,
 * paging and error answers.
 *
 * <p><b>Threading:</b> the kit calls these methods from many threads at once (one per request,
 * virtual threads); an implementation must be safe for that. A call may block on I/O.
 *
 * <p><b>Long polling:</b> when Concord waits for changes, the kit calls {@link #changesSince}
 * again whenever the application calls {@link KitServer#signalChange()}, and at the kit's poll
 * interval for changes the application cannot signal (a row changed by SQL directly).
 */
public interface RemoteApplication {

    /** What the application serves; called for every ping, so keep it cheap. */
    AppDescription describe();

    /** Whether the application works now. The default says yes with its name. */
    default AppHealth health() throws Exception {
        return new AppHealth.Up(describe().name());
    }

    /**
     * The changes after {@code query.since()}, in strictly increasing modid order, at most
     * {@code query.max()} (the kit asks one more than a page to know whether more remain).
     * Never report a modid lower than one already reported: a modid becomes visible only once
     * every lower one is committed.
     *
     * @throws SinceExpiredException when the change log no longer reaches back to {@code since}
     * @throws UnavailableException when the application cannot answer now
     */
    List<FeedEntry> changesSince(FeedQuery query) throws Exception;

    /**
     * Applies the changes, each on its own (one failing does not stop the others), and answers
     * one result per change in the same order.
     *
     * @throws UnavailableException when the application cannot write now (nothing was written)
     */
    List<ChangeResult> setChanges(List<IncomingChange> changes) throws Exception;

    /** Finds records; offered when the description lists {@link Capability#SEARCH}. */
    default List<SearchHit> search(SearchQuery query) throws Exception {
        throw new UnsupportedOperationException("search is not offered");
    }

    /** Files a message to a record; offered when the description lists {@link Capability#ARCHIVE}. */
    default ArchiveResult archive(ArchiveRequest request) throws Exception {
        throw new UnsupportedOperationException("archive is not offered");
    }
}
