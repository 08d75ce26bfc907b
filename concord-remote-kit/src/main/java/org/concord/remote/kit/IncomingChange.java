package org.concord.remote.kit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;
import java.util.Optional;

/**
 * One write Concord asks the application to make, already checked for shape by the kit.
 *
 * @param ref the client reference: Concord's global id of the item. A create whose reference
 *     the application has seen before must not make a second object: it updates the one made
 *     then and answers its id
 * @param user the user (owner) of the object, in the application's user names
 * @param type the type of the object, one the application declared
 * @param id the object's id; empty for a create
 * @param operation upsert (create or replace) or delete
 * @param data the content in the type's declared format (for an upsert), else null
 * @param expectedVersion when present, write only if the object still has this version; else
 *     answer {@link ChangeResult.PreconditionFailed}
 * @param isConflict make a deep copy of object {@code id} (with everything the application keeps
 *     beside the data: relations, attachments), apply {@code data} to the copy, and leave the
 *     original untouched; the answer names the copy
 */
public record IncomingChange(String ref, String user, ObjectType type, Optional<String> id, Operation operation,
        JsonNode data, Optional<String> expectedVersion, boolean isConflict) {
    public IncomingChange {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(expectedVersion, "expectedVersion");
    }

    /** A new object (no id, not a conflict copy). */
    public boolean isCreate() {
        return operation == Operation.UPSERT && id.isEmpty();
    }
}
