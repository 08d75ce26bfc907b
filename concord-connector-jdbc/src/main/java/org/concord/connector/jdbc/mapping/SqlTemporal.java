package org.concord.connector.jdbc.mapping;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what drivers give for date and date-time columns: temporal objects, or their SQL text. */
final class SqlTemporal {
    private SqlTemporal() {}

    private static final Pattern SQL_TIMESTAMP = Pattern.compile(
            "(\\d{4})-(\\d{2})-(\\d{2})(?:[ T](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?)?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?)?");

    /** Reads what a driver gives for a date-time column: a temporal object or its SQL text. */
    static Instant toInstant(Object db, ZoneId dbZone) throws ConversionException {
        return switch (db) {
            case java.sql.Timestamp t -> t.toLocalDateTime().atZone(dbZone).toInstant();
            case LocalDateTime t -> t.atZone(dbZone).toInstant();
            case OffsetDateTime t -> t.toInstant();
            case Instant t -> t;
            case LocalDate d -> d.atStartOfDay(dbZone).toInstant();
            case java.sql.Date d -> d.toLocalDate().atStartOfDay(dbZone).toInstant();
            default -> {
                String s = db.toString().trim();
                if (s.isEmpty()) {
                    yield null;
                }
                Matcher m = SQL_TIMESTAMP.matcher(s);
                if (!m.matches()) {
                    throw new ConversionException("'" + s + "' is not a date-time");
                }
                try {
                    LocalDateTime local = LocalDateTime.of(
                            Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                            m.group(4) == null ? 0 : Integer.parseInt(m.group(4)),
                            m.group(5) == null ? 0 : Integer.parseInt(m.group(5)),
                            m.group(6) == null ? 0 : Integer.parseInt(m.group(6)),
                            m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "000000000").substring(0, 9)));
                    String offset = m.group(8);
                    if (offset == null) {
                        yield local.atZone(dbZone).toInstant();
                    }
                    yield local.atOffset(ZoneOffset.of(offset.equals("Z") ? "Z" : normalizeOffset(offset))).toInstant();
                } catch (DateTimeException e) {
                    throw new ConversionException("'" + s + "' is not a valid date-time");
                }
            }
        };
    }

    static LocalDate toDate(Object db) throws ConversionException {
        return switch (db) {
            case java.sql.Date d -> d.toLocalDate();
            case LocalDate d -> d;
            case LocalDateTime t -> t.toLocalDate();
            case java.sql.Timestamp t -> t.toLocalDateTime().toLocalDate();
            default -> {
                String s = db.toString().trim();
                if (s.isEmpty()) {
                    yield null;
                }
                Matcher m = SQL_TIMESTAMP.matcher(s);
                if (!m.matches()) {
                    throw new ConversionException("'" + s + "' is not a date");
                }
                try {
                    yield LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                } catch (DateTimeException e) {
                    throw new ConversionException("'" + s + "' is not a valid date");
                }
            }
        };
    }

    private static String normalizeOffset(String offset) {
        if (offset.length() == 3) {
            return offset + ":00";
        }
        if (offset.length() == 5) {
            return offset.substring(0, 3) + ":" + offset.substring(3);
        }
        return offset;
    }
}
