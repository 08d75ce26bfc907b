package org.concord.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.concord.model.Contact;
import org.junit.jupiter.api.Test;

/** What a user sees of a vCard in the canonical JSContact form (RFC 9553 / RFC 9555). */
class ContactMappingTest {

    private static JsonNode card(String file) throws CodecException {
        return VCardCodec.decode(Corpus.read(file)).json();
    }

    @Test
    void appleCardKeepsContextsPrefPhotoAndItsGroupedLabels() throws Exception {
        JsonNode c = card("vcard/apple-icloud-3.0.vcf");
        assertThat(c.at("/name/full").asText()).isEqualTo("Dr. Adaeze Chiamaka Okonkwo-Lindqvist PhD");
        assertThat(c.at("/name/components/0").toString()).isEqualTo("{\"kind\":\"surname\",\"value\":\"Okonkwo-Lindqvist\"}");
        assertThat(c.at("/emails/e1/address").asText()).isEqualTo("adaeze@nordlys-bio.example");
        assertThat(c.at("/emails/e1/contexts/work").asBoolean()).isTrue();
        assertThat(c.at("/emails/e1/pref").asInt()).isEqualTo(1);
        assertThat(c.at("/phones/p1/features/mobile").asBoolean()).isTrue();
        assertThat(c.at("/phones/p4/vCardParams/group").asText()).isEqualTo("item1");
        assertThat(c.at("/addresses/a1/components/0/value").asText()).isEqualTo("Sveavägen 44, plan 3");
        assertThat(c.at("/anniversaries/d1/date/year").asInt()).isEqualTo(1604);
        assertThat(c.at("/anniversaries/d1/vCardParams/x-apple-omit-year").asText()).isEqualTo("1604");
        assertThat(c.at("/media/m1/uri").asText()).startsWith("data:image/jpeg;base64,/9j/");
        assertThat(c.at("/updated").asText()).isEqualTo("2024-03-18T09:41:27Z");
        assertThat(c.at("/prodId").asText()).isEqualTo("-//Apple Inc.//iPhone OS 17.4.1//EN");
        assertThat(c.get("keywords").has("Colleagues")).isTrue();
        assertThat(c.get("vCardProps").toString()).contains("[\"x-ablabel\",{\"group\":\"item1\"},\"unknown\",\"_$!<Assistant>!$_\"]")
                .contains("x-abuid");
    }

    @Test
    void vCard21QuotedPrintableAndCharsetAreDecoded() throws Exception {
        JsonNode c = card("vcard/outlook-2.1.vcf");
        assertThat(c.at("/name/full").asText()).isEqualTo("Jürgen Müller-Weiß");
        assertThat(c.at("/organizations/o1/name").asText()).isEqualTo("Straßenbau Grün GmbH");
        assertThat(c.at("/organizations/o1/units/0/name").asText()).isEqualTo("Planung");
        assertThat(c.at("/notes/n1/note").asText()).isEqualTo("Baustelle Ost: Schlüssel beim Pförtner.\nZweite Zeile der Notiz.");
        assertThat(c.at("/media/m1/uri").asText()).startsWith("data:image/jpeg;base64,");
        assertThat(c.at("/anniversaries/d1/date").toString()).isEqualTo("{\"@type\":\"PartialDate\",\"year\":1971,\"month\":8,\"day\":30}");
        assertThat(c.at("/vCardParams/n/language").asText()).isEqualTo("de");
    }

    @Test
    void vCard4KeepsUriPhonesGenderLanguagesRelationsAndYearlessBirthdays() throws Exception {
        JsonNode c = card("vcard/nextcloud-4.0.vcf");
        assertThat(c.at("/kind").asText()).isEqualTo("individual");
        assertThat(c.at("/phones/p1/number").asText()).isEqualTo("tel:+86-139-1234-5678");
        assertThat(c.at("/gender").toString()).isEqualTo("{\"sex\":\"F\",\"identity\":\"she/her\"}");
        assertThat(c.at("/preferredLanguages/lang2/pref").asInt()).isEqualTo(2);
        assertThat(c.at("/anniversaries/d2/date").toString()).isEqualTo("{\"@type\":\"PartialDate\",\"month\":7,\"day\":21}");
        assertThat(c.at("/relatedTo/urn:uuid:7a9b2c4d-1e3f-4a5b-8c6d-9e0f1a2b3c4d/relation/spouse").asBoolean()).isTrue();
        assertThat(c.at("/addresses/a1/full").asText()).isEqualTo("上海市静安区南京西路1266号\n恒隆广场 2801");
        assertThat(c.at("/notes/n1/note").asText()).contains("🎨").contains("小笼包");
        assertThat(c.at("/nicknames/k2/name").asText()).isEqualTo("张张");
    }

    @Test
    void groupCardListsItsMembers() throws Exception {
        JsonNode c = card("vcard/group-4.0.vcf");
        assertThat(c.at("/kind").asText()).isEqualTo("group");
        assertThat(c.get("members").size()).isEqualTo(3);
        assertThat(c.at("/members/mailto:observer@board.example").asBoolean()).isTrue();
    }

    @Test
    void timestampBirthdayKeepsItsTime() throws Exception {
        JsonNode c = card("vcard/fastmail-4.0.vcf");
        assertThat(c.at("/anniversaries/d1/date").toString()).isEqualTo("{\"@type\":\"Timestamp\",\"utc\":\"1988-09-12T06:30:00Z\"}");
        String v3 = VCardCodec.encode(VCardCodec.decode(Corpus.read("vcard/fastmail-4.0.vcf")), VCardVersion.V3_0);
        assertThat(v3).contains("BDAY:1988-09-12T06:30:00Z");
    }

    @Test
    void eachVersionIsWrittenInItsOwnSyntax() throws Exception {
        Contact c = VCardCodec.decode(Corpus.read("vcard/apple-icloud-3.0.vcf"));
        String v21 = VCardCodec.encode(c, VCardVersion.V2_1);
        String v4 = VCardCodec.encode(c, VCardVersion.V4_0);
        assertThat(v21).contains("VERSION:2.1").contains("PHOTO;ENCODING=BASE64;TYPE=JPEG:")
                .contains("ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8");
        assertThat(v4).contains("VERSION:4.0").contains("PHOTO:data:image/jpeg;base64,").contains("EMAIL;PREF=1;TYPE=work,internet:");
        assertThat(VCardVersion.of(v21)).contains(VCardVersion.V2_1);
        assertThat(VCardVersion.of(v4)).contains(VCardVersion.V4_0);
        assertThat(VCardVersion.of("no card here")).isEmpty();
    }

    @Test
    void aPreferenceOtherThanFirstSurvivesVCard3() throws Exception {
        Contact c = VCardCodec.decode(Corpus.read("vcard/nextcloud-4.0.vcf"));
        String v3 = VCardCodec.encode(c, VCardVersion.V3_0);
        assertThat(v3).contains("EMAIL;TYPE=work,pref:").contains("EMAIL;PREF=2;TYPE=home:");
    }
}
