package org.concord.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.concord.spi.ArchiveOutcome;
import org.concord.spi.FolderListing;
import org.concord.spi.FolderState;
import org.concord.spi.ListRequest;
import org.concord.spi.MailEnvelope;
import org.concord.spi.MailFolder;
import org.concord.spi.MessageLocator;
import org.concord.spi.MessageSummary;
import org.concord.spi.RecordKey;
import org.concord.spi.RecordQuery;
import org.concord.spi.RecordRef;
import org.concord.spi.RetryableConnectorException;

/**
 * A desk over plain values for the server's own tests: one mail system, {@code mail}, whose users
 * each hold an INBOX with the messages a test puts there, and one archive target, {@code crm},
 * whose records a test adds. It files a Message-ID to a record once and remembers every order.
 */
final class InMemoryDesk implements ArchiveDesk {
    record Stored(MessageSummary summary, List<AttachmentView> attachments) {}

    private final Map<String, List<Stored>> inboxes = new LinkedHashMap<>();
    private final List<RecordRef> records = new CopyOnWriteArrayList<>();
    private final Set<String> filed = new HashSet<>();
    final List<Order> orders = new CopyOnWriteArrayList<>();
    final List<Asker> askers = new CopyOnWriteArrayList<>();
    volatile boolean crmDown;

    synchronized void put(String user, long uid, String from, String to, String subject, String... attachments) {
        List<AttachmentView> views = new ArrayList<>();
        for (String a : attachments) {
            views.add(new AttachmentView(a, "application/pdf", 1000 + a.length()));
        }
        inboxes.computeIfAbsent(user, u -> new ArrayList<>()).add(new Stored(new MessageSummary(uid, "<" + uid + "@test>", from,
                List.of(to), subject, Optional.of(Instant.parse("2026-11-20T10:00:00Z")), 2048, List.of(attachments)), views));
    }

    void addRecord(String user, String id, String label, String email) {
        records.add(new RecordRef(new RecordKey(user, "contact", id), label, email, List.of(email)));
    }

    @Override
    public List<String> mailboxes() {
        return List.of("mail");
    }

    @Override
    public List<Target> targets() {
        return List.of(new Target("crm", "memory", true, 10_000_000), new Target("files", "memory", false, 1000));
    }

    @Override
    public List<MailFolder> folders(String system, String user) {
        return List.of(new MailFolder("INBOX", true), new MailFolder("Archive", false));
    }

    @Override
    public synchronized FolderListing list(String system, ListRequest request) throws Refusal {
        if (!request.folder().equals("INBOX")) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "mail: no folder " + request.folder());
        }
        List<MessageSummary> all = inboxes.getOrDefault(request.user(), List.of()).stream().map(Stored::summary).toList();
        return new FolderListing.Full(new FolderState(1, all.size() + 1, 0), all.reversed(), all.size());
    }

    @Override
    public synchronized MessageView read(String system, MessageLocator message, Asker asker) throws Refusal {
        askers.add(asker);
        Stored s = find(message);
        MessageSummary m = s.summary();
        MailEnvelope e = new MailEnvelope(m.messageId(), m.subject(), address(m.from()), m.from(), m.to(), List.of(), m.date(), "");
        return new MessageView(e, m.size(), s.attachments(), List.of());
    }

    @Override
    public List<RecordRef> search(String system, RecordQuery query) throws RetryableConnectorException {
        if (crmDown) {
            throw new RetryableConnectorException("crm: connection refused");
        }
        String text = query.text().toLowerCase(Locale.ROOT);
        return records.stream().filter(r -> query.user().map(u -> u.equals(r.key().user())).orElse(true))
                .filter(r -> r.label().toLowerCase(Locale.ROOT).contains(text) || r.emails().stream().anyMatch(x -> x.contains(text)))
                .limit(query.limit()).toList();
    }

    @Override
    public List<RecordRef> suggest(String system, List<String> addresses, Optional<String> user, int limit)
            throws RetryableConnectorException {
        if (crmDown) {
            throw new RetryableConnectorException("crm: connection refused");
        }
        return records.stream().filter(r -> user.map(u -> u.equals(r.key().user())).orElse(true))
                .filter(r -> addresses.stream().anyMatch(r::hasEmail)).limit(limit).toList();
    }

    @Override
    public synchronized Filing archive(Order order, Asker asker) throws Refusal {
        orders.add(order);
        askers.add(asker);
        Stored s = find(order.message());
        for (String a : order.attachments()) {
            if (s.attachments().stream().noneMatch(v -> v.name().equals(a))) {
                throw new Refusal(Refusal.Kind.BAD_ORDER, "the message has no attachment '" + a + "'");
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (RecordChoice c : order.records()) {
            RecordKey key = new RecordKey(order.message().user(), c.type(), c.id());
            boolean exists = records.stream().anyMatch(r -> r.key().equals(key));
            ArchiveOutcome o = !exists ? new ArchiveOutcome.Refused(key, "no " + c.type() + " " + c.id())
                    : filed.add(s.summary().messageId() + " " + key) ? new ArchiveOutcome.Filed(key, "memory:" + key, order.attachments())
                    : new ArchiveOutcome.AlreadyFiled(key, "memory:" + key);
            outcomes.add(new Outcome(c.system(), o));
        }
        MessageSummary m = s.summary();
        MailEnvelope e = new MailEnvelope(m.messageId(), m.subject(), address(m.from()), m.from(), m.to(), List.of(), m.date(), "");
        return new Filing(e, m.size(), order.attachments(), outcomes, List.of("a warning the target gave"));
    }

    private Stored find(MessageLocator at) throws Refusal {
        return inboxes.getOrDefault(at.user(), List.of()).stream().filter(x -> x.summary().uid() == at.uid()).findFirst()
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "mail: no message " + at));
    }

    private static String address(String from) {
        int lt = from.indexOf('<');
        return lt < 0 ? from : from.substring(lt + 1, from.indexOf('>', lt));
    }
}
