package org.concord.app.archive;

import java.util.List;
import org.concord.spi.ArchiveOutcome;
import org.concord.spi.MailAttachment;
import org.concord.spi.MailEnvelope;

/**
 * What an archive did: the message, the attachments filed with it, one filing per record, and
 * every warning (the message's and the targets').
 */
public record ArchiveReport(MailEnvelope envelope, long size, List<MailAttachment> attachments, List<Filing> filings,
        List<String> warnings) {
    public ArchiveReport {
        attachments = List.copyOf(attachments);
        filings = List.copyOf(filings);
        warnings = List.copyOf(warnings);
    }

    /** One record's outcome in one target system. */
    public record Filing(String system, ArchiveOutcome outcome) {}

    /** True when every record holds the message now (filed now or before). */
    public boolean complete() {
        return filings.stream().noneMatch(f -> f.outcome() instanceof ArchiveOutcome.Refused);
    }
}
