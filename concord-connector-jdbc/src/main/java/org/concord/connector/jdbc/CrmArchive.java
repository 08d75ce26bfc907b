package org.concord.connector.jdbc;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.concord.spi.ArchiveOutcome;
import org.concord.spi.ArchiveRequest;
import org.concord.spi.ArchiveResult;
import org.concord.spi.ConnectorException;
import org.concord.spi.PermanentConnectorException;
import org.concord.spi.RecordKey;
import org.concord.spi.RetryableConnectorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files e-mail into the CRM: one database transaction per request (on a session of its own, marked
 * with the connector's origin like every write), the attachment files staged beside their place and
 * renamed in just before the commit, removed if the transaction does not commit. Archives of one
 * Message-ID through this connector take turns, so racing requests file a message once; the row
 * locks on the records keep archives from other processes to the same record apart as well.
 */
final class CrmArchive {
    private static final Logger LOG = LoggerFactory.getLogger(CrmArchive.class);
    private static final int STRIPES = 64;

    private final JdbcSettings settings;
    private final ArchiveSchema schema;
    private final ReentrantLock[] turns = new ReentrantLock[STRIPES];

    CrmArchive(JdbcSettings settings, ArchiveSchema schema) {
        this.settings = settings;
        this.schema = schema;
        for (int i = 0; i < STRIPES; i++) {
            turns[i] = new ReentrantLock();
        }
    }

    long sizeCap() {
        return settings.archiveSizeCap();
    }

    ArchiveResult archive(ArchiveRequest request) throws ConnectorException, InterruptedException {
        List<String> warnings = new ArrayList<>(request.message().warnings());
        Optional<String> refusal = refusal(request);
        if (refusal.isPresent()) {
            return new ArchiveResult(request.records().stream()
                    .map(r -> (ArchiveOutcome) new ArchiveOutcome.Refused(r, refusal.get())).toList(), warnings);
        }
        Optional<String> html = schema.layout().emails().html().isPresent()
                ? HtmlBody.read(request.message(), warnings) : Optional.empty();
        String messageId = request.message().envelope().messageId();
        ReentrantLock turn = turns[Math.floorMod(messageId.hashCode(), STRIPES)];
        turn.lockInterruptibly();
        try {
            return new ArchiveResult(file(request, html, warnings), warnings);
        } finally {
            turn.unlock();
        }
    }

    /** Why nothing of this request can be filed, before anything is read or written. */
    private Optional<String> refusal(ArchiveRequest request) {
        long size = request.message().size();
        if (size > settings.archiveSizeCap()) {
            return Optional.of("the message has " + size + " bytes, more than this system's archive-size-cap of "
                    + settings.archiveSizeCap() + " bytes");
        }
        if (!request.attachments().isEmpty()) {
            if (schema.layout().attachments().isEmpty()) {
                return Optional.of("this system keeps no attachments (its archive layout has no attachments table); "
                        + "archive the message without them");
            }
            if (settings.uploadDir().isEmpty()) {
                return Optional.of("attachments need the CRM's upload directory, and " + "systems." + settings.system()
                        + ".upload-dir is not set");
            }
            Optional<String> problem = UploadFiles.problem(settings.uploadDir().get());
            if (problem.isPresent()) {
                return Optional.of(problem.get() + " (systems." + settings.system() + ".upload-dir)");
            }
        }
        return Optional.empty();
    }

    private List<ArchiveOutcome> file(ArchiveRequest request, Optional<String> html, List<String> warnings)
            throws ConnectorException, InterruptedException {
        String what = settings.label() + ": archive of " + request.message().envelope().messageId() + " to "
                + String.join(", ", request.records().stream().map(RecordKey::toString).toList());
        Connection c;
        try {
            c = ConnectionSlot.open(settings);
        } catch (SQLException e) {
            throw SqlFailures.classify(what + ": cannot connect", e);
        }
        UploadFiles files = new UploadFiles(settings.uploadDir().orElse(null), settings.archiveSizeCap());
        boolean committed = false;
        boolean outcomeUnknown = false;
        try {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            settings.dialect().markOrigin(c, settings.origin());
            ArchiveColumns columns = schema.columns(c);
            List<ArchiveOutcome> outcomes = new EmailFiling(settings, columns, schema.users(), c, request, html, warnings, files).run();
            files.publish();
            try {
                c.commit();
            } catch (SQLException e) {
                outcomeUnknown = SqlFailures.connectionLost(e);
                throw e;
            }
            committed = true;
            return outcomes;
        } catch (SQLException e) {
            throw SqlFailures.classify(what + (outcomeUnknown
                    ? ": the connection was lost while committing, so whether it is filed is unknown (its files are kept)"
                    : " failed"), e);
        } catch (UploadFiles.BadAttachment e) {
            throw new PermanentConnectorException(what + ": " + e.getMessage(), e);
        } catch (AccessDeniedException e) {
            throw new PermanentConnectorException(what + ": permission denied on " + e.getFile(), e);
        } catch (IOException e) {
            throw new RetryableConnectorException(what + ": " + e.getMessage(), e);
        } finally {
            if (!committed) {
                rollbackQuietly(c);
                if (!outcomeUnknown) {
                    files.discard();
                }
            }
            closeQuietly(c);
        }
    }

    private void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("{}: rollback after a failed archive failed too: {}", settings.label(), e.toString());
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            // the session ends anyway
        }
    }
}
