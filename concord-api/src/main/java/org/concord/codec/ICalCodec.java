package org.concord.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.concord.model.Payload;

/**
 * iCalendar ↔ {@link org.concord.model.Event} (VEVENT), {@link org.concord.model.Task} (VTODO) and
 * {@link org.concord.model.Note} (VJOURNAL), as JSCalendar objects (RFC 8984).
 *
 * <p>All components with one UID (the master and its RECURRENCE-ID overrides) make one object.
 * Time zones: IANA TZIDs are kept by name and their VTIMEZONE is written from the zoneinfo bundled
 * with ical4j; other TZIDs (Outlook's Windows names) are kept with their own definition in
 * {@code timeZones}. Nothing is fetched from the network. Reading is lenient: a property that
 * cannot be mapped is carried in {@code iCalProps} and written back as it was.
 */
public final class ICalCodec {

    private ICalCodec() {
    }

    /** One object: every component of the text must share one UID. */
    public static Payload decode(String text) throws CodecException {
        List<Payload> all = decodeAll(text);
        if (all.size() != 1) {
            List<String> uids = all.stream().map(p -> p.uid().orElse("(no UID)")).limit(5).toList();
            throw new CodecException("iCalendar: expected one object (one UID), found " + all.size() + ": " + uids);
        }
        return all.get(0);
    }

    /** Every object of a .ics file (import), grouped by UID, in the order they first appear. */
    public static List<Payload> decodeAll(String text) throws CodecException {
        List<Payload> payloads = new ArrayList<>();
        for (RawComponent calendar : ICalReading.read(text)) {
            payloads.addAll(CalendarDecoder.decode(calendar));
        }
        if (payloads.isEmpty()) {
            throw new CodecException("iCalendar: the VCALENDAR holds no VEVENT, VTODO or VJOURNAL");
        }
        return payloads;
    }

    /** A VCALENDAR with the object, its overridden instances and the VTIMEZONEs they use. */
    public static String encode(Payload payload) {
        Objects.requireNonNull(payload, "payload");
        return CalendarEncoder.encode(payload);
    }
}
