package org.concord.app.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concord.app.config.Config;
import org.concord.app.wiring.ConnectorRegistry;
import org.concord.engine.UserMap;
import org.concord.spi.ArchiveOutcome;
import org.concord.spi.ArchiveRequest;
import org.concord.spi.ArchiveResult;
import org.concord.spi.ArchiveTarget;
import org.concord.spi.Capability;
import org.concord.spi.ConfigException;
import org.concord.spi.Connector;
import org.concord.spi.ConnectorException;
import org.concord.spi.MailAttachment;
import org.concord.spi.MailMessage;
import org.concord.spi.Mailbox;
import org.concord.spi.RecordKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archives messages to records of the configured systems. Reading a message checks that the
 * requester may see it; filing checks again, with the requester passed explicitly, that they may
 * archive it (the mailbox owner or an admin). Every filing of a record is logged as one line on
 * logger {@code concord.archive} (the audit log) and recorded by the target itself.
 *
 * <p>Connectors are made from the config when first needed, opened, and closed with the
 * archiver. Safe for one thread at a time; make one per request in a server.
 */
public final class Archiver implements AutoCloseable {
    private static final Logger AUDIT = LoggerFactory.getLogger("concord.archive");
    private static final Logger LOG = LoggerFactory.getLogger(Archiver.class);

    private final Config config;
    private final ConnectorRegistry registry = new ConnectorRegistry();
    private final Map<String, Connector> open = new LinkedHashMap<>();

    public Archiver(Config config) {
        this.config = config;
    }

    /**
     * Reads the message into a spooled copy the caller closes. The mailbox owner or an admin may
     * read a mailbox's message; a file is read for whoever holds it.
     */
    public SpooledMessage read(MessageSource source, Requester requester)
            throws OrderException, NotPermittedException, ConnectorException, IOException, InterruptedException {
        return switch (source) {
            case MessageSource.InFile(var file) -> {
                if (!java.nio.file.Files.isRegularFile(file)) {
                    throw new OrderException("--message " + file + ": no such file");
                }
                yield SpooledMessage.open(file);
            }
            case MessageSource.InMailbox(String system, var locator) -> {
                checkMayArchive(source, Optional.empty(), requester);
                Mailbox mailbox = mailbox(system);
                try (InputStream in = mailbox.fetch(locator)) {
                    yield SpooledMessage.spool(in);
                }
            }
        };
    }

    /** Reads and files in one step. */
    public ArchiveReport archive(MessageSource source, List<TargetRef> targets, AttachmentChoice choice, Optional<String> user,
            Requester requester)
            throws OrderException, NotPermittedException, ConnectorException, IOException, InterruptedException {
        checkMayArchive(source, user, requester);
        try (SpooledMessage spooled = read(source, requester)) {
            return file(spooled.message(), source, targets, choice, user, requester);
        }
    }

    /**
     * Files a read message to the target records.
     *
     * @param user the user the message is filed for (their records), in canonical names; by
     *     default the mailbox owner; required for a file
     * @param requester who asks: the mailbox owner or an admin may archive
     */
    public ArchiveReport file(MailMessage message, MessageSource source, List<TargetRef> targets, AttachmentChoice choice,
            Optional<String> user, Requester requester)
            throws OrderException, NotPermittedException, ConnectorException, InterruptedException {
        checkMayArchive(source, user, requester);
        if (targets.isEmpty()) {
            throw new OrderException("say where to file the message: --to SYSTEM:TYPE/ID");
        }
        String canonical = filingUser(source, user);
        List<MailAttachment> chosen = choice.pick(message);
        Map<String, List<TargetRef>> bySystem = new LinkedHashMap<>();
        for (TargetRef t : targets) {
            bySystem.computeIfAbsent(t.system(), s -> new ArrayList<>()).add(t);
        }
        for (String system : bySystem.keySet()) {
            target(system);
        }
        List<ArchiveReport.Filing> filings = new ArrayList<>();
        List<String> warnings = new ArrayList<>(message.warnings());
        for (Map.Entry<String, List<TargetRef>> e : bySystem.entrySet()) {
            String system = e.getKey();
            String nativeUser = users().nativeUser(system, canonical);
            List<RecordKey> records = new ArrayList<>();
            for (TargetRef t : e.getValue()) {
                try {
                    records.add(new RecordKey(nativeUser, t.type(), t.id()));
                } catch (IllegalArgumentException ex) {
                    throw new OrderException("--to " + t + ": " + ex.getMessage());
                }
            }
            ArchiveResult result = target(system).archive(new ArchiveRequest(message, chosen, records, requester.name()));
            for (ArchiveOutcome outcome : result.outcomes()) {
                filings.add(new ArchiveReport.Filing(system, outcome));
                audit(message, source, system, outcome, chosen, requester);
            }
            result.warnings().stream().filter(w -> !warnings.contains(w)).forEach(warnings::add);
        }
        return new ArchiveReport(message.envelope(), message.size(), chosen, filings, warnings);
    }

    /**
     * Records of these systems (or of every system that can search, when none is named) whose
     * e-mail address is the sender's or a recipient's, best first per system.
     *
     * @param user only records of this user (canonical name), or of every user (for an admin)
     */
    public List<Suggestion> suggest(MailMessage message, List<String> systems, Optional<String> user, int limit)
            throws OrderException, ConnectorException, InterruptedException {
        List<String> names = new ArrayList<>(systems);
        if (names.isEmpty()) {
            for (Config.SystemEntry s : config.systems()) {
                try {
                    Connector c = connector(s.name());
                    if (c instanceof ArchiveTarget && c.describe().has(Capability.SEARCH)) {
                        names.add(s.name());
                    }
                } catch (ConnectorException e) {
                    LOG.warn("suggestions leave out system '{}': {}", s.name(), e.getMessage());
                }
            }
        }
        List<Suggestion> out = new ArrayList<>();
        for (String system : names) {
            ArchiveTarget t = target(system);
            if (connector(system).describe().has(Capability.SEARCH)) {
                Optional<String> nativeUser = user.map(u -> users().nativeUser(system, u));
                t.suggest(message.envelope().addresses(), nativeUser, limit).forEach(r -> out.add(new Suggestion(system, r)));
            }
        }
        return out;
    }

    private void checkMayArchive(MessageSource source, Optional<String> user, Requester requester) throws NotPermittedException {
        switch (source) {
            case MessageSource.InMailbox(String system, var locator) -> {
                String owner = users().canonical(system, locator.user());
                if (!requester.mayArchiveFor(owner)) {
                    throw new NotPermittedException(requester.name() + " may not archive " + owner
                            + "'s messages: only the mailbox owner or an admin may");
                }
                if (user.isPresent() && !requester.mayArchiveFor(user.get())) {
                    throw new NotPermittedException(requester.name() + " may not file messages for " + user.get());
                }
            }
            case MessageSource.InFile f -> {
                if (user.isPresent() && !requester.mayArchiveFor(user.get())) {
                    throw new NotPermittedException(requester.name() + " may not file messages for " + user.get()
                            + ": only that user or an admin may");
                }
            }
        }
    }

    private String filingUser(MessageSource source, Optional<String> user) throws OrderException {
        if (user.isPresent()) {
            return user.get();
        }
        return switch (source) {
            case MessageSource.InMailbox(String system, var locator) -> users().canonical(system, locator.user());
            case MessageSource.InFile f -> throw new OrderException(
                    "a message file has no mailbox owner: say whose records to file it to with --user USER");
        };
    }

    private void audit(MailMessage message, MessageSource source, String system, ArchiveOutcome outcome,
            List<MailAttachment> chosen, Requester requester) {
        String what = "archive " + message.envelope().messageId() + " from " + source + " to " + system + ":" + outcome.record()
                + " by " + requester.name() + (requester.admin() ? " (admin)" : "") + ": ";
        switch (outcome) {
            case ArchiveOutcome.Filed f -> AUDIT.info("{}filed at {} with {} attachment(s) {}", what, f.location(),
                    f.attachments().size(), f.attachments());
            case ArchiveOutcome.AlreadyFiled a -> AUDIT.info("{}already filed at {}", what, a.location());
            case ArchiveOutcome.Refused r -> AUDIT.warn("{}refused: {}", what, r.reason());
        }
    }

    private UserMap users() {
        return config.users();
    }

    private Mailbox mailbox(String system) throws OrderException, ConnectorException, InterruptedException {
        if (connector(system) instanceof Mailbox m) {
            return m;
        }
        throw new OrderException("system '" + system + "' is a '" + connector(system).describe().kind()
                + "' system, not a mailbox (an imap system)");
    }

    private ArchiveTarget target(String system) throws OrderException, ConnectorException, InterruptedException {
        Connector c = connector(system);
        if (c instanceof ArchiveTarget t && c.describe().has(Capability.ARCHIVE)) {
            return t;
        }
        throw new OrderException("system '" + system + "' (" + c.describe().kind() + ") cannot archive e-mail; systems that can: "
                + String.join(", ", archiveCapable()));
    }

    private List<String> archiveCapable() {
        return config.systems().stream().filter(s -> {
            try {
                Connector c = connector(s.name());
                return c instanceof ArchiveTarget && c.describe().has(Capability.ARCHIVE);
            } catch (OrderException | ConnectorException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return false;
            }
        }).map(Config.SystemEntry::name).toList();
    }

    private Connector connector(String system) throws OrderException, ConnectorException, InterruptedException {
        Connector existing = open.get(system);
        if (existing != null) {
            return existing;
        }
        Config.SystemEntry entry = config.system(system).orElseThrow(() -> new OrderException(config.file() + ": no system named '"
                + system + "'; systems: " + String.join(", ", config.systems().stream().map(Config.SystemEntry::name).toList())));
        Connector c;
        try {
            c = registry.create(entry.connector(), entry.settings());
        } catch (ConfigException e) {
            throw new OrderException(config.file() + ": " + e.getMessage());
        }
        try {
            c.open();
        } catch (ConnectorException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
        open.put(system, c);
        return c;
    }

    @Override
    public void close() {
        open.values().forEach(Connector::close);
        open.clear();
    }
}
