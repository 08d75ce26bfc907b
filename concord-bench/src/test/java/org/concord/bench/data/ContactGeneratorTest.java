package org.concord.bench.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.concord.codec.VCardCodec;
import org.concord.model.Contact;
import org.junit.jupiter.api.Test;

class ContactGeneratorTest {

    @Test
    void contactsWithoutAPhotoAreOneToTwoKilobytes() {
        for (int i = 1; i < 400; i++) {
            if (i % ContactGenerator.PHOTO_EVERY == 0) {
                continue;
            }
            int size = ContactGenerator.vcard(i, 0).getBytes(StandardCharsets.UTF_8).length;
            assertThat(size).as("contact %d", i).isBetween(1000, 2048);
        }
    }

    @Test
    void oneContactInTwentyCarriesAPhotoThatSurvivesDecoding() throws Exception {
        String card = ContactGenerator.vcard(40, 0);
        assertThat(card).contains("PHOTO;ENCODING=b;TYPE=JPEG:");
        assertThat(card.length()).isGreaterThan(4000);
        Contact c = VCardCodec.decode(card);
        assertThat(c.json().toString()).contains("photo");
        assertThat(ContactGenerator.vcard(41, 0)).doesNotContain("PHOTO");
    }

    @Test
    void everyGeneratedContactDecodesWithItsUidAndName() throws Exception {
        for (int i = 0; i < 200; i++) {
            Contact c = VCardCodec.decode(ContactGenerator.vcard(i, 0));
            assertThat(c.uid()).contains(ContactGenerator.uid(i));
            assertThat(c.label()).isNotBlank();
        }
    }

    @Test
    void theSameIndexGivesTheSameCardAndAnEditChangesIt() throws Exception {
        assertThat(ContactGenerator.vcard(17, 0)).isEqualTo(ContactGenerator.vcard(17, 0));
        Contact before = VCardCodec.decode(ContactGenerator.vcard(17, 0));
        Contact after = VCardCodec.decode(ContactGenerator.vcard(17, 1));
        assertThat(after.uid()).isEqualTo(before.uid());
        assertThat(after.contentHash()).isNotEqualTo(before.contentHash());
    }

    @Test
    void linesAreFoldedAtSeventyFiveOctets() {
        for (String line : ContactGenerator.vcard(0, 0).split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
        }
    }

    @Test
    void canonicalContactsCarryTheChangeTheyCameFrom() {
        CanonicalContacts contacts = new CanonicalContacts(4);
        assertThat(CanonicalContacts.seqOf(contacts.contact(9, 1234))).isEqualTo(1234);
        assertThat(contacts.contact(9, 1).contentHash()).isNotEqualTo(contacts.contact(9, 2).contentHash());
        assertThat(contacts.contact(9, 1).uid()).contains(ContactGenerator.uid(9));
    }
}
