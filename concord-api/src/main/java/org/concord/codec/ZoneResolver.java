package org.concord.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The time zones of one VCALENDAR: resolves a TZID to its canonical JSCalendar name and rules,
 * and remembers which custom zones (with their definitions) an object uses.
 */
final class ZoneResolver {

    /** A resolved zone: the JSCalendar {@code timeZone} value, and rules when known. */
    record Zone(String id, ZoneRules rules) {
        boolean isUtc() {
            return ICalZones.UTC.equals(id);
        }
    }

    static final Zone UTC = new Zone(ICalZones.UTC, ZoneOffset.UTC.getRules());

    private final Map<String, RawComponent> vtimezones;
    private final Map<String, Zone> resolved = new LinkedHashMap<>();
    private final Map<String, ObjectNode> used = new LinkedHashMap<>();

    ZoneResolver(Map<String, RawComponent> vtimezones) {
        this.vtimezones = vtimezones;
    }

    Zone resolve(String tzid) {
        String iana = ICalZones.iana(tzid);
        if (iana != null) {
            return iana.equals(ICalZones.UTC) ? UTC : resolved.computeIfAbsent(iana, z -> new Zone(z, ICalZones.ianaRules(z)));
        }
        String id = "/" + tzid;
        RawComponent definition = vtimezones.get(tzid);
        if (definition != null) {
            used.computeIfAbsent(id, k -> TimeZones.decode(definition));
        }
        return resolved.computeIfAbsent(id, k -> new Zone(k, definition == null ? null
                : ICalZones.customRules(ICalWriting.componentText(definition)).orElse(null)));
    }

    /** Custom zone definitions resolved since the last call, keyed by their "/"-prefixed id. */
    Map<String, ObjectNode> takeUsed() {
        Map<String, ObjectNode> copy = new LinkedHashMap<>(used);
        used.clear();
        return copy;
    }

    /** Converts a local time between zones; without rules on either side the wall time is kept. */
    static LocalDateTime convert(LocalDateTime local, Zone from, Zone to) {
        if (from == null || to == null || from.id().equals(to.id()) || from.rules() == null || to.rules() == null) {
            return local;
        }
        Instant instant = ICalZones.toInstant(local, from.rules());
        return ICalZones.toLocal(instant, to.rules());
    }
}
