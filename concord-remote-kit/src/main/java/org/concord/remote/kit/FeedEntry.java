package org.concord.remote.kit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One change of the application's feed, as {@link RemoteApplication#changesSince} returns it.
 *
 * @param modid the modification id of this change; increases along the feed
 * @param user the user (owner) of the object, in the application's own user names
 * @param type the type of the object
 * @param id the object's id in the application
 * @param operation upsert or delete
 * @param version the object's current version (for an upsert); Concord sends it back as the
 *     expected version of its next write; often the modid itself
 * @param data the object's current content in the declared format (for an upsert), else null
 */
public record FeedEntry(String modid, String user, ObjectType type, String id, Operation operation, String version,
        JsonNode data) {
    public FeedEntry {
        Objects.requireNonNull(modid, "modid");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operation, "operation");
        if (operation == Operation.UPSERT) {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(data, "data");
        }
    }

    public static FeedEntry upsert(String modid, String user, ObjectType type, String id, String version, JsonNode data) {
        return new FeedEntry(modid, user, type, id, Operation.UPSERT, version, data);
    }

    public static FeedEntry delete(String modid, String user, ObjectType type, String id) {
        return new FeedEntry(modid, user, type, id, Operation.DELETE, null, null);
    }
}
