package org.concord.connector.jdbc.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one column's value becomes a canonical JSON value and back. A read gets the value as the
 * JDBC driver returned it (never null) and may set companion properties on the payload (an event's
 * {@code timeZone}, {@code showWithoutTime}); a write returns a plain Java value that the writer
 * coerces to the column's SQL type.
 */
public sealed interface Conversion {

    JsonNode read(Object db, ObjectNode payload) throws ConversionException;

    Object write(JsonNode value, ObjectNode payload) throws ConversionException;

    /** The config word for this conversion. */
    String code();

    /** Text as it is; an empty string counts as no value. */
    record Text() implements Conversion {
        @Override
        public JsonNode read(Object db, ObjectNode payload) {
            String s = db instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.UTF_8) : db.toString();
            return s.isEmpty() ? null : TextNode.valueOf(s);
        }

        @Override
        public Object write(JsonNode value, ObjectNode payload) throws ConversionException {
            if (value.isContainerNode()) {
                throw new ConversionException("expected a text value, found a JSON " + value.getNodeType().name().toLowerCase(Locale.ROOT));
            }
            return value.asText();
        }

        @Override
        public String code() {
            return "text";
        }
    }

    /** Whole numbers (a priority, a percentage). */
    record Whole() implements Conversion {
        @Override
        public JsonNode read(Object db, ObjectNode payload) throws ConversionException {
            if (db instanceof Number n) {
                return LongNode.valueOf(n.longValue()).canConvertToInt() ? IntNode.valueOf(n.intValue()) : LongNode.valueOf(n.longValue());
            }
            String s = db.toString().trim();
            if (s.isEmpty()) {
                return null;
            }
            try {
                long v = new BigDecimal(s).longValueExact();
                return v == (int) v ? IntNode.valueOf((int) v) : LongNode.valueOf(v);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new ConversionException("'" + s + "' is not a whole number");
            }
        }

        @Override
        public Object write(JsonNode value, ObjectNode payload) throws ConversionException {
            if (value.isIntegralNumber()) {
                return value.asLong();
            }
            if (value.isTextual()) {
                try {
                    return Long.parseLong(value.asText().trim());
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            throw new ConversionException("expected a whole number, found " + value);
        }

        @Override
        public String code() {
            return "integer";
        }
    }

    /**
     * A flag. {@code trueValue}/{@code falseValue} are what the column holds ("Y"/"N", 1/0); when
     * absent the column's own boolean (or 1/0) is used.
     */
    record Bool(Optional<String> trueValue, Optional<String> falseValue) implements Conversion {
        @Override
        public JsonNode read(Object db, ObjectNode payload) throws ConversionException {
            if (db instanceof Boolean b) {
                return BooleanNode.valueOf(b);
            }
            if (db instanceof Number n) {
                return BooleanNode.valueOf(n.doubleValue() != 0);
            }
            String s = db.toString().trim();
            if (trueValue.isPresent() && s.equalsIgnoreCase(trueValue.get())) {
                return BooleanNode.TRUE;
            }
            if (falseValue.isPresent() && s.equalsIgnoreCase(falseValue.get())) {
                return BooleanNode.FALSE;
            }
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "1", "true", "t", "y", "yes", "on" -> BooleanNode.TRUE;
                case "0", "false", "f", "n", "no", "off" -> BooleanNode.FALSE;
                case "" -> null;
                default -> throw new ConversionException("'" + s + "' is neither true nor false");
            };
        }

        @Override
        public Object write(JsonNode value, ObjectNode payload) throws ConversionException {
            boolean b;
            if (value.isBoolean()) {
                b = value.booleanValue();
            } else {
                JsonNode parsed = read(value.isNumber() ? value.numberValue() : value.asText(), payload);
                if (parsed == null) {
                    return null;
                }
                b = parsed.booleanValue();
            }
            Optional<String> configured = b ? trueValue : falseValue;
            return configured.<Object>map(v -> v).orElse(b);
        }

        @Override
        public String code() {
            return "boolean";
        }
    }

    /**
     * A closed set of values, e.g. a CRM status ↔ JSCalendar {@code progress}. Several column values
     * may map to one canonical value; writing picks the first of them.
     */
    record Enumeration(Map<String, String> values, Optional<String> readDefault, Optional<String> writeDefault)
            implements Conversion {
        public Enumeration {
            values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        }

        @Override
        public JsonNode read(Object db, ObjectNode payload) throws ConversionException {
            String s = db.toString();
            String canonical = values.get(s);
            if (canonical == null) {
                for (Map.Entry<String, String> e : values.entrySet()) {
                    if (e.getKey().equalsIgnoreCase(s.trim())) {
                        canonical = e.getValue();
                        break;
                    }
                }
            }
            if (canonical == null) {
                if (s.isEmpty()) {
                    return null;
                }
                canonical = readDefault.orElseThrow(() -> new ConversionException(
                        "'" + s + "' is not one of " + String.join(", ", values.keySet())));
            }
            return canonical.matches("-?\\d{1,9}") ? IntNode.valueOf(Integer.parseInt(canonical)) : TextNode.valueOf(canonical);
        }

        @Override
        public Object write(JsonNode value, ObjectNode payload) throws ConversionException {
            String canonical = value.asText();
            for (Map.Entry<String, String> e : values.entrySet()) {
                if (e.getValue().equals(canonical)) {
                    return e.getKey();
                }
            }
            return writeDefault.orElseThrow(() -> new ConversionException(
                    "'" + canonical + "' has no column value; known: " + String.join(", ", new java.util.LinkedHashSet<>(values.values()))));
        }

        @Override
        public String code() {
            return "enum";
        }
    }

    /**
     * A date-time column holding local time of {@code dbZone} (or an offset, for
     * {@code timestamp with time zone}). It becomes a UTC date-time ({@code utc}: for
     * {@code updated}, {@code created}) or a JSCalendar local date-time in {@code displayZone}, in
     * which case the payload's {@code timeZone} is set; a write converts from the payload's own
     * {@code timeZone}, so an event made in Berlin lands in the database at the right instant.
     */
    record Timestamp(ZoneId dbZone, ZoneId displayZone, boolean utc) implements Conversion {
        static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

        @Override
        public JsonNode read(Object db, ObjectNode payload) throws ConversionException {
            Instant instant = SqlTemporal.toInstant(db, dbZone);
            if (instant == null) {
                return null;
            }
            if (utc) {
                return TextNode.valueOf(DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS)));
            }
            ZoneId zone = payloadZone(payload).orElse(displayZone);
            if (!payload.has("timeZone")) {
                payload.put("timeZone", zone.getId());
            }
            return TextNode.valueOf(LOCAL.format(instant.atZone(zone).toLocalDateTime()));
        }

        @Override
        public Object write(JsonNode value, ObjectNode payload) throws ConversionException {
            String s = value.asText().trim();
            Instant instant;
            try {
                if (s.endsWith("Z") || OFFSET.matcher(s).find()) {
                    instant = OffsetDateTime.parse(s.endsWith("Z") ? s.substring(0, s.length() - 1) + "+00:00" : s).toInstant();
                } else {
                    ZoneId zone = payloadZone(payload).orElse(displayZone);
                    instant = LocalDateTime.parse(s).atZone(zone).toInstant();
                }
            } catch (DateTimeException e) {
                throw new ConversionException("'" + s + "' is not a date-time");
            }
            return LocalDateTime.ofInstant(instant, dbZone);
        }

        @Override
        public String code() {
            return "timestamp";
        }

        static final Pattern OFFSET = Pattern.compile("T.*[+-]\\d{2}:?\\d{2}$");

        private static Optional<ZoneId> payloadZone(ObjectNode payload) {
            JsonNode tz = payload.get("timeZone");
            if (tz == null || !tz.isTextual()) {
                return Optional.empty();
            }
            try {
                return Optional.of(ZoneId.of(tz.asText()));
            } catch (DateTimeException e) {
                return Optional.empty();
            }
        }
    }

    /**
     * A date column. For a contact it becomes a JSContact PartialDate (a birthday); for an event or
     * task a local date-time at midnight with {@code showWithoutTime}, JSCalendar's all-day form.
     */
    record Date(boolean partialDate) implements Conversion {
        @Override
        public JsonNode read(Object db, ObjectNode payload) throws ConversionException {
            LocalDate date = SqlTemporal.toDate(db);
            if (date == null) {
                return null;
            }
            if (partialDate) {
                ObjectNode d = JsonNodeFactory.instance.objectNode();
                d.put("@type", "PartialDate");
                d.put("year", date.getYear());
                d.put("month", date.getMonthValue());
                d.put("day", date.getDayOfMonth());
                return d;
            }
            payload.put("showWithoutTime", true);
            return TextNode.valueOf(Timestamp.LOCAL.format(date.atStartOfDay()));
        }

        @Override
        public Object write(JsonNode value, ObjectNode payload) throws ConversionException {
            if (value.isObject()) {
                if (!value.path("year").isInt() || !value.path("month").isInt() || !value.path("day").isInt()) {
                    throw new ConversionException("a date without year, month or day cannot be stored in a date column");
                }
                try {
                    return LocalDate.of(value.get("year").asInt(), value.get("month").asInt(), value.get("day").asInt());
                } catch (DateTimeException e) {
                    throw new ConversionException(value + " is not a valid date");
                }
            }
            String s = value.asText().trim();
            try {
                return s.length() > 10 ? LocalDateTime.parse(s.endsWith("Z") ? s.substring(0, s.length() - 1) : s).toLocalDate() : LocalDate.parse(s);
            } catch (DateTimeException e) {
                throw new ConversionException("'" + s + "' is not a date");
            }
        }

        @Override
        public String code() {
            return "date";
        }
    }
}
