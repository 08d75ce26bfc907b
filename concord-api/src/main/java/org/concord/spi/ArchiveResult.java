package org.concord.spi;

import java.util.List;

/**
 * What one {@link ArchiveTarget#archive} did: one outcome per record, in the request's order, and
 * the warnings of the filing (the message's own reading warnings included).
 */
public record ArchiveResult(List<ArchiveOutcome> outcomes, List<String> warnings) {
    public ArchiveResult {
        outcomes = List.copyOf(outcomes);
        warnings = List.copyOf(warnings);
    }
}
