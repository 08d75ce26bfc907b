package org.concord.engine;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.concord.model.Payload;

/**
 * Decides a conflict: system {@code system} changed an item while another change of it, read from
 * {@code origin}, was pending for it. Pure: the inputs are plain values, the reader applies the
 * decision.
 */
final class ConflictRule {
    private ConflictRule() {}

    /**
     * @param incoming the version just read from {@code system}
     * @param pending the version that was pending for {@code system}, read from {@code origin}
     * @param base the per-field hashes of what was last synced with {@code system}, if known
     * @param systemsForType every system that holds objects of the item's type
     */
    record Input(
            ConflictSettings settings,
            String system,
            String origin,
            Payload incoming,
            Payload pending,
            Optional<Map<String, String>> base,
            Set<String> systemsForType) {}

    static ConflictDecision decide(Input in) {
        ConflictPolicy policy = in.settings().policyFor(in.system(), in.incoming().type());
        return decide(in, policy, "");
    }

    private static ConflictDecision decide(Input in, ConflictPolicy policy, String prefix) {
        String name = prefix + policy.code();
        return switch (policy) {
            case ConflictPolicy.Duplicate d -> duplicate(in, name);
            case ConflictPolicy.Manual m -> new ConflictDecision.Hold(name,
                    "held for an admin: " + in.system() + " and " + in.origin() + " both changed it");
            case ConflictPolicy.Newest n -> newest(in, name);
            case ConflictPolicy.Prefer p -> {
                if (p.system().equals(in.system())) {
                    yield new ConflictDecision.KeepIncoming(name, "kept the version from " + in.system() + " (preferred)");
                }
                if (p.system().equals(in.origin())) {
                    yield new ConflictDecision.KeepPending(name, "kept the version from " + in.origin() + " (preferred)");
                }
                yield fallback(in, name, "neither version comes from " + p.system());
            }
            case ConflictPolicy.Merge m -> {
                if (in.base().isEmpty()) {
                    yield fallback(in, name, "no last synced state to merge against");
                }
                FieldMerge.Result r = FieldMerge.merge(in.base().get(), in.incoming(), in.pending());
                if (r.merged().isEmpty()) {
                    yield fallback(in, name, "both changed " + String.join(", ", new java.util.TreeSet<>(r.clashing())));
                }
                yield new ConflictDecision.Merged(name, "merged: " + (r.takenFromIncoming().isEmpty()
                        ? "nothing new from " + in.system()
                        : String.join(", ", new java.util.TreeSet<>(r.takenFromIncoming())) + " from " + in.system()
                                + ", the rest from " + in.origin()), r.merged().get());
            }
        };
    }

    private static ConflictDecision fallback(Input in, String name, String why) {
        ConflictPolicy fb = in.settings().fallback();
        // A prefer fallback that covers neither side ends in duplicate: nothing is ever lost.
        if (fb instanceof ConflictPolicy.Prefer p && !p.system().equals(in.system()) && !p.system().equals(in.origin())) {
            fb = ConflictPolicy.DUPLICATE;
        }
        ConflictDecision d = decide(in, fb, name + " (" + why + "), then ");
        return d;
    }

    private static ConflictDecision duplicate(Input in, String name) {
        Set<String> forType = in.systemsForType();
        return in.settings().duplicatesTo()
                .filter(forType::contains)
                .<ConflictDecision>map(d -> new ConflictDecision.Duplicate(name, "kept the version from " + in.origin()
                        + "; the version from " + in.system() + " became a new item", Set.of(d), forType.size() > 1))
                .orElseGet(() -> new ConflictDecision.Duplicate(name, "kept the version from " + in.origin()
                        + "; the version from " + in.system() + " became a new item", forType, false));
    }

    private static ConflictDecision newest(Input in, String name) {
        Optional<Instant> a = in.incoming().updated();
        Optional<Instant> b = in.pending().updated();
        int cmp;
        if (a.isPresent() && b.isPresent() && !a.get().equals(b.get())) {
            cmp = a.get().compareTo(b.get());
        } else if (a.isPresent() != b.isPresent()) {
            cmp = a.isPresent() ? 1 : -1;
        } else {
            // Same time or none: decide by content, so every reader in every order decides alike.
            cmp = in.incoming().contentHash().compareTo(in.pending().contentHash());
        }
        return cmp > 0
                ? new ConflictDecision.KeepIncoming(name, "kept the newer version, from " + in.system())
                : new ConflictDecision.KeepPending(name, "kept the newer version, from " + in.origin());
    }
}
