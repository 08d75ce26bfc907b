package org.concord.engine;

import java.util.Set;

/**
 * Decides a conflict: system {@code system} changed an item while another change of it, read from
 * {@code origin}, was pending for it. Pure; the reader applies the decision.
 */
final class ConflictRule {
    private ConflictRule() {}

    /**
     * @param systemsForType every system that holds objects of the item's type
     */
    static ConflictDecision decide(ConflictSettings settings, String system, String origin, Set<String> systemsForType) {
        return switch (settings.policy()) {
            case DUPLICATE -> settings.duplicatesTo()
                    .filter(systemsForType::contains)
                    .<ConflictDecision>map(d -> new ConflictDecision.Duplicate(Set.of(d), systemsForType.size() > 1))
                    .orElseGet(() -> new ConflictDecision.Duplicate(systemsForType, false));
        };
    }
}
