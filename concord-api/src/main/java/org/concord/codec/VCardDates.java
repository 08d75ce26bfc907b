package org.concord.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * vCard dates (BDAY, ANNIVERSARY, DEATHDATE, REV) to and from JSContact PartialDate / Timestamp.
 * Only forms that map without loss are mapped; anything else stays a carried property.
 */
final class VCardDates {

    private static final Pattern FULL = Pattern.compile("(\\d{4})-?(\\d{2})-?(\\d{2})");
    private static final Pattern NO_YEAR = Pattern.compile("--(\\d{2})-?(\\d{2})");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern UTC = Pattern.compile(
            "(\\d{4})-?(\\d{2})-?(\\d{2})T(\\d{2}):?(\\d{2}):?(\\d{2})(\\.\\d{1,9})?Z");

    private static final DateTimeFormatter BASIC_UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'");
    private static final DateTimeFormatter EXTENDED_UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'");

    private VCardDates() {
    }

    /** A PartialDate or Timestamp object, or null when the value has another form. */
    static ObjectNode parse(String raw) {
        String v = raw.trim();
        Matcher m;
        if ((m = FULL.matcher(v)).matches()) {
            return partial(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        if ((m = NO_YEAR.matcher(v)).matches()) {
            return partial(null, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = YEAR_MONTH.matcher(v)).matches()) {
            return partial(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), null);
        }
        if ((m = YEAR.matcher(v)).matches()) {
            return partial(Integer.parseInt(m.group(1)), null, null);
        }
        Instant instant = parseUtc(v);
        if (instant != null) {
            ObjectNode ts = Json.object();
            ts.put("@type", "Timestamp");
            ts.put("utc", instant.toString());
            return ts;
        }
        return null;
    }

    private static ObjectNode partial(Integer year, Integer month, Integer day) {
        if ((month != null && (month < 1 || month > 12)) || (day != null && (day < 1 || day > 31))) {
            return null;
        }
        ObjectNode d = Json.object();
        d.put("@type", "PartialDate");
        if (year != null) {
            d.put("year", year);
        }
        if (month != null) {
            d.put("month", month);
        }
        if (day != null) {
            d.put("day", day);
        }
        return d;
    }

    /** A UTC date-time in basic or extended form, fractions kept; null otherwise. */
    static Instant parseUtc(String v) {
        Matcher m = UTC.matcher(v.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                    Integer.parseInt(m.group(6)));
            if (m.group(7) != null) {
                String frac = (m.group(7).substring(1) + "000000000").substring(0, 9);
                t = t.withNano(Integer.parseInt(frac));
            }
            return t.toInstant(ZoneOffset.UTC);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** Writes a PartialDate / Timestamp in the form the version expects; null if the object is unusable. */
    static String format(JsonNode date, VCardVersion version) {
        if (date == null || !date.isObject()) {
            return null;
        }
        if (date.has("utc")) {
            try {
                Instant instant = Instant.parse(date.get("utc").asText());
                return formatUtc(instant, version);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        Integer year = date.hasNonNull("year") ? date.get("year").asInt() : null;
        Integer month = date.hasNonNull("month") ? date.get("month").asInt() : null;
        Integer day = date.hasNonNull("day") ? date.get("day").asInt() : null;
        boolean extended = version != VCardVersion.V4_0;
        if (year != null && month != null && day != null) {
            return extended ? String.format("%04d-%02d-%02d", year, month, day) : String.format("%04d%02d%02d", year, month, day);
        }
        if (year == null && month != null && day != null) {
            return extended ? String.format("--%02d-%02d", month, day) : String.format("--%02d%02d", month, day);
        }
        if (year != null && month != null) {
            return String.format("%04d-%02d", year, month);
        }
        if (year != null && day == null) {
            return String.format("%04d", year);
        }
        return null;
    }

    static String formatUtc(Instant instant, VCardVersion version) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        String base = (version == VCardVersion.V4_0 ? BASIC_UTC : EXTENDED_UTC).format(t.withNano(0));
        if (t.getNano() == 0) {
            return base;
        }
        String frac = String.format("%09d", t.getNano()).replaceAll("0+$", "");
        return base.substring(0, base.length() - 1) + "." + frac + "Z";
    }
}
