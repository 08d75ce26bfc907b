package org.concord.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.concord.app.archive.ArchiveOrderText;
import org.concord.app.archive.ArchiveReport;
import org.concord.app.archive.Archiver;
import org.concord.app.archive.MessageSource;
import org.concord.app.archive.NotPermittedException;
import org.concord.app.archive.OrderException;
import org.concord.app.archive.Requester;
import org.concord.app.archive.SpooledMessage;
import org.concord.app.archive.Suggestion;
import org.concord.app.archive.TargetRef;
import org.concord.app.config.Config;
import org.concord.spi.ArchiveOutcome;
import org.concord.spi.ConnectorException;
import org.concord.spi.MailMessage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code concord archive}: files one e-mail message, with the chosen attachments, to records of
 * archive-capable systems, once per Message-ID and record. The operator is an admin.
 */
@Command(name = "archive", description = {
    "File an e-mail message and its attachments to records (contacts, accounts, projects) of systems that archive.",
    "Filing the same message (same Message-ID) to the same record again changes nothing. Every filing is logged on 'concord.archive'.",
    "Exit code 0 when every record holds the message, 1 when one refused it or a system failed, 2 for bad usage."})
public final class ArchiveCommand implements Callable<Integer> {

    @Mixin
    ConfigOption config;

    @Option(names = "--message", required = true, paramLabel = "imap:SYSTEM/USER/FOLDER/UID|FILE.eml",
            description = "The message: one of an imap system's mailboxes, or an RFC 822 file.")
    String message;

    @Option(names = "--to", paramLabel = "SYSTEM:TYPE/ID", description = "A record to file to, e.g. crm:contact/17; repeatable.")
    List<String> to = new ArrayList<>();

    @Option(names = "--attachments", paramLabel = "NAME,…|all|none", defaultValue = "all",
            description = "The attachments to file with the message (default: ${DEFAULT-VALUE}).")
    String attachments;

    @Option(names = "--user", paramLabel = "USER",
            description = "Whose records to file to (default: the mailbox owner; required for a file).")
    String user;

    @Option(names = "--suggest", description = "Also show records whose e-mail address is the sender's or a recipient's"
            + " (of the --to systems, or of every system that searches); without --to, only show them.")
    boolean suggest;

    @Override
    public Integer call() throws Exception {
        Config cfg = config.load();
        Requester operator = Requester.operator();
        try (Archiver archiver = new Archiver(cfg)) {
            MessageSource source = ArchiveOrderText.source(message);
            List<TargetRef> targets = new ArrayList<>();
            for (String t : to) {
                targets.add(ArchiveOrderText.target(t));
            }
            if (targets.isEmpty() && !suggest) {
                throw new OrderException("say where to file the message: --to SYSTEM:TYPE/ID (or --suggest to see candidates)");
            }
            try (SpooledMessage spooled = archiver.read(source, operator)) {
                MailMessage m = spooled.message();
                System.out.println(describe(m));
                int exit = ExitCodes.OK;
                if (!targets.isEmpty()) {
                    ArchiveReport report = archiver.file(m, source, targets, ArchiveOrderText.attachments(attachments),
                            Optional.ofNullable(user), operator);
                    print(report);
                    exit = report.complete() ? ExitCodes.OK : ExitCodes.FAILURE;
                } else {
                    m.warnings().forEach(w -> System.out.println("warning: " + w));
                }
                if (suggest) {
                    printSuggestions(archiver.suggest(m, targets.stream().map(TargetRef::system).distinct().toList(), Optional.empty(), 10));
                }
                return exit;
            }
        } catch (OrderException e) {
            System.err.println("concord: " + e.getMessage());
            return ExitCodes.USAGE;
        } catch (NotPermittedException e) {
            System.err.println("concord: " + e.getMessage());
            return ExitCodes.FAILURE;
        } catch (ConnectorException e) {
            System.err.println("concord: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    private static String describe(MailMessage m) {
        var e = m.envelope();
        StringBuilder b = new StringBuilder("message ").append(e.messageId()).append(" \"").append(e.subject()).append("\"");
        if (!e.fromDisplay().isEmpty()) {
            b.append(" from ").append(e.fromDisplay());
        }
        b.append(", ").append(size(m.size()));
        if (!m.attachments().isEmpty()) {
            b.append("; attachments: ").append(String.join(", ",
                    m.attachments().stream().map(a -> a.name() + " (" + size(a.size()) + ")").toList()));
        }
        return b.toString();
    }

    private static void print(ArchiveReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (ArchiveReport.Filing f : report.filings()) {
            String record = f.system() + ":" + f.outcome().record().type() + "/" + f.outcome().record().id()
                    + " (" + f.outcome().record().user() + ")";
            rows.add(switch (f.outcome()) {
                case ArchiveOutcome.Filed filed -> List.of("filed", record, filed.location()
                        + (filed.attachments().isEmpty() ? "" : " with " + String.join(", ", filed.attachments())));
                case ArchiveOutcome.AlreadyFiled already -> List.of("already filed", record, already.location());
                case ArchiveOutcome.Refused refused -> List.of("REFUSED", record, refused.reason());
            });
        }
        System.out.print(Text.table(List.of("OUTCOME", "RECORD", "WHERE"), rows));
        report.warnings().forEach(w -> System.out.println("warning: " + w));
    }

    private static void printSuggestions(List<Suggestion> suggestions) {
        if (suggestions.isEmpty()) {
            System.out.println("suggestions: no record has the sender's or a recipient's e-mail address");
            return;
        }
        System.out.println("suggestions (records with the sender's or a recipient's e-mail address):");
        for (Suggestion s : suggestions) {
            var r = s.record();
            System.out.println("  --to " + s.system() + ":" + r.key().type() + "/" + r.key().id() + "   " + r.label()
                    + (r.detail().isEmpty() ? "" : " — " + r.detail()) + " (" + r.key().user() + ")");
        }
    }

    private static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return (bytes + 512) / 1024 + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
