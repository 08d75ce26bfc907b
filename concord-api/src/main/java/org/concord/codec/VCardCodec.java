package org.concord.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.concord.model.Contact;

/**
 * vCard 2.1 / 3.0 / 4.0 ↔ {@link Contact} (a JSContact Card, mapped as RFC 9555 describes).
 *
 * <p>Reading is lenient: a property whose value cannot be mapped is carried with its raw value in
 * {@code vCardProps} and written back as it was; only text that holds no vCard at all fails.
 * Writing never fails for a valid contact. Safe for concurrent use: no state is shared.
 */
public final class VCardCodec {

    private VCardCodec() {
    }

    /** Exactly one VCARD → its contact. */
    public static Contact decode(String text) throws CodecException {
        List<VCardReading.RawCard> cards = VCardReading.read(text);
        if (cards.size() != 1) {
            throw new CodecException("vCard: expected exactly one VCARD, found " + cards.size()
                    + " (second begins on line " + cards.get(1).line() + ")");
        }
        return ContactDecoder.decode(cards.get(0));
    }

    /** Every VCARD of a .vcf file, in order (import). */
    public static List<Contact> decodeAll(String text) throws CodecException {
        List<VCardReading.RawCard> cards = VCardReading.read(text);
        List<Contact> contacts = new ArrayList<>(cards.size());
        for (VCardReading.RawCard card : cards) {
            contacts.add(ContactDecoder.decode(card));
        }
        return contacts;
    }

    /** One VCARD of the given version, CRLF line endings, lines folded. */
    public static String encode(Contact contact, VCardVersion version) {
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(version, "version");
        return ContactEncoder.encode(contact, version);
    }
}
