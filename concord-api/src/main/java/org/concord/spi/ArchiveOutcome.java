package org.concord.spi;

import java.util.List;
import java.util.Objects;

/** How filing a message to one record ended. The caller's {@code switch} is checked by the compiler. */
public sealed interface ArchiveOutcome permits ArchiveOutcome.Filed, ArchiveOutcome.AlreadyFiled, ArchiveOutcome.Refused {

    RecordKey record();

    /**
     * The message is filed to the record now.
     *
     * @param location where, in the target's words (a folder, a note id)
     * @param attachments the names of the attachments filed with it
     */
    record Filed(RecordKey record, String location, List<String> attachments) implements ArchiveOutcome {
        public Filed {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(location, "location");
            attachments = List.copyOf(attachments);
        }
    }

    /**
     * The record held this Message-ID already: nothing was written. A target that cannot tell a
     * first filing from a repeated one (its system answers the same for both) reports {@link Filed}.
     */
    record AlreadyFiled(RecordKey record, String location) implements ArchiveOutcome {
        public AlreadyFiled {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(location, "location");
        }
    }

    /** The target refused this record for good: no such record, message too large, forbidden. */
    record Refused(RecordKey record, String reason) implements ArchiveOutcome {
        public Refused {
            Objects.requireNonNull(record, "record");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
