package org.concord.connector.dav;

import org.concord.codec.CodecException;
import org.concord.codec.ICalCodec;
import org.concord.codec.VCardCodec;
import org.concord.codec.VCardVersion;
import org.concord.model.Contact;
import org.concord.model.ItemType;
import org.concord.model.Payload;

/** Converts between DAV resources (vCard in address books, iCalendar in calendars) and canonical payloads. */
final class ItemFormat {

    /** A resource that does not convert, and why. */
    static final class Unconvertible extends Exception {
        Unconvertible(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final DavSettings.VCardFlavor vcard;

    ItemFormat(DavSettings.VCardFlavor vcard) {
        this.vcard = vcard;
    }

    static String extension(ItemType type) {
        return type == ItemType.CONTACT ? ".vcf" : ".ics";
    }

    static String contentType(ItemType type) {
        return type == ItemType.CONTACT ? "text/vcard; charset=utf-8" : "text/calendar; charset=utf-8";
    }

    Payload decode(RemoteCollection.Kind kind, String text) throws Unconvertible {
        try {
            return kind == RemoteCollection.Kind.ADDRESSBOOK ? VCardCodec.decode(text) : ICalCodec.decode(text);
        } catch (CodecException | RuntimeException e) {
            throw new Unconvertible(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    String encode(Payload payload) {
        if (payload instanceof Contact contact) {
            return VCardCodec.encode(contact, vcard == DavSettings.VCardFlavor.V4 ? VCardVersion.V4_0 : VCardVersion.V3_0);
        }
        return ICalCodec.encode(payload);
    }
}
