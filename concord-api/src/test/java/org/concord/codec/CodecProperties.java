package org.concord.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.concord.model.Contact;
import org.concord.model.Event;
import org.concord.model.Payload;

/** Random contacts and events survive encode → decode unchanged, in every vCard version. */
class CodecProperties {

    private static final List<String> TOKENS = List.of("a", "b", "Zed", "x7", " ", " ", ",", ";", ":", ".", "-", "'", "!",
            "?", "@", "#", "(", ")", "&", "/", "=", "Ω", "ß", "Ä", "ö", "é", "中文", "😀", "🎉", "\n", "Müller", "O'Neil");

    @Property(tries = 150)
    void randomContactsSurviveEveryVersion(@ForAll("contacts") ObjectNode card) throws Exception {
        Contact contact = new Contact(card);
        for (VCardVersion version : VCardVersion.values()) {
            String text = VCardCodec.encode(contact, version);
            Contact again = VCardCodec.decode(text);
            assertThat(again.json()).as("vCard %s:%n%s", version.code(), text).isEqualTo(contact.json());
        }
    }

    @Property(tries = 150)
    void randomEventsSurviveICalendar(@ForAll("events") ObjectNode json) throws Exception {
        Payload event = new Event(json);
        String text = ICalCodec.encode(event);
        Payload again = ICalCodec.decode(text);
        assertThat(again.json()).as("iCalendar:%n%s", text).isEqualTo(event.json());
        assertThat(again.contentHash()).isEqualTo(event.contentHash());
    }

    private static Arbitrary<String> text() {
        return Arbitraries.of(TOKENS).list().ofMinSize(1).ofMaxSize(20).map(l -> String.join("", l).strip())
                .filter(s -> !s.isEmpty());
    }

    private static Arbitrary<String> word() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars("ßΩ中".toCharArray()).ofMinLength(2).ofMaxLength(12);
    }

    @Provide
    Arbitrary<ObjectNode> contacts() {
        Arbitrary<ObjectNode> emails = Combinators.combine(word(), word(), Arbitraries.of("", "work", "private"),
                Arbitraries.integers().between(0, 3)).as((user, domain, ctx, pref) -> {
                    ObjectNode e = Json.object();
                    e.put("address", user + "@" + domain + ".example");
                    if (!ctx.isEmpty()) {
                        e.putObject("contexts").put(ctx, true);
                    }
                    if (pref > 0) {
                        e.put("pref", pref);
                    }
                    return e;
                });
        Arbitrary<ObjectNode> phones = Combinators.combine(Arbitraries.strings().withChars("0123456789 +-").ofMinLength(3).ofMaxLength(15)
                        .map(String::strip).filter(s -> !s.isEmpty()),
                Arbitraries.subsetOf("voice", "mobile", "fax", "text")).as((number, features) -> {
                    ObjectNode p = Json.object();
                    p.put("number", number);
                    if (!features.isEmpty()) {
                        ObjectNode f = p.putObject("features");
                        List.of("voice", "mobile", "fax", "text").stream().filter(features::contains).forEach(x -> f.put(x, true));
                    }
                    return p;
                });
        Arbitrary<ObjectNode> name = Combinators.combine(text(), text().map(s -> s.replace("\n", " ")), text().map(s -> s.replace("\n", " ")))
                .as((full, surname, given) -> {
                    ObjectNode n = Json.object();
                    n.put("full", full.replace("\n", " "));
                    ArrayNode c = n.putArray("components");
                    c.addObject().put("kind", "surname").put("value", surname);
                    c.addObject().put("kind", "given").put("value", given);
                    return n;
                });
        Arbitrary<ObjectNode> birthday = Combinators.combine(Arbitraries.integers().between(1900, 2020).injectNull(0.3),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 28)).as((y, m, d) -> {
                    ObjectNode a = Json.object();
                    a.put("kind", "birth");
                    ObjectNode date = a.putObject("date");
                    date.put("@type", "PartialDate");
                    if (y != null) {
                        date.put("year", y);
                    }
                    date.put("month", m);
                    date.put("day", d);
                    return a;
                });
        return Combinators.combine(name, emails.list().ofMaxSize(3), phones.list().ofMaxSize(3), text(),
                        word().list().ofMaxSize(3), birthday.injectNull(0.5), text().map(s -> s.replace("\n", " ")).injectNull(0.5),
                        word().injectNull(0.5))
                .as((n, es, ps, note, keywords, bday, org, x) -> {
                    ObjectNode c = Json.object();
                    c.put("@type", "Card");
                    c.put("version", "1.0");
                    c.put("uid", "urn:uuid:" + Integer.toHexString(note.hashCode()));
                    c.set("name", n);
                    put(c, "emails", "e", es);
                    put(c, "phones", "p", ps);
                    c.putObject("notes").putObject("n1").put("note", note);
                    if (!keywords.isEmpty()) {
                        ObjectNode k = c.putObject("keywords");
                        keywords.forEach(w -> k.put(w, true));
                    }
                    if (bday != null) {
                        c.putObject("anniversaries").set("d1", bday);
                    }
                    if (org != null) {
                        ObjectNode o = c.putObject("organizations").putObject("o1");
                        o.put("name", org);
                        o.putArray("units").addObject().put("name", "Unit " + org.length());
                    }
                    if (x != null) {
                        c.putArray("vCardProps").addArray().add("x-random").add(Json.object()).add("unknown").add(x);
                    }
                    return c;
                });
    }

    private static void put(ObjectNode c, String map, String prefix, List<ObjectNode> entries) {
        if (entries.isEmpty()) {
            return;
        }
        ObjectNode m = c.putObject(map);
        for (int i = 0; i < entries.size(); i++) {
            m.set(prefix + (i + 1), entries.get(i));
        }
    }

    @Provide
    Arbitrary<ObjectNode> events() {
        Arbitrary<LocalDateTime> starts = Combinators.combine(Arbitraries.integers().between(2000, 2035),
                Arbitraries.integers().between(1, 12), Arbitraries.integers().between(1, 28),
                Arbitraries.integers().between(8, 20), Arbitraries.of(0, 15, 30, 45))
                .as((y, mo, d, h, mi) -> LocalDateTime.of(y, mo, d, h, mi));
        Arbitrary<String> zones = Arbitraries.of("Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney",
                "Etc/UTC", "floating", "all-day");
        Arbitrary<ObjectNode> rules = Arbitraries.of("none", "weekly", "daily-until", "monthly").map(kind -> {
            ObjectNode r = Json.object();
            r.put("@type", "RecurrenceRule");
            switch (kind) {
                case "weekly" -> {
                    r.put("frequency", "weekly");
                    ArrayNode days = r.putArray("byDay");
                    days.addObject().put("day", "mo");
                    days.addObject().put("day", "we");
                    r.put("count", 10);
                }
                case "daily-until" -> {
                    r.put("frequency", "daily");
                    r.put("interval", 2);
                    r.put("until", "UNTIL");
                }
                case "monthly" -> {
                    r.put("frequency", "monthly");
                    r.putArray("byDay").addObject().put("day", "fr").put("nthOfPeriod", -1);
                }
                default -> {
                    return null;
                }
            }
            return r;
        });
        return Combinators.combine(starts, zones, Arbitraries.integers().between(1, 40), text(), text().injectNull(0.4), rules,
                        Arbitraries.integers().between(0, 120), word().list().ofMaxSize(3))
                .as((start, zone, len, title, description, rule, alarm, keywords) -> {
                    ObjectNode e = Json.object();
                    e.put("@type", "Event");
                    e.put("uid", "ev-" + Integer.toHexString(title.hashCode()) + "-" + start.getYear());
                    e.put("prodId", "-//Concord//Property test//EN");
                    e.put("title", title);
                    if (description != null) {
                        e.put("description", description);
                    }
                    boolean allDay = zone.equals("all-day");
                    LocalDateTime s = allDay ? start.toLocalDate().atStartOfDay() : start;
                    e.put("start", ICalTime.local(s));
                    if (allDay) {
                        e.put("showWithoutTime", true);
                        e.put("duration", "P" + (1 + len % 5) + "D");
                    } else {
                        if (!zone.equals("floating")) {
                            e.put("timeZone", zone);
                        }
                        e.put("duration", ICalTime.formatDuration(java.time.Duration.ofMinutes(15L * len)));
                    }
                    if (rule != null) {
                        if (rule.has("until")) {
                            rule.put("until", ICalTime.local(s.plusDays(30)));
                        }
                        e.putArray("recurrenceRules").add(rule);
                    }
                    if (alarm > 0) {
                        ObjectNode a = e.putObject("alerts").putObject("a1");
                        a.put("@type", "Alert");
                        a.put("action", "display");
                        ObjectNode t = a.putObject("trigger");
                        t.put("@type", "OffsetTrigger");
                        t.put("offset", ICalTime.formatDuration(java.time.Duration.ofMinutes(-alarm)));
                    }
                    ObjectNode parts = e.putObject("participants");
                    ObjectNode org = parts.putObject("p1");
                    org.put("@type", "Participant");
                    org.put("name", title.replace("\n", " "));
                    org.putObject("sendTo").put("imip", "mailto:organizer@example.org");
                    org.putObject("roles").put("owner", true);
                    ObjectNode att = parts.putObject("p2");
                    att.put("@type", "Participant");
                    att.putObject("sendTo").put("imip", "mailto:guest@example.org");
                    att.putObject("roles").put("attendee", true);
                    att.put("participationStatus", "accepted");
                    if (!keywords.isEmpty()) {
                        ObjectNode k = e.putObject("keywords");
                        keywords.forEach(w -> k.put(w, true));
                    }
                    return e;
                });
    }
}
