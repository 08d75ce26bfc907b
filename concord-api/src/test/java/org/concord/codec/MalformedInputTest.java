package org.concord.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.concord.model.Contact;
import org.concord.model.Payload;
import org.junit.jupiter.api.Test;

/** Only text that is no vCard / iCalendar at all fails, and the message says what and where. */
class MalformedInputTest {

    @Test
    void emptyTextIsRefusedAsEmpty() {
        assertThatThrownBy(() -> VCardCodec.decode("  \n")).isInstanceOf(CodecException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> ICalCodec.decode("")).isInstanceOf(CodecException.class).hasMessageContaining("empty");
    }

    @Test
    void textWithoutAVCardNamesWhatItStartsWith() {
        assertThatThrownBy(() -> VCardCodec.decode("Hello Bob,\nhere is my address."))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("no BEGIN:VCARD")
                .hasMessageContaining("Hello Bob,");
    }

    @Test
    void anICalendarIsNotAVCard() {
        assertThatThrownBy(() -> VCardCodec.decode(Corpus.read("ical/floating-times.ics")))
                .isInstanceOf(CodecException.class).hasMessageContaining("no BEGIN:VCARD")
                .hasMessageContaining("an iCalendar object, not a vCard");
    }

    @Test
    void aVCardIsNotAnICalendar() {
        assertThatThrownBy(() -> ICalCodec.decode(Corpus.read("vcard/minimal-3.0.vcf")))
                .isInstanceOf(CodecException.class).hasMessageContaining("no BEGIN:VCALENDAR")
                .hasMessageContaining("a vCard, not an iCalendar object");
    }

    @Test
    void aTruncatedVCardNamesTheLineItBegins() {
        String text = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Off\r\nEMAIL:cut@off.example\r\n";
        assertThatThrownBy(() -> VCardCodec.decode(text))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("line 1").hasMessageContaining("no END:VCARD");
    }

    @Test
    void decodeOfAFileWithTwoCardsSaysHowManyAndWhere() {
        assertThatThrownBy(() -> VCardCodec.decode(Corpus.read("vcard/google-contacts-3.0.vcf")))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("exactly one VCARD, found 3").hasMessageContaining("line 18");
    }

    @Test
    void aBrokenComponentStructureNamesTheLine() {
        String text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:1\r\nSUMMARY:no end\r\nEND:VCALENDAR\r\n";
        assertThatThrownBy(() -> ICalCodec.decode(text))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("iCalendar").hasMessageContaining("line 7");
    }

    @Test
    void aCalendarWithoutObjectsSaysSo() {
        String text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n";
        assertThatThrownBy(() -> ICalCodec.decode(text))
                .isInstanceOf(CodecException.class).hasMessageContaining("no VEVENT, VTODO or VJOURNAL");
    }

    @Test
    void decodeOfAnExportWithManyUidsListsThem() {
        assertThatThrownBy(() -> ICalCodec.decode(Corpus.read("ical/multi-uid-export.ics")))
                .isInstanceOf(CodecException.class)
                .hasMessageContaining("found 5").hasMessageContaining("export-1-dentist");
    }

    @Test
    void badVCardPropertiesAreKeptAsWrittenAndTheCardStillReads() throws Exception {
        Contact c = VCardCodec.decode(Corpus.read("vcard/lenient-3.0.vcf"));
        assertThat(c.label()).isEqualTo("Lenient Larry");
        String carried = c.json().get("vCardProps").toString();
        assertThat(carried).contains("sometime in the eighties").contains("our first date").contains("yesterday")
                .contains("this line has no colon at all").contains("uuencode");
        assertThat(c.json().at("/emails/e1/address").asText()).isEqualTo("larry@lenient.example");
        assertThat(c.json().at("/phones/p1/vCardParams/pref").asText()).isEqualTo("high");
    }

    @Test
    void badICalendarPropertiesAreKeptAsWrittenAndTheEventStillReads() throws Exception {
        Payload p = ICalCodec.decode(Corpus.read("ical/lenient-bad-values.ics"));
        assertThat(p.label()).isEqualTo("Event with broken properties");
        assertThat(p.json().get("start").asText()).isEqualTo("2024-03-01T10:00:00");
        String carried = p.json().get("iCalProps").toString();
        assertThat(carried).contains("not-a-date").contains("urgent").contains("FREQ=SOMETIMES")
                .contains("X-COMPANY-INTERNAL").contains("yesterday-ish").contains("x-vendor-thing");
        String again = ICalCodec.encode(p);
        assertThat(again).contains("DTEND:not-a-date").contains("PRIORITY:urgent").contains("BEGIN:X-VENDOR-THING");
    }
}
