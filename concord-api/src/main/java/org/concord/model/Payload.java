package org.concord.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One object's content in canonical form: a JSContact card or a JSCalendar object, held as its
 * JSON tree. Immutable: the tree is copied in and copied out, so a payload can be shared between
 * threads and kept as the last known state without defensive copies by the caller.
 *
 * <p>Properties unknown to Concord are kept in the tree (JSContact {@code vCardProps}, JSCalendar
 * {@code iCalProps} and any vendor property), so converting to and from a native format loses
 * nothing the model does not understand.
 */
public abstract sealed class Payload permits Contact, Event, Task, Note {

    static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode json;
    private volatile ContentHash hash;

    Payload(ObjectNode json) {
        this(json, Ownership.COPY);
    }

    /** Whether a new payload copies the tree it is given, or takes one that nothing else holds. */
    enum Ownership { COPY, TAKE }

    Payload(ObjectNode json, Ownership ownership) {
        Objects.requireNonNull(json, "json");
        this.json = ownership == Ownership.COPY ? json.deepCopy() : json;
        this.json.put("@type", type().jsonType());
    }

    /** Wraps a canonical JSON object, choosing the type from its {@code @type}. */
    public static Payload of(ObjectNode json) {
        return of(typeOf(json), json);
    }

    public static Payload of(ItemType type, ObjectNode json) {
        return of(type, json, Ownership.COPY);
    }

    /**
     * Wraps {@code json} itself, not a copy: the caller hands the tree over and must neither
     * change it nor keep any part of it afterwards. For a decoder, which builds a fresh tree for
     * each payload and drops it once the payload is made; anyone else uses {@link #of}.
     */
    public static Payload adopt(ItemType type, ObjectNode json) {
        return of(type, json, Ownership.TAKE);
    }

    private static Payload of(ItemType type, ObjectNode json, Ownership ownership) {
        return switch (type) {
            case CONTACT -> new Contact(json, ownership);
            case EVENT -> new Event(json, ownership);
            case TASK -> new Task(json, ownership);
            case NOTE -> new Note(json, ownership);
        };
    }

    private static ItemType typeOf(ObjectNode json) {
        String type = json.path("@type").asText("");
        return ItemType.byJsonType(type)
                .orElseThrow(() -> new IllegalArgumentException("unknown canonical @type '" + type + "'"));
    }

    /** Parses the canonical JSON form written by {@link #toJsonBytes()}. */
    public static Payload fromJsonBytes(byte[] bytes) {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalArgumentException("canonical JSON is not an object");
            }
            // the parsed tree is nobody else's: no copy
            return of(typeOf(object), object, Ownership.TAKE);
        } catch (IOException e) {
            throw new IllegalArgumentException("canonical JSON does not parse: " + e.getMessage(), e);
        }
    }

    /**
     * Parses what {@link #toJsonBytes()} wrote, together with the {@link #contentHash()} and
     * {@link #fieldHashes()} that payload had, kept beside it: they are taken as they are, not
     * computed again. For a store that writes the bytes and the hashes of one payload together.
     */
    public static Payload fromJsonBytes(byte[] bytes, String contentHash, Map<String, String> fieldHashes) {
        Payload payload = fromJsonBytes(bytes);
        payload.hash = new ContentHash(Objects.requireNonNull(contentHash, "contentHash"), Map.copyOf(fieldHashes));
        return payload;
    }

    public abstract ItemType type();

    /** The object's own UID (vCard UID, iCalendar UID), or empty if it has none. */
    public Optional<String> uid() {
        JsonNode uid = json.get("uid");
        return uid == null || uid.isNull() || uid.asText().isEmpty() ? Optional.empty() : Optional.of(uid.asText());
    }

    /** The same content under another UID: how a conflicting version becomes a new item. */
    public Payload withUid(String uid) {
        ObjectNode copy = json.deepCopy();
        copy.put("uid", uid);
        return of(type(), copy, Ownership.TAKE);
    }

    /** A copy of the canonical JSON tree; changing it does not change this payload. */
    public ObjectNode json() {
        return json.deepCopy();
    }

    /**
     * Runs {@code reader} on the canonical tree itself, not a copy, and returns what it returns:
     * for code that reads a payload whole and keeps nothing of it, such as an encoder, where the
     * copy {@link #json()} makes would be a good part of the work. The reader must not change the
     * tree, nor keep or return any part of it: the payload is shared between threads and must
     * stay as it is.
     */
    public <R> R readTree(Function<? super ObjectNode, ? extends R> reader) {
        return reader.apply(json);
    }

    /** Reads one top-level property without copying the whole tree. */
    public Optional<JsonNode> property(String name) {
        JsonNode value = json.get(name);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.deepCopy());
    }

    /** The object's own modification time ({@code updated}; vCard REV, iCalendar LAST-MODIFIED). */
    public Optional<Instant> updated() {
        JsonNode updated = json.get("updated");
        if (updated == null || !updated.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.parse(updated.asText()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Hash of the normalized content: equal for two payloads that differ only in what servers
     * rewrite on their own (property order, PRODID, DTSTAMP, REV, LAST-MODIFIED, map ids).
     */
    public String contentHash() {
        return hashes().content();
    }

    /** Per top-level property hashes of the normalized content; the basis of three-way merges. */
    public Map<String, String> fieldHashes() {
        return hashes().fields();
    }

    private ContentHash hashes() {
        ContentHash h = hash;
        if (h == null) {
            h = ContentHash.of(json);
            hash = h;
        }
        return h;
    }

    public byte[] toJsonBytes() {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("canonical JSON cannot be written", e);
        }
    }

    /** Short human label for logs and error messages: a name or title, never the whole content. */
    public String label() {
        for (String key : new String[] {"title", "fullName"}) {
            JsonNode v = json.get(key);
            if (v != null && v.isTextual() && !v.asText().isBlank()) {
                return v.asText();
            }
        }
        JsonNode full = json.path("name").path("full");
        if (full.isTextual()) {
            return full.asText();
        }
        return uid().orElse("(untitled " + type().code() + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Payload other && other.type() == type() && other.json.equals(json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return type().code() + "[" + label() + "]";
    }
}
