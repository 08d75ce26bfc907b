package org.concord.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.concord.model.Payload;

/**
 * Three-way merge of two versions of an object, field by field (top-level properties), against
 * the per-field hashes of the state last synced — so no copy of the user's data is kept. A field
 * changed on one side only takes that side's value; a field changed on both sides to the same
 * value is fine; a field changed on both sides to different values cannot be merged.
 */
final class FieldMerge {
    private FieldMerge() {}

    /** The outcome: the merged payload, or the fields both sides changed differently. */
    record Result(Optional<Payload> merged, Set<String> clashing, Set<String> takenFromIncoming) {}

    /**
     * @param base field hashes of the last synced state of the system whose change conflicts
     * @param incoming that system's new version
     * @param pending the version that was pending for it
     */
    static Result merge(Map<String, String> base, Payload incoming, Payload pending) {
        Map<String, String> in = incoming.fieldHashes();
        Map<String, String> pe = pending.fieldHashes();
        Set<String> fields = new HashSet<>(base.keySet());
        fields.addAll(in.keySet());
        fields.addAll(pe.keySet());
        Set<String> clashing = new HashSet<>();
        Set<String> fromIncoming = new HashSet<>();
        for (String f : fields) {
            boolean inChanged = !Objects.equals(base.get(f), in.get(f));
            boolean peChanged = !Objects.equals(base.get(f), pe.get(f));
            if (inChanged && peChanged && !Objects.equals(in.get(f), pe.get(f))) {
                clashing.add(f);
            } else if (inChanged && !peChanged) {
                fromIncoming.add(f);
            }
        }
        if (!clashing.isEmpty()) {
            return new Result(Optional.empty(), clashing, fromIncoming);
        }
        ObjectNode merged = pending.json();
        ObjectNode incomingJson = incoming.json();
        for (String f : fromIncoming) {
            JsonNode v = incomingJson.get(f);
            if (v == null || v.isNull()) {
                merged.remove(f);
            } else {
                merged.set(f, v);
            }
        }
        return new Result(Optional.of(Payload.of(pending.type(), merged)), Set.of(), fromIncoming);
    }
}
