package org.concord.store;

import java.time.Instant;
import java.util.Optional;

/**
 * One conflict: system {@code system} changed item {@code globalId} while another change of it,
 * read from {@code otherOrigin}, was pending for it; and what the policy decided.
 *
 * @param decision what happened, in words: "duplicated as 5d1e…", "kept crm", "merged", "held"
 * @param duplicateId the global id of the new item a {@code duplicate} decision created
 */
public record ConflictRecord(
        long id,
        String globalId,
        String system,
        String otherOrigin,
        String policy,
        String decision,
        Optional<String> duplicateId,
        Instant at,
        boolean open) {}
