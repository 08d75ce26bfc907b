package org.concord.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.concord.model.ItemType;
import org.concord.model.Payload;
import org.junit.jupiter.api.Test;

/** What a user sees of an iCalendar object in the canonical JSCalendar form (RFC 8984). */
class CalendarMappingTest {

    private static Payload decode(String file) throws CodecException {
        return ICalCodec.decode(Corpus.read(file));
    }

    @Test
    void recurringEventKeepsItsRuleExceptionsAndMovedInstance() throws Exception {
        JsonNode e = decode("ical/google-recurring-weekly.ics").json();
        assertThat(e.at("/timeZone").asText()).isEqualTo("America/New_York");
        assertThat(e.at("/start").asText()).isEqualTo("2024-03-04T09:30:00");
        assertThat(e.at("/duration").asText()).isEqualTo("PT30M");
        assertThat(e.at("/recurrenceRules/0/frequency").asText()).isEqualTo("weekly");
        assertThat(e.at("/recurrenceRules/0/firstDayOfWeek").asText()).isEqualTo("su");
        assertThat(e.at("/recurrenceRules/0/until").asText()).isEqualTo("2024-06-29T23:59:59");
        JsonNode overrides = e.get("recurrenceOverrides");
        assertThat(overrides.at("/2024-04-01T09:30:00/excluded").asBoolean()).isTrue();
        assertThat(overrides.at("/2024-05-27T09:30:00/excluded").asBoolean()).isTrue();
        JsonNode moved = overrides.get("2024-03-18T09:30:00");
        assertThat(moved.get("start").asText()).isEqualTo("2024-03-18T11:00:00");
        assertThat(moved.get("title").asText()).isEqualTo("Team stand-up (moved)");
        assertThat(moved.has("participants")).isTrue(); // the room left this instance
        assertThat(e.at("/participants/p1/roles/owner").asBoolean()).isTrue();
        assertThat(e.at("/participants/p3").has("participationStatus")).isFalse(); // NEEDS-ACTION is the default
        assertThat(e.at("/participants/p3/expectReply").asBoolean()).isTrue();
        assertThat(e.at("/participants/p4/kind").asText()).isEqualTo("resource");
        assertThat(e.at("/alerts/a1/trigger/offset").asText()).isEqualTo("-PT10M");
        assertThat(e.at("/method").asText()).isEqualTo("publish");
        assertThat(e.get("iCalCalendarProps").toString()).contains("x-wr-calname");
    }

    @Test
    void outlookWindowsTimeZoneIsKeptWithItsDefinitionAndGivesTheRightInstant() throws Exception {
        Payload p = decode("ical/outlook-windows-timezone.ics");
        JsonNode e = p.json();
        assertThat(e.at("/timeZone").asText()).isEqualTo("/W. Europe Standard Time");
        JsonNode tz = e.at("/timeZones/~1W. Europe Standard Time");
        assertThat(tz.at("/tzId").asText()).isEqualTo("W. Europe Standard Time");
        assertThat(tz.at("/daylight/0/offsetTo").asText()).isEqualTo("+0200");
        assertThat(tz.at("/standard/0/recurrenceRules/0/byMonth/0").asText()).isEqualTo("10");
        assertThat(e.at("/duration").asText()).isEqualTo("PT1H30M");
        assertThat(e.at("/iCalParams/summary/language").asText()).isEqualTo("de-DE");
        String written = ICalCodec.encode(p);
        assertThat(written).contains("TZID:W. Europe Standard Time").contains("DTSTART;TZID=W. Europe Standard Time:20240711T140000")
                .contains("DTEND;TZID=W. Europe Standard Time:20240711T153000").contains("X-MICROSOFT-CDO-BUSYSTATUS:TENTATIVE");
        var rules = ICalZones.customRules(ICalWriting.componentText(TimeZones.encode("/W. Europe Standard Time", tz))).orElseThrow();
        assertThat(ICalZones.toInstant(java.time.LocalDateTime.parse("2024-07-11T14:00:00"), rules))
                .isEqualTo(java.time.Instant.parse("2024-07-11T12:00:00Z"));
    }

    @Test
    void outlookRecurringSeriesComputesDurationsAcrossItsOwnZone() throws Exception {
        JsonNode e = decode("ical/outlook-recurring-windows-tz.ics").json();
        assertThat(e.at("/timeZone").asText()).isEqualTo("/Eastern Standard Time");
        assertThat(e.at("/recurrenceOverrides/2024-03-13T16:00:00/excluded").asBoolean()).isTrue();
        assertThat(e.at("/recurrenceOverrides/2024-05-08T16:00:00/start").asText()).isEqualTo("2024-05-15T10:30:00");
    }

    @Test
    void mozillaPrefixedTzidBecomesTheIanaZone() throws Exception {
        Payload p = decode("ical/lightning-mozilla-tzid.ics");
        assertThat(p.json().at("/timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(p.json().has("timeZones")).isFalse();
        assertThat(ICalCodec.encode(p)).contains("TZID:Europe/Berlin").contains("DTSTART;TZID=Europe/Berlin:20090513T193000");
    }

    @Test
    void ianaZonesAreWrittenWithTheirVTimezone() throws Exception {
        for (Payload p : ICalCodec.decodeAll(Corpus.read("ical/multi-uid-export.ics"))) {
            String text = ICalCodec.encode(p);
            if (p.uid().orElseThrow().equals("export-1-dentist")) {
                assertThat(text).contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin").contains("TZOFFSETTO:+0200");
                assertThat(p.json().at("/duration").asText()).isEqualTo("PT45M");
            }
            if (p.uid().orElseThrow().equals("export-2-flight")) {
                // the arrival is in another zone: DTEND stays as written, with its own VTIMEZONE
                assertThat(text).contains("DTEND;TZID=America/New_York:20240322T093500").contains("TZID:Europe/Berlin");
            }
        }
    }

    @Test
    void allDayFloatingAndUtcTimesKeepTheirKind() throws Exception {
        JsonNode allDay = decode("ical/apple-icloud-allday.ics").json();
        assertThat(allDay.at("/showWithoutTime").asBoolean()).isTrue();
        assertThat(allDay.at("/duration").asText()).isEqualTo("P2D");
        assertThat(allDay.has("timeZone")).isFalse();
        JsonNode floating = decode("ical/floating-times.ics").json();
        assertThat(floating.has("timeZone")).isFalse();
        assertThat(floating.at("/recurrenceRules/0/interval").asInt()).isEqualTo(2);
        Payload utc = decode("ical/utc-with-duration.ics");
        assertThat(utc.json().at("/timeZone").asText()).isEqualTo("Etc/UTC");
        assertThat(utc.json().at("/duration").asText()).isEqualTo("PT1H30M");
        assertThat(utc.json().at("/alerts/a1/trigger/when").asText()).isEqualTo("2024-02-20T14:00:00Z");
        assertThat(ICalCodec.encode(utc)).contains("DTSTART:20240220T150000Z").contains("DTEND:20240220T163000Z")
                .doesNotContain("BEGIN:VTIMEZONE");
        assertThat(ICalCodec.encode(decode("ical/apple-icloud-allday.ics"))).contains("DTSTART;VALUE=DATE:20240425")
                .contains("DTEND;VALUE=DATE:20240427");
    }

    @Test
    void tasksKeepDueProgressAndCompletion() throws Exception {
        Payload t = decode("ical/thunderbird-lightning-task.ics");
        assertThat(t.type()).isEqualTo(ItemType.TASK);
        assertThat(t.json().at("/due").asText()).isEqualTo("2024-07-31T23:59:00");
        assertThat(t.json().at("/progress").asText()).isEqualTo("in-process");
        assertThat(t.json().at("/percentComplete").asInt()).isEqualTo(40);
        assertThat(t.json().at("/alerts/a1/trigger/relativeTo").asText()).isEqualTo("end");
        Payload done = decode("ical/nextcloud-task-completed.ics");
        assertThat(done.json().at("/progress").asText()).isEqualTo("completed");
        assertThat(done.json().at("/progressUpdated").asText()).isEqualTo("2024-03-05T16:45:00Z");
        assertThat(done.json().at("/due").asText()).isEqualTo("2024-03-15T00:00:00");
        assertThat(done.json().at("/showWithoutTime").asBoolean()).isTrue();
        assertThat(ICalCodec.encode(done)).contains("BEGIN:VTODO").contains("COMPLETED:20240305T164500Z").contains("DUE;VALUE=DATE:20240315");
    }

    @Test
    void journalsBecomeNotes() throws Exception {
        Payload n = decode("ical/journal-notes.ics");
        assertThat(n.type()).isEqualTo(ItemType.NOTE);
        assertThat(n.json().at("/privacy").asText()).isEqualTo("secret");
        assertThat(n.json().at("/status").asText()).isEqualTo("final");
        assertThat(ICalCodec.encode(n)).contains("BEGIN:VJOURNAL").contains("Second description block");
    }

    @Test
    void anInstanceSharedWithoutItsSeriesKeepsItsRecurrenceId() throws Exception {
        Payload p = decode("ical/orphan-instance-only.ics");
        assertThat(p.json().at("/recurrenceId").asText()).isEqualTo("2024-06-12T10:00:00");
        assertThat(p.json().at("/participants/p3/roles/informational").asBoolean()).isTrue();
        assertThat(ICalCodec.encode(p)).contains("RECURRENCE-ID;TZID=Europe/Berlin:20240612T100000");
    }

    @Test
    void rdatesBecomeEmptyOverridesAndComeBackAsRdates() throws Exception {
        Payload p = decode("ical/rdate-and-monthly-until.ics");
        assertThat(p.json().at("/recurrenceOverrides/2024-06-25T18:00:00").isEmpty()).isTrue();
        assertThat(ICalCodec.encode(p)).contains("RDATE;TZID=America/New_York:20240625T180000")
                .contains("EXDATE;TZID=America/New_York:20240709T180000").contains("UNTIL=20241231T230000Z");
    }

    @Test
    void anExportSplitsByUidInOrder() throws Exception {
        List<Payload> all = ICalCodec.decodeAll(Corpus.read("ical/multi-uid-export.ics"));
        assertThat(all).extracting(Payload::type).containsExactly(ItemType.EVENT, ItemType.EVENT, ItemType.TASK, ItemType.NOTE, ItemType.EVENT);
    }
}
