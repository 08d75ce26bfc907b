package org.concord.codec;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.ZoneRulesBuilder;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * Time zones: which TZIDs are IANA zones (kept by name, their VTIMEZONE regenerated from the
 * zoneinfo bundled with ical4j), which are custom (Outlook's "W. Europe Standard Time", kept with
 * their own definition), and the rules to compute instants with either. Never touches the network
 * (see ical4j.properties).
 */
final class ICalZones {

    static final String UTC = "Etc/UTC";
    private static final Set<String> UTC_NAMES = Set.of("UTC", "Etc/UTC", "Etc/Universal", "Etc/Zulu", "Universal", "Zulu", "Z");

    private static final Set<String> IANA = ZoneId.getAvailableZoneIds();
    private static final Map<String, String> VTIMEZONE_TEXT = new ConcurrentHashMap<>();
    private static final Map<String, Optional<ZoneRules>> CUSTOM_RULES = new ConcurrentHashMap<>();
    private static volatile TimeZoneRegistry registry;

    private ICalZones() {
    }

    /**
     * The canonical name of a TZID: an IANA id (prefixes such as {@code /mozilla.org/…/} removed,
     * UTC spellings unified), or null when the TZID is not an IANA zone.
     */
    static String iana(String tzid) {
        if (tzid == null) {
            return null;
        }
        String t = tzid.trim();
        if (UTC_NAMES.contains(t)) {
            return UTC;
        }
        if (IANA.contains(t)) {
            return t;
        }
        int slash = t.indexOf('/');
        while (slash >= 0 && slash < t.length() - 1) {
            String rest = t.substring(slash + 1);
            if (rest.contains("/") && IANA.contains(rest)) {
                return rest;
            }
            slash = t.indexOf('/', slash + 1);
        }
        return null;
    }

    /** Rules of an IANA zone, from the JDK's tzdb. */
    static ZoneRules ianaRules(String id) {
        return ZoneId.of(id).getRules();
    }

    /** Rules of a custom VTIMEZONE (its text), built by ical4j; empty if ical4j cannot read it. */
    static Optional<ZoneRules> customRules(String vtimezoneText) {
        return CUSTOM_RULES.computeIfAbsent(vtimezoneText, text -> {
            try {
                String cal = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Concord//zone//EN\r\n" + text + "END:VCALENDAR\r\n";
                Calendar calendar = new CalendarBuilder().build(new StringReader(cal));
                VTimeZone vtz = (VTimeZone) calendar.getComponent(Component.VTIMEZONE).orElse(null);
                return vtz == null ? Optional.empty() : Optional.of(new ZoneRulesBuilder().vTimeZone(vtz).build());
            } catch (Exception e) {
                return Optional.empty();
            }
        });
    }

    /** The VTIMEZONE text ical4j has for an IANA zone, TZID as given; null if it has none. */
    static String vtimezone(String id) {
        if (UTC.equals(id)) {
            return null;
        }
        String text = VTIMEZONE_TEXT.computeIfAbsent(id, z -> {
            try {
                TimeZone tz = registry().getTimeZone(z);
                return tz == null ? "" : tz.getVTimeZone().toString();
            } catch (RuntimeException e) {
                return "";
            }
        });
        return text.isEmpty() ? null : text;
    }

    private static TimeZoneRegistry registry() {
        TimeZoneRegistry r = registry;
        if (r == null) {
            synchronized (ICalZones.class) {
                if (registry == null) {
                    registry = TimeZoneRegistryFactory.getInstance().createRegistry();
                }
                r = registry;
            }
        }
        return r;
    }

    /** Local time → instant under the rules (the earlier offset in an overlap, shifted forward in a gap). */
    static Instant toInstant(LocalDateTime local, ZoneRules rules) {
        var offsets = rules.getValidOffsets(local);
        if (!offsets.isEmpty()) {
            return local.toInstant(offsets.get(0));
        }
        var transition = rules.getTransition(local);
        return local.plus(transition.getDuration()).toInstant(transition.getOffsetAfter());
    }

    static LocalDateTime toLocal(Instant instant, ZoneRules rules) {
        ZoneOffset offset = rules.getOffset(instant);
        return LocalDateTime.ofInstant(instant, offset);
    }
}
