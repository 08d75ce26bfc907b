package org.concord.connector.jdbc;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Moves values between Java and columns: reads date-time columns as their SQL text (so a zero or
 * broken date becomes a readable error instead of a driver exception) and coerces what a
 * conversion produced to the column's SQL type before binding it.
 */
final class SqlValues {
    private static final DateTimeFormatter SQL_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss", Locale.ROOT);

    private SqlValues() {}

    static Object read(ResultSet rs, int index, int sqlType) throws SQLException {
        return switch (sqlType) {
            case Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIME_WITH_TIMEZONE -> rs.getString(index);
            default -> rs.getObject(index);
        };
    }

    static void bind(PreparedStatement ps, int index, Object value, int sqlType, ZoneId dbZone) throws SQLException {
        Object v = coerce(value, sqlType, dbZone);
        if (v == null) {
            ps.setNull(index, sqlType == Types.OTHER ? Types.VARCHAR : sqlType);
        } else if (sqlType == Types.OTHER) {
            ps.setObject(index, v.toString(), Types.OTHER);
        } else {
            ps.setObject(index, v);
        }
    }

    /** The value as the column's type wants it; an impossible value is an IllegalArgumentException naming it. */
    static Object coerce(Object value, int sqlType, ZoneId dbZone) {
        if (value == null) {
            return null;
        }
        return switch (sqlType) {
            case Types.BOOLEAN, Types.BIT -> switch (value) {
                case Boolean b -> b;
                case Number n -> n.doubleValue() != 0;
                default -> parseBoolean(value.toString());
            };
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> switch (value) {
                case Boolean b -> b ? 1L : 0L;
                case Number n -> n.longValue();
                default -> {
                    try {
                        yield Long.parseLong(value.toString().trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + value + "' is not a whole number");
                    }
                }
            };
            case Types.DECIMAL, Types.NUMERIC, Types.REAL, Types.FLOAT, Types.DOUBLE -> switch (value) {
                case Boolean b -> b ? BigDecimal.ONE : BigDecimal.ZERO;
                case Number n -> new BigDecimal(n.toString());
                default -> {
                    try {
                        yield new BigDecimal(value.toString().trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("'" + value + "' is not a number");
                    }
                }
            };
            case Types.DATE -> switch (value) {
                case LocalDate d -> d;
                case LocalDateTime t -> t.toLocalDate();
                default -> parseDateTime(value.toString(), dbZone).toLocalDate();
            };
            case Types.TIMESTAMP -> switch (value) {
                case LocalDateTime t -> t;
                case LocalDate d -> d.atStartOfDay();
                default -> parseDateTime(value.toString(), dbZone);
            };
            case Types.TIMESTAMP_WITH_TIMEZONE -> switch (value) {
                case LocalDateTime t -> t.atZone(dbZone).toOffsetDateTime();
                case LocalDate d -> d.atStartOfDay(dbZone).toOffsetDateTime();
                case OffsetDateTime t -> t;
                default -> parseDateTime(value.toString(), dbZone).atZone(dbZone).toOffsetDateTime();
            };
            default -> switch (value) {
                case LocalDateTime t -> SQL_DATE_TIME.format(t);
                case Boolean b -> b ? "1" : "0";
                default -> value.toString();
            };
        };
    }

    private static Boolean parseBoolean(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "t", "y", "yes", "on" -> true;
            case "0", "false", "f", "n", "no", "off" -> false;
            default -> throw new IllegalArgumentException("'" + s + "' is neither true nor false");
        };
    }

    /** Parses SQL or ISO date-time text; text with an offset is moved to {@code zone}, text without is in it. */
    static LocalDateTime parseDateTime(String text, ZoneId zone) {
        String s = text.trim().replace(' ', 'T');
        try {
            if (s.length() == 10) {
                return LocalDate.parse(s).atStartOfDay();
            }
            if (s.endsWith("Z")) {
                s = s.substring(0, s.length() - 1) + "+00:00";
            }
            java.util.regex.Matcher m = OFFSET.matcher(s);
            if (m.find()) {
                String offset = m.group(1);
                offset = offset.length() == 3 ? offset + ":00" : offset.length() == 5 ? offset.substring(0, 3) + ":" + offset.substring(3) : offset;
                return OffsetDateTime.of(LocalDateTime.parse(s.substring(0, m.start(1))), java.time.ZoneOffset.of(offset))
                        .atZoneSameInstant(zone).toLocalDateTime();
            }
            return LocalDateTime.parse(s);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date-time");
        }
    }

    private static final java.util.regex.Pattern OFFSET = java.util.regex.Pattern.compile("T[0-9:.]+([+-]\\d{2}(:?\\d{2})?)$");
}
