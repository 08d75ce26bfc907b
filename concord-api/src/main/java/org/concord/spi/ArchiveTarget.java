package org.concord.spi;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A connector whose system can file e-mail messages to its records (capability
 * {@link Capability#ARCHIVE}) and find those records (capability {@link Capability#SEARCH}):
 * "archive this message to Ada Lovelace's contact, with the plan attached". Filing is one way and
 * once: archiving the same message (same Message-ID) to the same record again changes nothing.
 *
 * <p><b>Lifecycle:</b> the calls here are made on an open connector, between
 * {@link Connector#open()} and {@link Connector#close()}, like {@code getChanges}. A connector
 * that learns its abilities on open (a remote application) answers
 * {@link Connector#describe()} accordingly afterwards and refuses a call it cannot serve with a
 * {@link PermanentConnectorException}.
 *
 * <p><b>Threading:</b> {@code search} and {@code archive} may be called from several threads at
 * once (the console serves several users), and beside the engine's reader, writer and watchdog.
 * Two archives of the same message to the same record racing each other still file it once.
 * Calls block; an interrupt asks them to stop soon with {@link InterruptedException}, leaving
 * nothing half-filed.
 *
 * <p><b>Failures:</b> a failure of one record (no such record, too large) is its
 * {@link ArchiveOutcome.Refused}; only a failure of the whole system is thrown, classified as
 * retryable or permanent as everywhere in this SPI.
 */
public interface ArchiveTarget {

    /**
     * The largest message, in bytes of its RFC 822 source, this target files; a bigger one is
     * refused for every record before anything is sent or written.
     */
    long sizeCap();

    /** Records whose name, e-mail address or company contains the query's text, best first. */
    List<RecordRef> search(RecordQuery query) throws ConnectorException, InterruptedException;

    /**
     * Records with one of these e-mail addresses (a message's sender and recipients), best first,
     * each once: what to offer a user before they search. The default searches each address.
     */
    default List<RecordRef> suggest(Collection<String> addresses, Optional<String> user, int limit)
            throws ConnectorException, InterruptedException {
        Map<RecordKey, RecordRef> found = new LinkedHashMap<>();
        for (String address : addresses) {
            if (address.isBlank()) {
                continue;
            }
            for (RecordRef ref : search(new RecordQuery(address, user, Optional.empty(), limit))) {
                if (ref.hasEmail(address)) {
                    found.putIfAbsent(ref.key(), ref);
                }
            }
        }
        List<RecordRef> out = new ArrayList<>(found.values());
        return out.size() > limit ? out.subList(0, limit) : out;
    }

    /**
     * Files the message and the chosen attachments to each record of the request, each at most
     * once per Message-ID, and answers one outcome per record in the request's order.
     */
    ArchiveResult archive(ArchiveRequest request) throws ConnectorException, InterruptedException;
}
