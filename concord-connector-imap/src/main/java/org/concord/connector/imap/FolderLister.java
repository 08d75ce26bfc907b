package org.concord.connector.imap;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MailEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.concord.spi.FolderListing;
import org.concord.spi.FolderState;
import org.concord.spi.ListRequest;
import org.concord.spi.MessageSummary;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.eclipse.angus.mail.imap.MessageVanishedEvent;
import org.eclipse.angus.mail.imap.ResyncData;

/**
 * Lists a folder on an open connection. With QRESYNC (RFC 7162) and the state of an earlier
 * listing, the SELECT itself reports which messages vanished, and an unchanged HIGHESTMODSEQ
 * means nothing changed: no FETCH at all. New messages are those from the earlier UIDNEXT on.
 * Without QRESYNC, or when UIDVALIDITY changed, the listing is full.
 */
final class FolderLister {
    private FolderLister() {}

    static FolderListing list(IMAPStore store, IMAPFolder folder, ListRequest request) throws MessagingException {
        boolean qresync = store.hasCapability("QRESYNC");
        boolean condstore = qresync || store.hasCapability("CONDSTORE");
        Optional<FolderState> since = request.since().filter(s -> s.highestModSeq() > 0);
        List<MailEvent> events = List.of();
        if (qresync && since.isPresent()) {
            events = folder.open(Folder.READ_ONLY, new ResyncData(since.get().uidValidity(), since.get().highestModSeq()));
        } else if (condstore) {
            folder.open(Folder.READ_ONLY, ResyncData.CONDSTORE);
        } else {
            folder.open(Folder.READ_ONLY);
        }
        FolderState state = new FolderState(folder.getUIDValidity(), folder.getUIDNext(), condstore ? folder.getHighestModSeq() : 0);
        if (!qresync || since.isEmpty() || since.get().uidValidity() != state.uidValidity()) {
            return full(folder, state, request.limit());
        }
        FolderState before = since.get();
        if (state.highestModSeq() == before.highestModSeq()) {
            return new FolderListing.Changes(state, List.of(), List.of());
        }
        List<Long> vanished = new ArrayList<>();
        for (MailEvent e : events) {
            if (e instanceof MessageVanishedEvent v) {
                for (long uid : v.getUIDs()) {
                    vanished.add(uid);
                }
            }
        }
        List<MessageSummary> added = List.of();
        if (state.uidNext() > before.uidNext()) {
            // "n:*" also answers the highest message when none is at n or above: keep only the new ones
            Message[] candidates = folder.getMessagesByUID(before.uidNext(), UIDFolder.MAXUID);
            List<Message> fresh = new ArrayList<>();
            for (Message m : candidates) {
                if (m != null && folder.getUID(m) >= before.uidNext()) {
                    fresh.add(m);
                }
            }
            added = newestFirst(Summaries.of(folder, fresh.toArray(Message[]::new)));
        }
        vanished.sort(null);
        return new FolderListing.Changes(state, added, vanished);
    }

    private static FolderListing full(IMAPFolder folder, FolderState state, int limit) throws MessagingException {
        int total = folder.getMessageCount();
        if (total == 0) {
            return new FolderListing.Full(state, List.of(), 0);
        }
        Message[] newest = folder.getMessages(Math.max(1, total - limit + 1), total);
        return new FolderListing.Full(state, newestFirst(Summaries.of(folder, newest)), total);
    }

    private static List<MessageSummary> newestFirst(List<MessageSummary> summaries) {
        List<MessageSummary> sorted = new ArrayList<>(summaries);
        sorted.sort(Comparator.comparingLong(MessageSummary::uid).reversed());
        return sorted;
    }
}
