package org.concord.connector.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.concord.codec.CodecException;
import org.concord.codec.ICalCodec;
import org.concord.codec.VCardCodec;
import org.concord.codec.VCardVersion;
import org.concord.model.Contact;
import org.concord.model.ItemType;
import org.concord.model.Payload;

/** vCard or iCalendar text, carried as a JSON string. */
record TextCodec(ItemType type, VCardVersion vcardVersion) implements WireCodec {

    @Override
    public JsonNode toWire(Payload payload) throws ConversionException {
        try {
            return TextNode.valueOf(payload instanceof Contact contact ? VCardCodec.encode(contact, vcardVersion) : ICalCodec.encode(payload));
        } catch (RuntimeException e) {
            throw new ConversionException("cannot be written as " + (type == ItemType.CONTACT ? "vCard" : "iCalendar") + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Payload fromWire(JsonNode data, String nativeId) throws ConversionException {
        String format = type == ItemType.CONTACT ? "vCard" : "iCalendar";
        if (!data.isTextual()) {
            throw new ConversionException("expected " + format + " text as a JSON string");
        }
        Payload p;
        try {
            p = type == ItemType.CONTACT ? VCardCodec.decode(data.asText()) : ICalCodec.decode(data.asText());
        } catch (CodecException e) {
            throw new ConversionException("is not valid " + format + ": " + e.getMessage(), e);
        }
        if (p.type() != type) {
            throw new ConversionException("the " + format + " text holds a " + p.type().code() + ", not a " + type.code());
        }
        return p;
    }
}
