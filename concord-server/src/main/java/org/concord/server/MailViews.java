package org.concord.server;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.concord.spi.ArchiveOutcome;
import org.concord.spi.MailEnvelope;
import org.concord.spi.MailFolder;
import org.concord.spi.MessageSummary;
import org.concord.spi.RecordRef;

/** The JSON shapes of the mailbox and archive routes (described alike in the OpenAPI document). */
final class MailViews {
    private MailViews() {}

    /**
     * What the console needs to start: the mail systems, the archive targets, who asks, and the
     * mailbox user to show first in each mail system.
     */
    record OverviewJson(List<String> mailboxes, List<TargetJson> targets, YouJson you, List<String> users) {}

    /** @param user the hub user a limited console user acts for; null for an admin */
    record YouJson(String name, boolean admin, String user, Map<String, String> mailboxUser) {}

    record TargetJson(String name, String kind, boolean search, long sizeCap) {
        static TargetJson of(ArchiveDesk.Target t) {
            return new TargetJson(t.name(), t.kind(), t.searches(), t.sizeCap());
        }
    }

    record FolderJson(String name, boolean holdsMessages) {
        static FolderJson of(MailFolder f) {
            return new FolderJson(f.name(), f.holdsMessages());
        }
    }

    record MessageJson(long uid, String messageId, String from, List<String> to, String subject, String date, long size,
            List<String> attachments) {
        static MessageJson of(MessageSummary m) {
            return new MessageJson(m.uid(), m.messageId(), m.from(), m.to(), m.subject(),
                    m.date().map(Instant::toString).orElse(null), m.size(), m.attachments());
        }
    }

    /** @param total how many messages the folder holds; {@code messages} are the newest of them */
    record ListingJson(String system, String user, String folder, int total, List<MessageJson> messages) {}

    record AttachmentJson(String name, String mediaType, long size) {
        static AttachmentJson of(ArchiveDesk.AttachmentView a) {
            return new AttachmentJson(a.name(), a.mediaType(), a.size());
        }
    }

    record MessageDetailJson(String system, String user, String folder, long uid, String messageId, String subject,
            String from, String fromDisplay, List<String> to, List<String> cc, String date, long size,
            List<AttachmentJson> attachments, List<String> warnings) {
        static MessageDetailJson of(String system, String user, String folder, long uid, ArchiveDesk.MessageView v) {
            MailEnvelope e = v.envelope();
            return new MessageDetailJson(system, user, folder, uid, e.messageId(), e.subject(), e.from(), e.fromDisplay(),
                    e.to(), e.cc(), e.date().map(Instant::toString).orElse(null), v.size(),
                    v.attachments().stream().map(AttachmentJson::of).toList(), v.warnings());
        }
    }

    record RecordJson(String system, String user, String type, String id, String label, String detail, List<String> emails) {
        static RecordJson of(String system, RecordRef r) {
            return new RecordJson(system, r.key().user(), r.key().type(), r.key().id(), r.label(), r.detail(), r.emails());
        }
    }

    /** @param failures the target systems that could not be asked, with the reason */
    record RecordsJson(List<RecordJson> records, Map<String, String> failures) {}

    record RecordKeyJson(String user, String type, String id) {}

    /** {@code outcome} is {@code filed}, {@code already-filed} or {@code refused}. */
    record FilingJson(String system, RecordKeyJson record, String outcome, String location, List<String> attachments,
            String reason) {
        static FilingJson of(ArchiveDesk.Outcome o) {
            var k = o.outcome().record();
            RecordKeyJson key = new RecordKeyJson(k.user(), k.type(), k.id());
            return switch (o.outcome()) {
                case ArchiveOutcome.Filed f -> new FilingJson(o.system(), key, "filed", f.location(), f.attachments(), null);
                case ArchiveOutcome.AlreadyFiled a -> new FilingJson(o.system(), key, "already-filed", a.location(), List.of(),
                        null);
                case ArchiveOutcome.Refused r -> new FilingJson(o.system(), key, "refused", null, List.of(), r.reason());
            };
        }
    }

    /** @param complete whether every record holds the message now (filed now or before) */
    record ArchiveResultJson(String messageId, String subject, long size, List<String> attachments, boolean complete,
            List<FilingJson> filings, List<String> warnings) {
        static ArchiveResultJson of(ArchiveDesk.Filing f) {
            List<FilingJson> filings = f.outcomes().stream().map(FilingJson::of).toList();
            return new ArchiveResultJson(f.envelope().messageId(), f.envelope().subject(), f.size(), f.attachments(),
                    filings.stream().noneMatch(x -> x.outcome().equals("refused")), filings, f.warnings());
        }
    }
}
