package org.concord.connector.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.concord.model.ItemType;
import org.concord.model.Payload;

/** Converts one type's {@code data} between the wire format the application chose and the canonical model. */
sealed interface WireCodec permits WireCodec.CanonicalJson, WireCodec.Record, TextCodec {

    JsonNode toWire(Payload payload) throws ConversionException;

    Payload fromWire(JsonNode data, String nativeId) throws ConversionException;

    /** JSContact / JSCalendar JSON: the canonical form itself. */
    record CanonicalJson(ItemType type) implements WireCodec {
        @Override
        public JsonNode toWire(Payload payload) {
            return payload.json();
        }

        @Override
        public Payload fromWire(JsonNode data, String nativeId) throws ConversionException {
            if (!(data instanceof ObjectNode object)) {
                throw new ConversionException("expected a " + type.jsonType() + " JSON object");
            }
            String declared = object.path("@type").asText(type.jsonType());
            if (!declared.equals(type.jsonType())) {
                throw new ConversionException("a " + type.code() + " must have @type " + type.jsonType() + ", not " + declared);
            }
            return Payload.of(type, object);
        }
    }

    /**
     * A flat record through the system's mapping. An object built from the record alone gets a
     * UID derived from the system and its id, the same at every read.
     */
    record Record(RecordMapping mapping, String system) implements WireCodec {
        @Override
        public JsonNode toWire(Payload payload) {
            return mapping.toRecord(payload);
        }

        @Override
        public Payload fromWire(JsonNode data, String nativeId) throws ConversionException {
            Payload p = mapping.fromRecord(data);
            if (p.uid().isPresent()) {
                return p;
            }
            String seed = "concord-remote:" + system + ":" + mapping.type().code() + ":" + nativeId;
            return p.withUid("urn:uuid:" + UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
