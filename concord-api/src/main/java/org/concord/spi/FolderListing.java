package org.concord.spi;

import java.util.List;
import java.util.Objects;

/** What a folder listing found: the whole folder, or what changed since an earlier listing. */
public sealed interface FolderListing permits FolderListing.Full, FolderListing.Changes {

    /** The state to pass to the next listing. */
    FolderState state();

    /**
     * The folder's messages, newest first, at most the request's limit.
     *
     * @param total how many messages the folder holds
     */
    record Full(FolderState state, List<MessageSummary> messages, int total) implements FolderListing {
        public Full {
            Objects.requireNonNull(state, "state");
            messages = List.copyOf(messages);
        }
    }

    /**
     * What changed since the listing whose state was passed: messages that arrived, and the UIDs
     * of messages that are gone. Both empty: nothing changed.
     */
    record Changes(FolderState state, List<MessageSummary> added, List<Long> vanished) implements FolderListing {
        public Changes {
            Objects.requireNonNull(state, "state");
            added = List.copyOf(added);
            vanished = List.copyOf(vanished);
        }
    }
}
