package org.concord.app.wiring;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.concord.app.archive.ArchiveReport;
import org.concord.app.archive.Archiver;
import org.concord.app.archive.AttachmentChoice;
import org.concord.app.archive.MessageSource;
import org.concord.app.archive.NotPermittedException;
import org.concord.app.archive.OrderException;
import org.concord.app.archive.Requester;
import org.concord.app.archive.SpooledMessage;
import org.concord.app.archive.TargetRef;
import org.concord.app.config.Config;
import org.concord.server.ArchiveDesk;
import org.concord.spi.ArchiveTarget;
import org.concord.spi.Capability;
import org.concord.spi.ConfigException;
import org.concord.spi.Connector;
import org.concord.spi.ConnectorException;
import org.concord.spi.FolderListing;
import org.concord.spi.ListRequest;
import org.concord.spi.MailFolder;
import org.concord.spi.Mailbox;
import org.concord.spi.MessageLocator;
import org.concord.spi.RecordQuery;
import org.concord.spi.RecordRef;
import org.concord.spi.RetryableConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's and REST API's archive flow over the config's systems. Listing mailboxes and
 * searching records go through connectors this desk opens once and keeps; reading and filing a
 * message go through a fresh {@link Archiver} per request (it spools the message to a private temp
 * file, checks the asker again, and writes the audit log).
 */
final class ArchiverDesk implements ArchiveDesk, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("concord.server");

    private final Config config;
    private final ConnectorRegistry registry = new ConnectorRegistry();
    private final Map<String, Connector> connectors = new LinkedHashMap<>();
    private final Map<String, Boolean> opened = new java.util.concurrent.ConcurrentHashMap<>();

    ArchiverDesk(Config config) throws ConfigException {
        this.config = config;
        try {
            for (Config.SystemEntry s : config.systems()) {
                Connector c = registry.create(s.connector(), s.settings());
                if (c instanceof Mailbox || c instanceof ArchiveTarget) {
                    connectors.put(s.name(), c);
                    opened.put(s.name(), false);
                } else {
                    c.close();
                }
            }
        } catch (ConfigException | RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public List<String> mailboxes() {
        return connectors.entrySet().stream().filter(e -> e.getValue() instanceof Mailbox).map(Map.Entry::getKey).toList();
    }

    @Override
    public List<Target> targets() {
        List<Target> out = new ArrayList<>();
        for (Map.Entry<String, Connector> e : connectors.entrySet()) {
            if (!(e.getValue() instanceof ArchiveTarget t)) {
                continue;
            }
            try {
                // A remote application tells what it can do when opened.
                open(e.getKey());
            } catch (ConnectorException ex) {
                LOG.debug("archive target '{}' is not offered now: {}", e.getKey(), ex.getMessage());
                continue;
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
            if (e.getValue().describe().has(Capability.ARCHIVE)) {
                out.add(new Target(e.getKey(), e.getValue().describe().kind(), e.getValue().describe().has(Capability.SEARCH),
                        t.sizeCap()));
            }
        }
        return out;
    }

    @Override
    public List<MailFolder> folders(String system, String user) throws Refusal, ConnectorException, InterruptedException {
        return mailbox(system).folders(user);
    }

    @Override
    public FolderListing list(String system, ListRequest request) throws Refusal, ConnectorException, InterruptedException {
        return mailbox(system).list(request);
    }

    @Override
    public MessageView read(String system, MessageLocator message, Asker asker)
            throws Refusal, ConnectorException, InterruptedException {
        try (Archiver archiver = new Archiver(config);
                SpooledMessage spooled = archiver.read(new MessageSource.InMailbox(system, message), requester(asker))) {
            var m = spooled.message();
            return new MessageView(m.envelope(), m.size(),
                    m.attachments().stream().map(a -> new AttachmentView(a.name(), a.mediaType(), a.size())).toList(), m.warnings());
        } catch (OrderException e) {
            throw new Refusal(Refusal.Kind.BAD_ORDER, e.getMessage());
        } catch (NotPermittedException e) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, e.getMessage());
        } catch (IOException e) {
            throw new RetryableConnectorException("imap '" + system + "': message " + message + " could not be read: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public List<RecordRef> search(String system, RecordQuery query) throws Refusal, ConnectorException, InterruptedException {
        return target(system).search(query);
    }

    @Override
    public List<RecordRef> suggest(String system, List<String> addresses, Optional<String> user, int limit)
            throws Refusal, ConnectorException, InterruptedException {
        return target(system).suggest(addresses, user, limit);
    }

    @Override
    public Filing archive(Order order, Asker asker) throws Refusal, ConnectorException, InterruptedException {
        List<TargetRef> targets = order.records().stream().map(r -> new TargetRef(r.system(), r.type(), r.id())).toList();
        AttachmentChoice choice = order.attachments().isEmpty() ? new AttachmentChoice.None()
                : new AttachmentChoice.Named(order.attachments());
        try (Archiver archiver = new Archiver(config)) {
            ArchiveReport report = archiver.archive(new MessageSource.InMailbox(order.system(), order.message()), targets, choice,
                    Optional.empty(), requester(asker));
            return new Filing(report.envelope(), report.size(), report.attachments().stream().map(a -> a.name()).toList(),
                    report.filings().stream().map(f -> new Outcome(f.system(), f.outcome())).toList(), report.warnings());
        } catch (OrderException e) {
            throw new Refusal(Refusal.Kind.BAD_ORDER, e.getMessage());
        } catch (NotPermittedException e) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, e.getMessage());
        } catch (IOException e) {
            throw new RetryableConnectorException("imap '" + order.system() + "': message " + order.message()
                    + " could not be read: " + e.getMessage(), e);
        }
    }

    private static Requester requester(Asker asker) {
        return new Requester(asker.name(), asker.admin());
    }

    private Mailbox mailbox(String system) throws Refusal, ConnectorException, InterruptedException {
        if (connectors.get(system) instanceof Mailbox m) {
            open(system);
            return m;
        }
        throw new Refusal(Refusal.Kind.NOT_FOUND, "no mail system named '" + system + "'");
    }

    private ArchiveTarget target(String system) throws Refusal, ConnectorException, InterruptedException {
        if (connectors.get(system) instanceof ArchiveTarget t) {
            open(system);
            return t;
        }
        throw new Refusal(Refusal.Kind.NOT_FOUND, "system '" + system + "' cannot archive e-mail");
    }

    private void open(String system) throws ConnectorException, InterruptedException {
        Connector c = connectors.get(system);
        synchronized (c) {
            if (!opened.get(system)) {
                c.open();
                opened.put(system, true);
            }
        }
    }

    @Override
    public void close() {
        for (Connector c : connectors.values()) {
            try {
                c.close();
            } catch (RuntimeException e) {
                LOG.warn("closing an archive connector failed: {}", e.toString());
            }
        }
    }
}
