package org.concord.connector.vdir;

import org.concord.codec.CodecException;
import org.concord.codec.ICalCodec;
import org.concord.codec.VCardCodec;
import org.concord.codec.VCardVersion;
import org.concord.model.Contact;
import org.concord.model.ItemType;
import org.concord.model.Payload;

/** The native formats of the folder: vCard for {@code .vcf} files, iCalendar for {@code .ics} files. */
final class Formats {

    private Formats() {}

    /** Decodes a file's text by its extension; the object's own content decides its type. */
    static Payload decode(ObjectFile file, String text) throws CodecException {
        return file.isVCard() ? VCardCodec.decode(text) : ICalCodec.decode(text);
    }

    /** Encodes a payload in the format its file holds; the codecs write every valid object. */
    static String encode(Payload payload, VCardVersion vcardVersion) {
        return payload instanceof Contact contact ? VCardCodec.encode(contact, vcardVersion) : ICalCodec.encode(payload);
    }

    /** Whether a payload of this type belongs in this file (a contact in a .vcf, the rest in a .ics). */
    static boolean fits(ObjectFile file, ItemType type) {
        return file.isVCard() == (type == ItemType.CONTACT);
    }

    /** The {@code vcard-version} setting's value: 3.0 or 4.0. */
    static VCardVersion vcardVersion(String setting) {
        return switch (setting.trim()) {
            case "3.0", "3" -> VCardVersion.V3_0;
            case "4.0", "4" -> VCardVersion.V4_0;
            default -> throw new IllegalArgumentException("expected 3.0 or 4.0, found '" + setting + "'");
        };
    }

    /**
     * The version to rewrite an existing vCard file in: its own, if 3.0 or 4.0, so a user's
     * tools keep reading it as before; otherwise (2.1, unreadable) the configured one.
     */
    static VCardVersion rewriteVersion(String existingText, VCardVersion configured) {
        return VCardVersion.of(existingText)
                .filter(v -> v == VCardVersion.V3_0 || v == VCardVersion.V4_0)
                .orElse(configured);
    }
}
